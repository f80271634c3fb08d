package dev.rehearse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        if (dir == null || dir.equals("none")) {
            throw new AssertionError("a conformance test ran without a corpus: run it with -Pconformance (tag it @Tag(\"conformance\"))");
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
}
