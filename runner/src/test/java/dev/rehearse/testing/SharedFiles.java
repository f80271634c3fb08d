package dev.rehearse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ground truth that tests read from {@code ../shared} (surefire passes it as {@code rehearse.shared}). The guides
 * there are other people's texts: tests read them in place and never copy them into the project.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** A file under the shared folder; fails (never skips) with a clear message when it is not there. */
    public static Path file(String relative) {
        String dir = System.getProperty("rehearse.shared");
        if (dir == null) {
            throw new AssertionError("system property rehearse.shared is not set: run the tests through Maven");
        }
        Path file = Path.of(dir).resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("missing shared file " + file + " (the shared folder sits beside the checkout)");
        }
        return file;
    }

    public static String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines {@code from..to} (1-based, inclusive) of a shared file, with {@code indent} leading columns removed. */
    public static List<String> lines(String relative, int from, int to, int indent) {
        List<String> all = read(relative).lines().toList();
        return all.subList(from - 1, to).stream()
                .map(l -> l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip())
                .toList();
    }
}
