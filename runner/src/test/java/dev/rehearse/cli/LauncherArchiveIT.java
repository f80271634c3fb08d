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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's class-data archive follows the jar and the JVM: a checkout moved after its archive was recorded
 * records one for the jar's new path, where the JVM would silently run without the old one, and each JVM keeps an
 * archive of its own, so that switching between two records nothing again. {@code -Xshare:on} (for an AppCDS
 * archive) and {@code -XX:AOTMode=on} (for a JDK 25 AOT cache) make a JVM that cannot map its archive fail instead
 * of going on without it, so each run here proves the archive is used.
 */
class LauncherArchiveIT {

    @TempDir
    Path dir;

    @Test
    void aMovedCheckoutRecordsAnArchiveForItsJarsNewPath() throws IOException {
        Path first = checkout(dir.resolve("first"));
        lint(first, Map.of());
        List<Path> recorded = archives(first);
        assertEquals(1, recorded.size(), "the first run records an archive");
        assertTrue(Files.size(recorded.get(0)) > 0, "the training run recorded it: " + recorded);
        Map<String, String> archiveRequired = Map.of("REHEARSE_JAVA_OPTS",
                recorded.get(0).toString().endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on");
        lint(first, archiveRequired);

        Path moved = Files.move(first, dir.resolve("moved"));
        lint(moved, archiveRequired);
        List<Path> archives = archives(moved);
        assertEquals(1, archives.size(), "the moved checkout's archive replaced the old one: " + archives);
        lint(moved, archiveRequired);
    }

    @Test
    void twoJvmsInTurnEachKeepTheirArchive() throws IOException {
        Path checkout = checkout(dir.resolve("checkout"));
        Path one = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        Path other = anotherJava(one);
        lint(checkout, Map.of("REHEARSE_JAVA", one.toString()));
        lint(checkout, Map.of("REHEARSE_JAVA", other.toString()));
        List<Path> both = archives(checkout);
        assertEquals(2, both.size(), "one archive for each JVM: " + both);
        Map<Path, FileTime> recorded = new HashMap<>();
        for (Path archive : both) {
            recorded.put(archive, Files.getLastModifiedTime(keyOf(archive)));
        }

        for (Path java : List.of(one, other, one, other)) {
            lint(checkout, Map.of("REHEARSE_JAVA", java.toString(), "REHEARSE_JAVA_OPTS", archiveRequired(java)));
        }
        assertEquals(Set.copyOf(both), Set.copyOf(archives(checkout)), "neither archive was removed");
        for (Path archive : both) {
            assertEquals(recorded.get(archive), Files.getLastModifiedTime(keyOf(archive)),
                    "not recorded again: " + archive);
        }
    }

    /**
     * A command on a container target starts from an archive of its own, trained with a container run; the reading
     * commands' archive stays as it was, without the Docker client's classes.
     */
    @Test
    void aContainerRunHasAnArchiveOfItsOwn() throws IOException {
        aRunRecordsAnArchiveBesideLints("container", "the Docker client's classes too");
    }

    /**
     * A JDK 25 AOT cache is used without replaying its training run's compilations at start (profiles for C2, which
     * the launcher's C1-only JVM never uses): the JVM's own account of its flags says so.
     */
    @Test
    void anAotCacheIsUsedWithoutReplayingItsTraining() throws IOException {
        Path checkout = checkout(dir.resolve("checkout"));
        lint(checkout, Map.of());
        List<Path> recorded = archives(checkout);
        assertEquals(1, recorded.size(), recorded.toString());
        assertTrue(recorded.get(0).toString().endsWith(".aot"), "the launcher picks this machine's JDK 25: " + recorded);

        String flags = Processes.run(checkout, Map.of("REHEARSE_JAVA_OPTS", "-XX:AOTMode=on -XX:+PrintFlagsFinal"),
                checkout.resolve("rehearse").toString(), "--version");

        assertTrue(Pattern.compile("(?m)^\\s*bool AOTReplayTraining\\s+= false\\s+\\{diagnostic} \\{command line}")
                .matcher(flags).find(), flags.lines().filter(l -> l.contains("AOT")).toList().toString());
        assertTrue(flags.contains("rehearse "), "the command itself ran");
    }

    /**
     * What the archives are recorded from: every command of a kind once, each ending as it should, printing
     * nothing; the reading commands' training runs nothing.
     */
    @Test
    void theTrainingRunsEveryCommandQuietly() throws IOException {
        Path reading = Files.createDirectories(dir.resolve("reading"));
        Path running = Files.createDirectories(dir.resolve("running"));
        String out = Processes.run(dir, Map.of(), "java", "-cp", RehearseJar.jar().toString(),
                "dev.rehearse.cli.Training", reading.toString(), Checkout.seedRunbook().toString());
        out += Processes.run(dir, Map.of(), "java", "-cp", RehearseJar.jar().toString(),
                "dev.rehearse.cli.Training", running.toString(), Checkout.seedRunbook().toString(), "--running");

        assertEquals("", out);
        assertTrue(Files.isRegularFile(running.resolve("run/results.json")), "the run of its runbook kept its record");
        assertTrue(Files.isRegularFile(running.resolve("matrix/matrix.json")), "the matrix of its runbook compared");
        assertFalse(Files.exists(reading.resolve("run")), "the reading commands' training ran nothing");
    }

    /**
     * The commands that read guides start from an archive without the classes of running a target: a run records
     * an archive of its own, larger, and lint's is left as it was.
     */
    @Test
    void aRunHasAnArchiveOfItsOwnBesideTheReadingCommands() throws IOException {
        aRunRecordsAnArchiveBesideLints("local", "the classes of a run too");
    }

    /**
     * lint records the reading commands' archive; a run on {@code target} then records one of its own beside it,
     * larger (it holds {@code holds}), and leaves lint's as it was; a second run and a lint, each requiring its
     * archive, record nothing again.
     */
    private void aRunRecordsAnArchiveBesideLints(String target, String holds) throws IOException {
        Path checkout = checkout(dir.resolve("checkout"));
        lint(checkout, Map.of());
        List<Path> reading = archives(checkout);
        assertEquals(1, reading.size(), "lint's archive: " + reading);
        FileTime readingRecorded = Files.getLastModifiedTime(keyOf(reading.get(0)));
        String required = reading.get(0).toString().endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on";

        String out = Processes.run(checkout, Map.of(), checkout.resolve("rehearse").toString(), "run",
                Checkout.file("docs/first-guide.md").toString(), "--target", target,
                "--report-dir", dir.resolve("reports").toString());

        assertTrue(out.contains("0 FAIL"), out);
        List<Path> both = archives(checkout);
        assertEquals(2, both.size(), "the run's archive beside lint's: " + both);
        Path running = both.stream().filter(a -> !a.equals(reading.get(0))).findFirst().orElseThrow();
        assertTrue(Files.size(running) > Files.size(reading.get(0)), "it holds " + holds + ": " + running);
        assertEquals(readingRecorded, Files.getLastModifiedTime(keyOf(reading.get(0))), "lint's archive left as it was");
        out = Processes.run(checkout, Map.of("REHEARSE_JAVA_OPTS", required), checkout.resolve("rehearse").toString(),
                "run", Checkout.file("docs/first-guide.md").toString(), "--target", target,
                "--report-dir", dir.resolve("again").toString());
        assertTrue(out.contains("0 FAIL"), out);
        lint(checkout, Map.of("REHEARSE_JAVA_OPTS", required));
        assertEquals(Set.copyOf(both), Set.copyOf(archives(checkout)), "nothing recorded again");
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

    /** A java of another JDK than {@code one}'s, among those installed (this machine's Java 17 and 25). */
    private static Path anotherJava(Path one) throws IOException {
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path home : homes.sorted().toList()) {
                Path java = home.resolve("bin/java");
                if (Files.isExecutable(java) && !java.toRealPath().equals(one)) {
                    return java.toRealPath();
                }
            }
        }
        throw new AssertionError("needs a second JDK under /usr/lib/jvm besides " + one);
    }

    /** The option that makes {@code java} fail, rather than go on, when it cannot map its archive. */
    private static String archiveRequired(Path java) throws IOException {
        String release = Files.readString(java.getParent().getParent().resolve("release"));
        Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(release);
        assertTrue(version.find(), java + "'s release names no version");
        return Integer.parseInt(version.group(1)) >= 25 ? "-XX:AOTMode=on" : "-Xshare:on";
    }

    private static Path keyOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".key");
    }

    private static List<Path> archives(Path checkout) throws IOException {
        try (Stream<Path> files = Files.list(checkout.resolve("runner/target"))) {
            return files.filter(f -> f.getFileName().toString().matches("rehearse-.+\\.(jsa|aot)")).toList();
        }
    }
}
