package dev.rehearse.cli;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./rehearse} on a checkout that has never been built (a copy of what the build reads, no target folder),
 * called through a symbolic link from another folder: the first call builds, saying so in one line and nothing of
 * Maven's, then runs; the next only runs; a build that really fails shows Maven's errors.
 */
class LauncherIT {

    @Test
    void theFirstCallBuildsQuietlyFromAnyFolderThroughALink(@TempDir Path dir) throws IOException {
        Path checkout = copyOfTheSources(dir.resolve("checkout"));
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("bin")).resolve("rehearse"),
                checkout.resolve("rehearse"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(Checkout.root().resolve("fixtures/guides/hello.rst"), elsewhere.resolve("hello.rst"));
        Path jar = checkout.resolve("runner/target/rehearse.jar");

        RehearseJar.Outcome first = RehearseJar.exec(elsewhere, List.of(link.toString(), "plan", "hello.rst"));

        assertEquals(0, first.exit(), first.both());
        assertEquals("rehearse: building " + jar + "\n", first.err(), "one line, nothing of Maven's");
        assertTrue(first.out().startsWith("hello: hello.rst (no sidecar)\n"), first.both());
        RehearseJar.Outcome second = RehearseJar.exec(elsewhere, List.of(link.toString(), "plan", "hello.rst"));
        assertEquals("", second.err(), "built already");
        assertEquals(first.out(), second.out());

        // edited in place, deep down: its folder's time stays as it was
        Path edited = checkout.resolve("runner/src/main/java/dev/rehearse/cli/Main.java");
        Files.writeString(edited, "class Broken {\n", StandardOpenOption.APPEND);
        RehearseJar.Outcome broken = RehearseJar.exec(elsewhere, List.of(link.toString(), "plan", "hello.rst"));
        assertEquals(1, broken.exit(), broken.both());
        assertTrue(broken.err().startsWith("rehearse: building " + jar + "\n"), broken.both());
        assertTrue(broken.err().contains("[ERROR]") && broken.err().contains("Main.java"), "Maven's errors: "
                + broken.both());
        assertTrue(broken.err().endsWith("rehearse: the build failed (Maven's messages above)\n"), broken.both());
        assertFalse(broken.out().contains("hello:"), "nothing ran");
    }

    /**
     * {@code REHEARSE_JAVA} may name a java program or, as {@code JAVA_HOME} does, a JDK's folder; anything else is
     * one line and exit 2, not bash's own words about a folder it cannot execute.
     */
    @Test
    void rehearseJavaIsAJavaOrAJdksFolderAndAnythingElseIsOneLine() {
        Path jdk = Path.of(System.getProperty("java.home"));
        for (Path java : List.of(jdk, jdk.resolve("bin/java"))) {
            RehearseJar.Outcome version = RehearseJar.launcher(Checkout.root(), Map.of("REHEARSE_JAVA", java.toString()),
                    "--version");
            assertEquals(0, version.exit(), version.both());
            assertEquals("rehearse " + Main.VERSION + "\n", version.out(), java.toString());
        }
        RehearseJar.Outcome wrong = RehearseJar.launcher(Checkout.root(), Map.of("REHEARSE_JAVA", "/no/such/java"),
                "--version");
        assertEquals(2, wrong.exit(), wrong.both());
        assertEquals("rehearse: REHEARSE_JAVA=/no/such/java is neither a java program nor a JDK's folder\n", wrong.err());
        assertEquals("", wrong.out());
    }

    /** What the build reads: the poms, the launcher, the main sources and the stardust recipe. */
    private static Path copyOfTheSources(Path to) throws IOException {
        Path root = Checkout.root();
        for (String part : List.of("pom.xml", "rehearse", "runner/pom.xml", "runner/src/main", "fixtures/stardust",
                "fixtures/synapse-double")) {
            Path from = root.resolve(part);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = root.relativize(file).toString();
                    if (name.contains("__pycache__")) {
                        continue;
                    }
                    Path target = to.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
