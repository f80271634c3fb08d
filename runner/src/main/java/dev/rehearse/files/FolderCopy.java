package dev.rehearse.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a folder to a new place whole or not at all: into a temporary folder beside the new place, then renamed to
 * it. A symbolic link inside is copied as the link it is, never followed out of the folder; a place that exists
 * already is left as it is and refused.
 */
public final class FolderCopy {
    private FolderCopy() {
    }

    /** @throws FileAlreadyExistsException when {@code to} exists (then nothing changed) */
    public static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(to.toString());
        }
        Path target = to.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = TemporaryFiles.nameBeside(target);
        try {
            List<Path> entries;
            try (Stream<Path> walk = Files.walk(from)) {
                entries = walk.toList();
            }
            for (Path entry : entries) {
                Files.copy(entry, temp.resolve(from.relativize(entry).toString()), LinkOption.NOFOLLOW_LINKS,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            remove(temp);
            throw e;
        }
    }

    private static void remove(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }
}
