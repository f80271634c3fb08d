package dev.rehearse.engine;

import dev.rehearse.plan.SidecarReader;
import dev.rehearse.read.GuideFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runbooks under a folder. A folder with a {@code runbook.yaml} is one runbook (whatever else it holds: includes,
 * files the guide writes). In any other folder every guide file is a runbook of its own (a bare guide), and its
 * subfolders are searched the same way, except hidden ones, those starting with {@code _} and {@code includes}:
 * where guides keep the fragments they include, which are no runbooks.
 */
final class RunbookFolders {

    private RunbookFolders() {
    }

    /** The runbooks under {@code folder}, in name order: runbook folders and bare guide files. */
    static List<Path> find(Path folder) {
        List<Path> found = new ArrayList<>();
        collect(folder, found);
        return found;
    }

    /** A file a FileSelector may name as a runbook: a guide or a sidecar. */
    static boolean isRunbookFile(Path file) {
        return Files.isRegularFile(file) && (file.getFileName().toString().equals(SidecarReader.SIDECAR)
                || GuideFormat.of(file) != null);
    }

    private static void collect(Path folder, List<Path> found) {
        if (Files.isRegularFile(folder.resolve(SidecarReader.SIDECAR))) {
            found.add(folder);
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry) && searched(entry)) {
                collect(entry, found);
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
