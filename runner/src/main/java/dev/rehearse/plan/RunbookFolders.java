package dev.rehearse.plan;

import dev.rehearse.guide.BadInput;
import dev.rehearse.read.GuideFormat;
import dev.rehearse.read.common.SourceText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runbooks under a folder. A folder with a {@code runbook.yaml} is one runbook (whatever else it holds: includes,
 * files the guide writes). In any other folder every guide file is a runbook of its own (a bare guide), and its
 * subfolders are searched the same way, except hidden ones, those starting with {@code _} and {@code includes}:
 * where guides keep the fragments they include, which are no runbooks. {@code runs}, the JUnit engine and the
 * commands that only read guides ({@code lint}, {@code blocks}) find them alike.
 */
public final class RunbookFolders {

    private RunbookFolders() {
    }

    /**
     * The runbooks under {@code folder}, in name order: runbook folders and bare guide files. A folder reached again
     * through a link (a loop, or two ways to one folder) is searched once.
     *
     * @throws BadInput for a folder that cannot be listed
     */
    public static List<Path> find(Path folder) {
        List<Path> found = new ArrayList<>();
        collect(folder, found, new HashSet<>());
        return found;
    }

    /**
     * What the paths a user gave to a command that reads guides name, in the order given: a file is itself, a
     * runbook folder its runbook, and any other folder the runbooks under it.
     *
     * @throws BadInput for a folder with no runbook under it
     */
    public static List<Path> named(List<Path> given) {
        List<Path> runbooks = new ArrayList<>();
        for (Path path : given) {
            if (!Files.isDirectory(path)) {
                runbooks.add(path); // reading it says what is wrong with it, if anything
                continue;
            }
            List<Path> found = find(path); // a runbook folder finds itself
            if (found.isEmpty()) {
                throw new BadInput(SourceText.display(path), 0, "holds no guide (no ."
                        + String.join(", .", GuideFormat.allExtensions()) + " file and no " + SidecarReader.SIDECAR
                        + ", in it or below it)");
            }
            runbooks.addAll(found);
        }
        return runbooks;
    }

    /** A file a FileSelector may name as a runbook: a guide or a sidecar. */
    public static boolean isRunbookFile(Path file) {
        return Files.isRegularFile(file) && (file.getFileName().toString().equals(SidecarReader.SIDECAR)
                || GuideFormat.of(file) != null);
    }

    private static void collect(Path folder, List<Path> found, Set<Path> searched) {
        List<Path> entries;
        try {
            if (!searched.add(folder.toRealPath())) {
                return;
            }
            if (Files.isRegularFile(folder.resolve(SidecarReader.SIDECAR))) {
                found.add(folder);
                return;
            }
            try (Stream<Path> list = Files.list(folder)) {
                entries = list.sorted().toList();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInput(SourceText.display(folder), 0, "folder cannot be listed");
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry) && searched(entry)) {
                collect(entry, found, searched);
            } else if (Files.isRegularFile(entry) && GuideFormat.of(entry) != null) {
                found.add(entry);
            }
        }
    }

    private static boolean searched(Path folder) {
        String name = folder.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("_") && !name.equals("includes");
    }
}
