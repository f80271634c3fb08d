package dev.rehearse.cli;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.Processes;
import dev.rehearse.testing.PtyDialog;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
     * An archive is recorded for the JVM options the launcher starts with: a launcher whose options changed after
     * its archive was recorded (a pull that leaves the jar as it was) records it again, where the JVM would refuse
     * the old one (compact object headers change the layout of every archived object) or go on without it.
     */
    @Test
    void aLauncherWhoseJvmOptionsChangedRecordsItsArchiveAgain() throws IOException {
        Path checkout = checkout(dir.resolve("checkout"));
        Path cache = aotCacheRecordedByLint(checkout);
        Path launcher = checkout.resolve("rehearse");
        String options = "opts=(-XX:TieredStopAtLevel=1";
        String text = Files.readString(launcher);
        assertTrue(text.contains(options), "the launcher's options start so");
        Files.writeString(launcher, text.replace(options, options + " -XX:+UseCompactObjectHeaders"));

        lint(checkout, Map.of("REHEARSE_JAVA_OPTS", "-XX:AOTMode=on"));

        assertEquals(List.of(cache), archives(checkout));
        assertTrue(Files.readString(keyOf(cache)).contains("-XX:+UseCompactObjectHeaders"),
                "recorded again, for the options it is now used with");
    }

    /**
     * A JDK 25 AOT cache is used without replaying its training run's compilations at start (profiles for C2, which
     * the launcher's C1-only JVM never uses): the JVM's own account of its flags says so.
     */
    @Test
    void anAotCacheIsUsedWithoutReplayingItsTraining() throws IOException {
        Path checkout = checkout(dir.resolve("checkout"));
        aotCacheRecordedByLint(checkout);

        String flags = Processes.run(checkout, Map.of("REHEARSE_JAVA_OPTS", "-XX:AOTMode=on -XX:+PrintFlagsFinal"),
                checkout.resolve("rehearse").toString(), "--version");

        assertTrue(Pattern.compile("(?m)^\\s*bool AOTReplayTraining\\s+= false\\s+\\{diagnostic} \\{command line}")
                .matcher(flags).find(), flags.lines().filter(l -> l.contains("AOT")).toList().toString());
        assertTrue(flags.contains("rehearse "), "the command itself ran");
    }

    /**
     * The first call after a build spends seconds recording the archive before its command starts: at a terminal it
     * says so first, once; through a pipe (a script, CI) its output is the command's alone.
     */
    @Test
    void theFirstCallAtATerminalSaysItRecordsTheArchiveAndAPipeGetsOnlyTheCommandsOutput() throws IOException {
        String notice = "rehearse: recording the class archive this command starts from (once per build: a few "
                + "seconds)";
        Path atTerminal = checkout(dir.resolve("terminal"));
        Map<String, String> env = new HashMap<>(System.getenv());
        for (int call = 0; call < 2; call++) {
            try (PtyDialog terminal = PtyDialog.start(dir, env, lintLine(atTerminal))) {
                assertEquals(0, terminal.waitFor(Duration.ofMinutes(2)), terminal.transcript());
                String shown = terminal.transcript().replace("\r\n", "\n");
                assertEquals(call == 0, shown.startsWith(notice + "\n"), "call " + (call + 1) + ":\n" + shown);
                assertTrue(shown.contains("0 errors"), shown);
            }
        }
        assertEquals(1, archives(atTerminal).size());

        Path piped = checkout(dir.resolve("piped"));
        String out = Processes.run(piped, Map.of(), lintLine(piped).toArray(String[]::new));
        assertFalse(out.contains("recording"), out);
        assertEquals(1, archives(piped).size(), "recorded all the same");
    }

    /**
     * What the archives are recorded from: every command of a kind once, each ending as it should, printing
     * nothing; the reading commands' training runs nothing, the running commands' no matrix.
     */
    @Test
    void theTrainingRunsEveryCommandQuietly() throws IOException {
        Path reading = Files.createDirectories(dir.resolve("reading"));
        Path running = Files.createDirectories(dir.resolve("running"));
        Path matrix = Files.createDirectories(dir.resolve("matrix"));
        String out = training(reading);
        out += training(running, "--running");
        out += training(matrix, "--matrix");

        assertEquals("", out);
        assertFalse(Files.exists(reading.resolve("run")), "the reading commands' training ran nothing");
        assertTrue(Files.isRegularFile(running.resolve("run/results.json")), "the run of its runbook kept its record");
        assertFalse(Files.exists(running.resolve("matrix")), "the running commands' training made no matrix");
        assertTrue(Files.isRegularFile(matrix.resolve("run/results.json")), "the matrix's training ran the runbook");
        assertTrue(Files.isRegularFile(matrix.resolve("matrix/matrix.json")), "the matrix of its runbook compared");
    }

    private static String training(Path work, String... kind) {
        List<String> command = new ArrayList<>(List.of("java", "-cp", RehearseJar.jar().toString(),
                "dev.rehearse.cli.Training", work.toString(), Checkout.seedRunbook().toString()));
        command.addAll(List.of(kind));
        return Processes.run(work, Map.of(), command.toArray(String[]::new));
    }

    /**
     * The commands that read guides start from an archive without the classes of running a target: a run records
     * an archive of its own, larger, and lint's is left as it was.
     */
    @Test
    void aRunHasAnArchiveOfItsOwnBesideTheReadingCommands() throws IOException {
        Path checkout = checkout(dir.resolve("checkout"));
        recordsAnArchiveBeside(checkout, lintLine(checkout), "0 errors", runLine(checkout, "local"), "0 FAIL",
                "the classes of a run too");
    }

    /**
     * A matrix starts from an archive of its own, with the classes of its comparison (JSON and XML read back) that
     * a run never loads: recorded beside the run's, larger, and the run's is left as it was.
     */
    @Test
    void aMatrixHasAnArchiveOfItsOwnBesideARun() throws IOException {
        Path checkout = checkout(dir.resolve("checkout"));
        Path runbook = Files.createDirectories(dir.resolve("runbook"));
        Files.copy(Checkout.file("docs/first-guide.md"), runbook.resolve("guide.md"));
        Files.writeString(runbook.resolve("runbook.yaml"), """
                guide: guide.md

                vars:
                  greeting: ~

                bindings:
                  "Hello, Rehearse!": "${greeting}"
                """);
        List<String> matrix = List.of(checkout.resolve("rehearse").toString(), "matrix", runbook.toString(),
                "--vary", "greeting=Hello,Hi", "--target", "local", "--report-dir", dir.resolve("matrix").toString());
        recordsAnArchiveBeside(checkout, runLine(checkout, "local"), "0 FAIL", matrix, "0 regressions",
                "the classes of a matrix's comparison too");
    }

    /**
     * A command on a container target starts from an archive of its own, trained with a container run; the reading
     * commands' archive stays as it was, without the Docker client's classes.
     */
    @Test
    void aContainerRunHasAnArchiveOfItsOwn() throws IOException {
        Path checkout = checkout(dir.resolve("checkout"));
        recordsAnArchiveBeside(checkout, lintLine(checkout), "0 errors", runLine(checkout, "container"), "0 FAIL",
                "the Docker client's classes too");
    }

    /**
     * {@code first} records an archive; {@code second}, a command of another kind, then records one of its own
     * beside it, larger (it holds {@code holds}), and leaves the first as it was; each command again, requiring its
     * archive, records nothing again.
     */
    private void recordsAnArchiveBeside(Path checkout, List<String> first, String firstSays, List<String> second,
                                        String secondSays, String holds) throws IOException {
        assertSays(firstSays, checkout, Map.of(), first);
        List<Path> one = archives(checkout);
        assertEquals(1, one.size(), "the first command's archive: " + one);
        FileTime firstRecorded = Files.getLastModifiedTime(keyOf(one.get(0)));
        String required = one.get(0).toString().endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on";

        assertSays(secondSays, checkout, Map.of(), second);

        List<Path> both = archives(checkout);
        assertEquals(2, both.size(), "the second command's archive beside the first's: " + both);
        Path added = both.stream().filter(a -> !a.equals(one.get(0))).findFirst().orElseThrow();
        assertTrue(Files.size(added) > Files.size(one.get(0)), "it holds " + holds + ": " + added);
        assertEquals(firstRecorded, Files.getLastModifiedTime(keyOf(one.get(0))), "the first archive left as it was");
        assertSays(secondSays, checkout, Map.of("REHEARSE_JAVA_OPTS", required), second);
        assertSays(firstSays, checkout, Map.of("REHEARSE_JAVA_OPTS", required), first);
        assertEquals(Set.copyOf(both), Set.copyOf(archives(checkout)), "nothing recorded again");
    }

    /** The one archive a first {@code lint} records in {@code checkout}: an AOT cache, this machine has a JDK 25. */
    private static Path aotCacheRecordedByLint(Path checkout) throws IOException {
        lint(checkout, Map.of());
        List<Path> recorded = archives(checkout);
        assertEquals(1, recorded.size(), recorded.toString());
        assertTrue(recorded.get(0).toString().endsWith(".aot"), "the launcher picks this machine's JDK 25: " + recorded);
        return recorded.get(0);
    }

    private static void assertSays(String says, Path checkout, Map<String, String> env, List<String> command) {
        String out = Processes.run(checkout, env, command.toArray(String[]::new));
        assertTrue(out.contains(says), out);
    }

    private static void lint(Path checkout, Map<String, String> env) {
        assertSays("0 errors", checkout, env, lintLine(checkout));
    }

    private static List<String> lintLine(Path checkout) {
        return List.of(checkout.resolve("rehearse").toString(), "lint",
                Checkout.file("docs/first-guide.md").toString());
    }

    /** A run of the first guide on {@code target}, its reports in one folder. */
    private List<String> runLine(Path checkout, String target) {
        return List.of(checkout.resolve("rehearse").toString(), "run", Checkout.file("docs/first-guide.md").toString(),
                "--target", target, "--report-dir", dir.resolve("reports").toString());
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
