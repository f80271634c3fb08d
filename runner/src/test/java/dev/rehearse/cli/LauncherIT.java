package dev.rehearse.cli;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.PtyDialog;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
     * Two calls at once on a checkout never built (a script's parallel calls, CI jobs sharing a checkout): one
     * builds, the other waits for it and builds nothing; both run. Before, both ran Maven into one folder, and one
     * failed on the other's half-written jar.
     */
    @Test
    void twoCallsAtOnceBuildOnceAndBothRun(@TempDir Path dir) throws Exception {
        Path checkout = copyOfTheSources(dir.resolve("checkout"));
        Path guide = Files.copy(Checkout.root().resolve("fixtures/guides/hello.rst"), dir.resolve("hello.rst"));
        List<String> command = List.of(checkout.resolve("rehearse").toString(), "plan", guide.toString());
        CompletableFuture<RehearseJar.Outcome> one = CompletableFuture.supplyAsync(() -> RehearseJar.exec(dir, command));
        CompletableFuture<RehearseJar.Outcome> other = CompletableFuture.supplyAsync(() -> RehearseJar.exec(dir, command));
        List<RehearseJar.Outcome> both = List.of(one.get(), other.get());
        for (RehearseJar.Outcome call : both) {
            assertEquals(0, call.exit(), call.both());
            assertTrue(call.out().startsWith("hello: hello.rst (no sidecar)\n"), call.both());
        }
        assertEquals(1, both.stream().filter(call -> call.err().contains("rehearse: building")).count(),
                both.get(0).both() + both.get(1).both());
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

    /**
     * Ctrl-C while the first run after a build records its class archive stops the launcher there: bash waits for
     * the training run in the foreground and would go on to the command itself once that ended. Nothing half
     * recorded is kept, so the next call records it again and runs.
     */
    @Test
    void ctrlCWhileTheArchiveIsRecordedStopsTheLauncherAndRunsNothing(@TempDir Path dir) throws IOException {
        Path checkout = copyOfTheSources(dir.resolve("checkout"));
        Path target = checkout.resolve("runner/target");
        Files.copy(RehearseJar.jar(), Files.createDirectories(target).resolve("rehearse.jar")); // newer than them all
        Path guide = Files.copy(Checkout.root().resolve("fixtures/guides/hello.rst"), dir.resolve("hello.rst"));

        String stopped = stoppedWhile("dev.rehearse.cli.Training", checkout, dir, "lint", guide.toString());

        assertTrue(stopped.contains("rehearse: stopped by Ctrl-C (SIGINT) while recording the class archive (the first "
                + "run after a build); nothing ran\n"), stopped);
        assertFalse(stopped.contains("in 1 guide"), "lint never ran:\n" + stopped);
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of("rehearse.jar"), files.map(f -> f.getFileName().toString()).toList(),
                    "no archive, whole or half");
        }
        RehearseJar.Outcome next = RehearseJar.exec(dir, List.of(checkout.resolve("rehearse").toString(), "lint",
                guide.toString()));
        assertEquals("0 errors, 0 warnings in 1 guide\n", next.err(), next.both());
    }

    /** The same while the jar is built: the jar, perhaps half written, goes, and the next call builds it. */
    @Test
    void ctrlCWhileTheJarIsBuiltStopsTheLauncherAndRunsNothing(@TempDir Path dir) throws IOException {
        Path checkout = copyOfTheSources(dir.resolve("checkout"));
        Path guide = Files.copy(Checkout.root().resolve("fixtures/guides/hello.rst"), dir.resolve("hello.rst"));

        String stopped = stoppedWhile("-Dmaven.multiModuleProjectDirectory=" + checkout, checkout, dir, "lint",
                guide.toString());

        assertTrue(stopped.contains("rehearse: stopped by Ctrl-C (SIGINT) while building the jar; nothing ran\n"),
                stopped);
        assertFalse(stopped.contains("in 1 guide") || stopped.contains("build failed"), stopped);
        assertFalse(Files.exists(checkout.resolve("runner/target/rehearse.jar")));
    }

    /**
     * The launcher's output when it is started on a terminal and Ctrl-C is typed once a process whose command line
     * holds {@code marker} (and the checkout's path) runs under it and catches SIGINT, as a JVM does once it has
     * started: earlier, SIGINT ends that JVM by its default action, and bash ends then too. The launcher must end by
     * that SIGINT.
     */
    private static String stoppedWhile(String marker, Path checkout, Path dir, String... args) {
        List<String> command = Stream.concat(Stream.of(checkout.resolve("rehearse").toString()), Stream.of(args))
                .toList();
        try (PtyDialog terminal = PtyDialog.start(dir, Map.of("PATH", System.getenv("PATH"), "HOME",
                System.getProperty("user.home")), command)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!catchingSigint(marker, checkout.toString())) {
                assertTrue(System.nanoTime() < deadline, "no process with " + marker + ":\n" + terminal.transcript());
                Thread.onSpinWait();
            }
            terminal.type("\u0003");
            assertEquals(130, terminal.waitFor(Duration.ofMinutes(2)), terminal.transcript());
            return terminal.transcript();
        }
    }

    /** whether a process of this machine has a command line holding both strings and a handler of SIGINT */
    private static boolean catchingSigint(String marker, String path) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().arguments().map(a -> String.join(" ", a))
                    .filter(line -> line.contains(marker) && line.contains(path)).isPresent())
                    .anyMatch(p -> caught(p.pid()) % 4 >= 2); // SIGINT is signal 2: bit 1 of the mask
        }
    }

    /** the mask of the signals a process has handlers for ({@code SigCgt}), 0 once it has gone */
    private static long caught(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("SigCgt:")) {
                    return Long.parseUnsignedLong(line.substring("SigCgt:".length()).strip(), 16);
                }
            }
        } catch (IOException gone) {
            // ended meanwhile
        }
        return 0;
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
