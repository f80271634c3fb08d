package dev.rehearse.run;

import dev.rehearse.files.AtomicFiles;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.Faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The default report folder of a guide: named after its runbook ({@code index} for {@code docs/index.md}), and kept
 * to that one guide, as two guides of one name ({@code a/index.md}, {@code b/index.md}) would otherwise overwrite
 * each other's reports, and an {@code update} or a {@code --from} run would take another guide's. The first guide to
 * use a name holds its folder (the guide's path in {@value #OWNER} there); another one of that name takes
 * {@code NAME-2}, {@code NAME-3}, ... as they come, the same one at every run. A folder whose guide is no longer there
 * (a checkout moved or removed) goes to the next guide of its name that asks.
 */
final class ReportFolder {
    /** the file in a report folder that names the guide whose reports it holds */
    static final String OWNER = "guide.txt";

    private ReportFolder() {
    }

    /** The folder under {@code root} for the runbook {@code name}'s reports; {@code guide} null: its name alone. */
    static Path of(Path root, String name, Guide guide) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "guide"; // a guide named .md, say: never the folder of every guide's reports, nor above it
        }
        if (guide == null) {
            return root.resolve(name);
        }
        String owner = guide.place();
        for (int n = 1; ; n++) {
            Path folder = root.resolve(n == 1 ? name : name + "-" + n);
            Optional<String> held = ownerOf(folder);
            if (held.isEmpty()) {
                held = claim(folder, owner);
            } else if (!held.get().equals(owner) && !held.get().isEmpty() && !Files.exists(Path.of(held.get()))) {
                // its guide is gone (a checkout moved or removed): a folder a name for each place it ever stood
                // in would pile up, so the guide of that name here takes it over
                held = takeOver(folder, owner);
            }
            if (held.get().equals(owner)) {
                return folder;
            }
        }
    }

    private static Optional<String> takeOver(Path folder, String owner) {
        try {
            AtomicFiles.replace(folder.resolve(OWNER), owner + "\n");
        } catch (IOException e) {
            throw cannotKeep(folder, e);
        }
        return Optional.of(owner);
    }

    /** Who holds the folder; empty when nobody does (a folder of a version before owners were kept counts so). */
    private static Optional<String> ownerOf(Path folder) {
        try {
            return Optional.of(Files.readString(folder.resolve(OWNER), StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException free) {
            return Optional.empty();
        } catch (IOException e) {
            throw cannotKeep(folder, e);
        }
    }

    /**
     * Makes {@code owner} the folder's holder unless another run got there first (two runs at once): the file is
     * made only where none is, and one made by the other run says who holds the folder (or, still empty, that
     * someone else does).
     */
    private static Optional<String> claim(Path folder, String owner) {
        Path file = folder.resolve(OWNER);
        try {
            Files.createDirectories(folder);
            Files.createFile(file);
        } catch (FileAlreadyExistsException taken) {
            return ownerOf(folder);
        } catch (IOException e) {
            throw cannotKeep(folder, e);
        }
        try {
            Files.writeString(file, owner + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw cannotKeep(folder, e);
        }
        return Optional.of(owner);
    }

    /** the default folder cannot be used (HOME or XDG_STATE_HOME where no folder can be): the run never starts */
    private static BadInput cannotKeep(Path folder, IOException e) {
        BadInput bad = new BadInput("--report-dir", 0, "the reports cannot be kept in " + folder + ": "
                + Faults.withCauses(e) + " (name a folder with --report-dir)");
        bad.initCause(e);
        return bad;
    }
}
