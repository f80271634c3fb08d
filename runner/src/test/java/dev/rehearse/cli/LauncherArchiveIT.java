package dev.rehearse.cli;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.Processes;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's class-data archive follows the jar: a checkout moved after its archive was recorded records one
 * for the jar's new path, where the JVM would silently run without the old one. {@code -Xshare:on} makes a JVM
 * that cannot map its archive fail instead of going on without it, so each run here proves the archive is used.
 */
class LauncherArchiveIT {
    private static final Map<String, String> ARCHIVE_REQUIRED = Map.of("REHEARSE_JAVA_OPTS", "-Xshare:on");

    @TempDir
    Path dir;

    @Test
    void aMovedCheckoutRecordsAnArchiveForItsJarsNewPath() throws IOException {
        Path first = checkout(dir.resolve("first"));
        lint(first, Map.of());
        assertEquals(1, archives(first).size(), "the first run records an archive");
        lint(first, ARCHIVE_REQUIRED);

        Path moved = Files.move(first, dir.resolve("moved"));
        lint(moved, ARCHIVE_REQUIRED);
        List<Path> archives = archives(moved);
        assertEquals(1, archives.size(), "the moved checkout's archive replaced the old one: " + archives);
        lint(moved, ARCHIVE_REQUIRED);
    }

    private static void lint(Path checkout, Map<String, String> env) {
        String out = Processes.run(checkout, env, checkout.resolve("rehearse").toString(), "lint",
                Checkout.file("docs/first-guide.md").toString());
        assertTrue(out.contains("0 errors"), out);
    }

    /** The launcher, the jar, and the files it compares the jar's age with, all older than the jar. */
    private static Path checkout(Path root) throws IOException {
        Files.createDirectories(root.resolve("runner/src/main"));
        Files.createDirectories(root.resolve("runner/target"));
        Files.copy(Checkout.root().resolve("rehearse"), root.resolve("rehearse"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Checkout.root().resolve("pom.xml"), root.resolve("pom.xml"));
        Files.copy(Checkout.root().resolve("runner/pom.xml"), root.resolve("runner/pom.xml"));
        Files.copy(RehearseJar.jar(), root.resolve("runner/target/rehearse.jar"));
        FileTime before = FileTime.from(Instant.now().minusSeconds(3600));
        for (String older : List.of("pom.xml", "runner/pom.xml", "runner/src/main")) {
            Files.setLastModifiedTime(root.resolve(older), before);
        }
        return root;
    }

    private static List<Path> archives(Path checkout) throws IOException {
        try (Stream<Path> files = Files.list(checkout.resolve("runner/target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }
}
