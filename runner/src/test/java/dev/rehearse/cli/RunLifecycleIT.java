package dev.rehearse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.targets.container.StardustImage;
import dev.rehearse.targets.local.OtherProcessLock;
import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.Processes;
import dev.rehearse.testing.PtyDialog;
import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RehearseProcess;
import dev.rehearse.testing.RunUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's lifecycle on real processes: {@code ./rehearse run} (the built jar) stopped by real signals (Ctrl-C typed
 * at a real terminal, SIGTERM, SIGKILL) while a step of our own guide waits, on the local target (as root: a run
 * user and a sandbox) and on a container; what it leaves (reports, the record, the user, the container); what the
 * next run does with it (reaps it; {@code --from} builds on it only when it covers the skipped steps).
 */
class RunLifecycleIT {
    private static final Path ROOT = RehearseProcess.ROOT;
    private static final String GUIDE = ROOT.resolve("fixtures/guides/interrupted").toString();
    private static final String STUBBORN = ROOT.resolve("fixtures/guides/stubborn.rst").toString();
    private static final String FAIL = ROOT.resolve("fixtures/guides/fail.rst").toString();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOCAL = Pattern.compile("local (\\S+) \\(user ([^,)\\s]+)");
    private static final Pattern CONTAINER = Pattern.compile("container \\S+ (\\w{12}) \\((\\w+)@");

    @TempDir
    Path reports;

    @BeforeAll
    static void launcherExecsTheJvm() {
        RehearseProcess.warmUp();
    }

    @Test
    void ctrlCAtATerminalStopsTheStepWritesTheReportsRemovesTheUserAndExits130() throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TERM", "xterm");
        env.put("NO_COLOR", "1");
        try (PtyDialog terminal = PtyDialog.start(ROOT, env, List.of(ROOT.resolve("rehearse").toString(), "run", GUIDE,
                "--target", "local", "--report-dir", reports.toString()))) {
            JsonNode running = awaitRecordAt(2, terminal::transcript);
            Matcher local = local(running);
            Path home = Path.of(local.group(1));
            awaitFile(home.resolve("waiting"), terminal::transcript);

            terminal.type("\u0003");
            int exit = terminal.waitFor(Duration.ofMinutes(2));

            String shown = terminal.transcript();
            assertEquals(130, exit, shown);
            JsonNode record = results();
            assertEquals(List.of("PASS", "INTERRUPTED", "SKIP"), verdicts(record), shown);
            assertTrue(record.at("/steps/1/reason").asText().startsWith("interrupted by Ctrl-C (SIGINT) after "), shown);
            assertEquals("after the interrupt at step 2", record.at("/steps/2/reason").asText());
            assertEquals("INTERRUPTED", record.at("/summary/status").asText());
            assertEquals(2, record.at("/summary/interrupted_at").asInt());
            assertTrue(Files.readString(reports.resolve("junit.xml")).contains("type=\"INTERRUPTED\""));
            assertTrue(Files.readString(reports.resolve("report.html")).contains("INTERRUPTED"));
            assertTrue(shown.contains("INTERRUPTED 2/3"), shown);
            // the sandbox is made empty for each run: what step 1 did is not there for a --from 2
            String again = "stopped by Ctrl-C (SIGINT) at step 2/3; each run gets an empty sandbox, so to go on, step 1"
                    + " runs again too: rehearse run " + GUIDE + " --target local --report-dir " + reports;
            assertTrue(shown.contains(again + "\r\n") || shown.contains(again + "\n"), shown);
            RunUsers.assertLeftNothing(local.group(2), home, shown);
        }
    }

    /**
     * An ssh host that takes the connection and never comes to its version: it sends other lines before it (as a
     * server may), one every tenth of a second, for ever, as an ssh tarpit does. No read waits as long as the
     * connection's timeout, so the attempt never ends by itself, and the Ctrl-C that comes while the target connects
     * is what ends the run: at once, as a stop (exit 130, the stop's line), for {@code run} and for the run
     * {@code update} makes. Before, the stop took effect only when the attempt ended (for a host that sent nothing,
     * its timeout, 15 s): here, never; and {@code update} then ended as bad input, exit 2.
     */
    @ParameterizedTest
    @ValueSource(strings = {"run", "update"})
    void ctrlCWhileAnSshTargetConnectsEndsTheRunAtOnce(String command) throws IOException {
        try (ServerSocket tarpit = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RehearseProcess run = RehearseProcess.start(Map.of("XDG_STATE_HOME", reports.toString()), List.of(),
                     command, FAIL, "--target", "ssh://root@127.0.0.1:" + tarpit.getLocalPort())) {
            tarpit.setSoTimeout(60_000);
            try (Socket connected = tarpit.accept()) {
                readLine(connected); // the client's version: it now waits for the host's
                Thread lines = new Thread(() -> sendLinesUntilClosed(connected), "tarpit");
                lines.setDaemon(true);
                lines.start();

                run.signal("INT");

                assertEquals(130, run.waitFor(), run.output());
            }
            assertTrue(run.output().contains("rehearse: stopped by Ctrl-C (SIGINT) before any step ran (ssh://root@"
                    + "127.0.0.1:" + tarpit.getLocalPort() + ": stopped while it was being opened)"), run.output());
        }
    }

    private static void readLine(Socket connected) throws IOException {
        InputStream in = connected.getInputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new AssertionError("the client hung up before it sent its version");
            }
        }
    }

    /** Lines that are no version, until the client closes the connection. */
    private static void sendLinesUntilClosed(Socket connected) {
        try {
            OutputStream out = connected.getOutputStream();
            while (true) {
                out.write("not yet\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException closed) {
            // the client has gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A Ctrl-C while the run waits for what a step started (the sidecar's {@code ready:}) interrupts that step: the
     * wait was cut short, which says nothing of the service. Before, the step was a FAIL "never became ready within
     * 300 s" after a second, the rest skipped "after the FAIL", and the run "stopped after its last step".
     */
    @Test
    void ctrlCWhileTheRunWaitsForReadinessInterruptsThatStep() throws IOException {
        String guide = ROOT.resolve("fixtures/guides/interrupted-ready").toString();
        try (RehearseProcess run = RehearseProcess.start(Map.of(), List.of(), "run", guide, "--target", "local",
                "--report-dir", reports.toString())) {
            run.await("the wait for readiness", () -> run.output().contains("waiting up to 300.0 s for `test -e"));

            run.signal("INT");

            assertEquals(130, run.waitFor(), run.output());
            JsonNode record = results();
            assertEquals(List.of("INTERRUPTED", "SKIP"), verdicts(record), run.output());
            assertEquals("interrupted by Ctrl-C (SIGINT) while it waited for `test -e ~/ready` succeeding",
                    record.at("/steps/0/reason").asText(), run.output());
            assertEquals("after the interrupt at step 1", record.at("/steps/1/reason").asText());
            assertTrue(run.output().contains("rehearse: stopped by Ctrl-C (SIGINT) at step 1/2"), run.output());
        }
    }

    @Test
    void sigtermStopsAContainerRunWhichRemovesItsContainerAndExits143() throws IOException {
        try (RehearseProcess run = RehearseProcess.start(Map.of(), List.of(), "run", GUIDE, "--target", "container",
                "--report-dir", reports.toString())) {
            JsonNode running = awaitRecordAt(2, run::output);
            String id = running.at("/run/id").asText();
            Matcher container = CONTAINER.matcher(running.at("/summary/target").asText());
            assertTrue(container.find(), running.toString());
            run.await("the step waiting in the container", () -> inContainer(container.group(1), container.group(2),
                    "test -e ~/waiting") == 0);

            run.signal("TERM");

            assertEquals(143, run.waitFor(), run.output());
            JsonNode record = results();
            assertEquals(List.of("PASS", "INTERRUPTED", "SKIP"), verdicts(record), run.output());
            assertTrue(record.at("/steps/1/reason").asText().startsWith("interrupted by SIGTERM after "), run.output());
            assertTrue(Files.exists(reports.resolve("junit.xml")) && Files.exists(reports.resolve("report.html")));
            // a later run gets a container of its own: --from 2 would not find what step 1 did
            assertTrue(run.output().contains("at step 2/3; each run gets a fresh container, so to go on, step 1 runs again"
                    + " too: rehearse run " + GUIDE + " --target container --report-dir " + reports + "\n"), run.output());
            // the engine removes a killed container after the run has ended: the process is gone by then
            awaitThat("the container removed", () -> containersOf(id).isEmpty(), run::output);
        }
    }

    @Test
    void aKilledMatrixLeavesTheRecordOfTheValueItWasRunning(@TempDir Path book) throws IOException {
        try (RehearseProcess run = stuckMatrix(book)) {
            run.signal("KILL");

            assertEquals(137, run.waitFor());
        }
        JsonNode record = recordBelow(reports);
        assertEquals(List.of("PASS", "INTERRUPTED", "SKIP"), verdicts(record), record.toString());
        assertTrue(record.at("/steps/1/reason").asText().contains("was killed or lost"), record.toString());
    }

    /**
     * A matrix stopped by SIGINT while its first value's run waits: that run is interrupted, the second value's turn
     * never comes (and it is not said to start), and neither makes a step a regression: what the stop did, and a run
     * that did not start, say nothing of the software. It once listed each step as one ("a INTERRUPTED, b -").
     */
    @Test
    void aStoppedMatrixStartsNoMoreValuesAndFindsNoRegressionInTheStop(@TempDir Path book) throws IOException {
        try (RehearseProcess run = stuckMatrix(book)) {
            run.signal("INT");

            assertEquals(130, run.waitFor(), run.output());
            String shown = run.output();
            assertTrue(shown.contains("[tag=a] INTERRUPTED: 1 pass"), shown);
            assertTrue(shown.contains("[tag=b] did not start: stopped by Ctrl-C (SIGINT) before it started"), shown);
            assertFalse(shown.contains("[tag=b] started"), shown);
            assertFalse(shown.contains("regression:"), shown);
            assertTrue(shown.contains("matrix: 0 regressions over tag=a,b"), shown);
            assertTrue(shown.endsWith("rehearse: stopped by Ctrl-C (SIGINT): 1 run interrupted, 1 not started\n"), shown);
        }
        JsonNode matrix = JSON.readTree(reports.resolve("matrix.json").toFile());
        assertEquals(0, matrix.get("regressions").size(), matrix.toString());
        assertTrue(matrix.at("/steps/1/cascaded/a").asBoolean(), "the interrupted step follows from the stop");
        assertTrue(matrix.get("regressed").asBoolean(), "b did not start");
    }

    /**
     * {@code matrix --vary tag=a,b} of a runbook in {@code book} whose second step waits for ever, once the first
     * value's run waits there (its record at step 2).
     */
    private RehearseProcess stuckMatrix(Path book) throws IOException {
        Files.writeString(book.resolve("guide_stuck.rst"), String.join("\n", "Stuck", "=====", "", "::", "",
                "  [isabell@stardust ~]$ echo first", "  first-a", "  [isabell@stardust ~]$ until [ -e ~/go ]; do sleep 1; done",
                "  [isabell@stardust ~]$ echo done", "  done", ""));
        Files.writeString(book.resolve("runbook.yaml"), "vars:\n  tag: a\nbindings:\n  first-a: \"first-${tag}\"\n"
                + "  echo first: \"echo first-${tag}\"\n");
        RehearseProcess run = RehearseProcess.start(Map.of(), List.of(), "matrix", book.toString(), "--vary",
                "tag=a,b", "--report-dir", reports.toString());
        try {
            awaitThat("a value's record at step 2", () -> {
                JsonNode record = recordBelow(reports);
                return record != null && record.at("/summary/interrupted_at").asInt() == 2;
            }, run::output);
            return run;
        } catch (RuntimeException | AssertionError notThere) {
            run.close();
            throw notThere;
        }
    }

    /** The one results.json below {@code dir} (a matrix value's folder), or null while there is none. */
    private static JsonNode recordBelow(Path dir) {
        try (var files = Files.walk(dir)) {
            Path file = files.filter(p -> p.getFileName().toString().equals("results.json")).findFirst().orElse(null);
            return file == null ? null : JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void aKilledLocalRunLeavesItsRecordAndTheNextRunClearsItsSandbox() throws IOException {
        Matcher local;
        try (RehearseProcess run = RehearseProcess.start(Map.of(), List.of(), "run", GUIDE, "--target", "local",
                "--report-dir", reports.toString())) {
            local = local(awaitRecordAt(2, run::output));
            awaitFile(Path.of(local.group(1), "waiting"), run::output);

            run.signal("KILL");

            assertEquals(137, run.waitFor());
        }
        JsonNode record = results();
        assertEquals(List.of("PASS", "INTERRUPTED", "SKIP"), verdicts(record));
        assertTrue(record.at("/steps/1/reason").asText().contains("was killed or lost"), record.toString());
        assertEquals(2, record.at("/summary/interrupted_at").asInt());
        String user = local.group(2);
        Path home = Path.of(local.group(1));
        assertTrue(Files.isDirectory(home), "SIGKILL leaves the sandbox behind");
        // but not the run's shell and its waiting step: their terminal is hung up once the process is gone
        int uid = RunUsers.uid(user).orElseThrow();
        awaitThat("the run user's processes end after the kill", () -> RunUsers.processesOf(uid).isEmpty(),
                () -> "still running as " + user + ": " + RunUsers.processesOf(uid));

        String next = runToEnd("run", FAIL, "--target", "local", "--only", "1", "--report-dir",
                reports.resolve("next").toString());

        assertTrue(next.contains(home + " (user " + user + "), left behind by run " + record.at("/run/id").asText()),
                next);
        RunUsers.assertLeftNothing(user, home, next);
    }

    /**
     * One signal delivered twice at once (GNU timeout sends it to its child and then to the child's group; a closed
     * terminal hangs up the whole group) is one stop: the run ends as at one, its record written and where to
     * resume said. Before, about one in three such stops halted at once, with no summary.
     */
    @Test
    void oneSignalDeliveredTwiceAtOnceIsOneStop() throws IOException, InterruptedException {
        try (RehearseProcess run = RehearseProcess.start(Map.of(), List.of(), "run", GUIDE, "--target", "local",
                "--report-dir", reports.toString())) {
            Matcher local = local(awaitRecordAt(2, run::output));
            awaitFile(Path.of(local.group(1), "waiting"), run::output);
            String pid = String.valueOf(run.pid());
            assertEquals(0, new ProcessBuilder("kill", "-TERM", pid, pid).inheritIO().start().waitFor());

            assertEquals(143, run.waitFor(), run.output());
            assertFalse(run.output().contains("again: stopped at once"), run.output());
            assertTrue(run.output().contains("at step 2/3; each run gets an empty sandbox"), run.output());
        }
        assertEquals(List.of("PASS", "INTERRUPTED", "SKIP"), verdicts(results()));
    }

    /**
     * The run that clears the slot of a killed run holds the slot's lock until it is clear: a run starting meanwhile
     * in another process takes another slot, where the clearing would end its shell and remove its HOME. A daemon of
     * the killed run that SIGTERM does not end keeps the clearing going for seconds, and says when it has begun.
     */
    @Test
    void aRunClearingAKilledRunsSandboxHoldsItsSlotWhileItClears(@TempDir Path dir) throws Exception {
        Path guide = Files.writeString(dir.resolve("deaf-daemon.md"), """
                Start a daemon that SIGTERM does not stop:

                ```console
                $ (setsid bash -c 'trap "touch ~/terminated" TERM; trap "" HUP; while :; do sleep 0.2; done' </dev/null >/dev/null 2>&1 &)
                ```

                Wait:

                ```console
                $ touch waiting; until [ -e go ]; do sleep 1; done
                ```
                """);
        Path home;
        try (RehearseProcess run = RehearseProcess.start(Map.of(), List.of(), "run", guide.toString(), "--target",
                "local", "--report-dir", reports.toString())) {
            home = Path.of(local(awaitRecordAt(2, run::output)).group(1));
            awaitFile(home.resolve("waiting"), run::output);
            run.signal("KILL");
            assertEquals(137, run.waitFor());
        }
        Path lockFile = home.getParent().resolveSibling(home.getParent().getFileName() + ".lock");
        try (RehearseProcess next = RehearseProcess.start(Map.of(), List.of(), "run", FAIL, "--target", "local",
                "--only", "1", "--report-dir", reports.resolve("next").toString())) {
            awaitFile(home.resolve("terminated"), next::output);
            assertEquals("held", OtherProcessLock.finds(lockFile), "while the slot is cleared");
            assertEquals(0, next.waitFor(), next.output());
            assertTrue(next.output().contains("cleared " + home), next.output());
        }
        assertFalse(Files.exists(home.resolve("terminated")), "what the killed run left in its HOME is gone");
    }

    @Test
    void aKilledContainerRunLeavesItsRecordAndTheNextRunRemovesItsContainer() throws IOException {
        String id;
        try (RehearseProcess run = RehearseProcess.start(Map.of(), List.of(), "run", GUIDE, "--target", "container",
                "--report-dir", reports.toString())) {
            JsonNode running = awaitRecordAt(2, run::output);
            id = running.at("/run/id").asText();
            Matcher container = CONTAINER.matcher(running.at("/summary/target").asText());
            assertTrue(container.find(), running.toString());
            run.await("the step waiting in the container", () -> inContainer(container.group(1), container.group(2),
                    "test -e ~/waiting") == 0);

            run.signal("KILL");

            assertEquals(137, run.waitFor());
        }
        assertEquals(List.of("PASS", "INTERRUPTED", "SKIP"), verdicts(results()));
        List<String> left = containersOf(id);
        assertEquals(1, left.size(), "SIGKILL leaves the container running, labelled with its run");

        String next = runToEnd("run", FAIL, "--target", "container", "--only", "1", "--report-dir",
                reports.resolve("next").toString());

        assertTrue(next.contains("removed container " + left.get(0) + ", left behind by run " + id), next);
        assertEquals(List.of(), containersOf(id), next);
    }

    /**
     * A second signal halts the process: a report being written then (junit.xml, report.html once the run ended)
     * left its temporary file in the report folder. The halt removes those of the writes under way now; those a halt
     * still leaves (on a disk that stalls past its deadline) go at the next run's writes of those reports: a dead
     * process's, never one a running process may still be writing.
     */
    @Test
    void theNextRunRemovesTheTemporaryFilesOfReportsAHaltedRunWasWriting() throws IOException {
        long gone = Processes.ended();
        List<String> halted = List.of(".report.html." + gone + "-9f3a.rehearse-tmp",
                ".junit.xml." + gone + "-41c2.rehearse-tmp", ".results.json." + gone + "-e07b.rehearse-tmp");
        for (String name : halted) {
            Files.writeString(reports.resolve(name), "half of a report");
        }
        String underWay = ".report.html." + ProcessHandle.current().pid() + "-77.rehearse-tmp";
        Files.writeString(reports.resolve(underWay), "a report another run is writing");

        String next = runToEnd("run", FAIL, "--target", "local", "--only", "1", "--report-dir", reports.toString());

        assertEquals(List.of(underWay), temporaryFiles(reports), next);
    }

    @Test
    void aSecondCtrlCStopsAtOnceLeavingTheRecordForTheNextRunToClearUp() throws IOException, InterruptedException {
        // a named folder: the run makes a user of its own, which a later run removes (a pool's user stays)
        Path dir = Files.createTempDirectory("rehearse-named-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        String user;
        try (RehearseProcess run = RehearseProcess.start(Map.of(), List.of(), "run", STUBBORN, "--target",
                "local:" + dir, "--report-dir", reports.toString())) {
            Matcher local = local(awaitRecordAt(2, run::output));
            user = local.group(2);
            awaitFile(Path.of(local.group(1), "waiting"), run::output);

            run.signal("INT");
            run.await("the first Ctrl-C taken", () -> run.output().contains("stopping the run"));
            // a person's second press; one within a quarter of a second is the first delivered twice
            Thread.sleep(400);
            // the step ignores Ctrl-C: the run would wait out its shell's interrupt (8 s) before it ends
            run.signal("INT");

            assertEquals(130, run.waitFor(), run.output());
            assertTrue(run.output().contains("Ctrl-C (SIGINT) again: stopped at once"), run.output());
        }
        assertFalse(Files.exists(reports.resolve("junit.xml")), "stopped before the end of the run");
        assertEquals(List.of(), temporaryFiles(reports), "no report's temporary file left by the halt");
        JsonNode record = results();
        assertEquals(List.of("PASS", "INTERRUPTED"), verdicts(record));
        assertEquals("stopped at once during this step (Ctrl-C (SIGINT) twice)", record.at("/steps/1/reason").asText(),
                "written at the second Ctrl-C: " + record);

        String next = runToEnd("run", FAIL, "--target", "local", "--only", "1", "--report-dir",
                reports.resolve("next").toString());

        assertTrue(next.contains("removed user " + user), next);
        assertFalse(passwd().contains(user + ":"), next);
        // the user still owned the folder (never handed back): it is not taken for something left in /tmp
        assertTrue(Files.exists(dir.resolve("waiting")), "the named folder and its files stay; " + next);
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /**
     * As an ordinary user on {@code local:DIR}, the one target a run comes back to: a run interrupted at step 2
     * replaces the record of the complete run before it, so {@code --from 3} does not reuse that older run's
     * port (step 2 never completed since), while {@code --from 2} builds on the interrupted run and types the port
     * it captured.
     */
    @Test
    void fromBuildsOnlyOnARecordThatCoversTheSkippedStepsAndSaysWhichRun() throws IOException {
        Path dir = Files.createTempDirectory("rehearse-lifecycle-");
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path home = Files.createDirectory(dir.resolve("home"));
            Path reportDir = Files.createDirectory(dir.resolve("reports"));
            chownToNobody(home, reportDir);
            // the jar and the guide copied where nobody reaches them: the checkout may sit in a folder only root reads
            Path jar = Files.copy(RehearseJar.jar(), dir.resolve("rehearse.jar"));
            Path guide = Checkout.copyTree(Path.of(GUIDE), dir.resolve("interrupted"));
            List<String> asNobody = List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                    RehearseJar.java(), "-jar", jar.toString());
            Map<String, String> env = Map.of("HOME", home.toString());
            String[] args = {"run", guide.toString(), "--target", "local:" + home, "--report-dir", reportDir.toString()};

            Files.writeString(home.resolve("go"), "");
            String complete = runProgramToEnd(env, asNobody, 0, args);
            assertTrue(complete.contains("3 PASS"), complete);
            String olderPort = captured(reportDir);

            Files.delete(home.resolve("go"));
            Files.delete(home.resolve("waiting"));
            String interruptedId;
            try (RehearseProcess run = RehearseProcess.startProgram(env, asNobody, args)) {
                awaitFile(home.resolve("waiting"), run::output);
                run.signal("INT");
                assertEquals(130, run.waitFor(), run.output());
                assertTrue(run.output().contains("at step 2/3; to resume there: rehearse run " + guide + " --target local:"
                        + home + " --report-dir " + reportDir + " --from 2\n"), run.output());
            }
            JsonNode interrupted = JSON.readTree(reportDir.resolve("results.json").toFile());
            interruptedId = interrupted.at("/run/id").asText();
            assertEquals(List.of(1), List.of(interrupted.at("/run/covers/0").asInt()));
            String port = captured(reportDir);

            String refused = runProgramToEnd(env, asNobody, 2, concat(args, "--from", "3"));
            assertTrue(refused.contains("not reusing run " + interruptedId + " (" + reportDir.resolve("results.json")
                    + "): it did not complete step 2 (it was interrupted at step 2)"), refused);
            assertTrue(refused.contains("step 3 needs 40132, which step 1 captures"), refused);
            assertFalse(refused.contains("40132=" + olderPort), refused);

            Files.writeString(home.resolve("go"), "");
            String resumed = runProgramToEnd(env, asNobody, 0, concat(args, "--from", "2"));
            assertTrue(resumed.contains("building on run " + interruptedId + " (" + reportDir.resolve("results.json")
                    + "), which did step 1; reusing what it captured: 40132=" + port + " (step 1)"), resumed);
            assertEquals("listening on " + port + "\n", Files.readString(home.resolve("listening")));
            JsonNode record = JSON.readTree(reportDir.resolve("results.json").toFile());
            assertEquals(interruptedId, record.at("/run/resumes").asText());
            assertEquals("[1,2,3]", record.at("/run/covers").toString());
        } finally {
            exec(List.of("rm", "-rf", dir.toString()));
        }
    }

    @Test
    void aSelectionOutsideThePlanIsRefusedBeforeAnyContainerStarts() {
        // an engine that is not there: reaching for it would fail otherwise
        Map<String, String> noDocker = Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        String out = runToEnd(noDocker, List.of(), 2, "run", GUIDE, "--target", "container", "--from", "999");
        assertEquals("--from 999: step 999 is past the last step: this plan has steps 1..3", out.strip());
    }

    /**
     * A container starts while the guide is read: a guide found wrong meanwhile is told as it is without one, and
     * what was started of the container is cut short and removed before the run ends.
     */
    @Test
    void aWrongGuideOnTheContainerTargetLeavesNoContainer(@TempDir Path dir) throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.rst"), "Wrong\n=====\n\n.. include:: missing.rst\n\n"
                + ".. code-block:: console\n\n   $ echo hi\n   hi\n");
        long pid;
        try (RehearseProcess run = RehearseProcess.start(Map.of(), List.of(), "run", guide.toString(), "--target",
                "container", "--report-dir", reports.toString())) {
            pid = run.pid();
            assertEquals(2, run.waitFor(), run.output());
            assertEquals("guide.rst:4: included file does not exist: missing.rst", run.output().strip());
        }
        assertEquals(List.of(), containersOfProcess(pid));
    }

    /**
     * Ctrl-C while the container's services start (an image whose first process never prints its ready line, which
     * the run would wait 90 s for): the run stops at once, as a stop before any step, and the container is removed.
     */
    @Test
    void ctrlCWhileTheContainerStartsEndsTheRunAtOnceAndRemovesIt() throws IOException {
        String image = "rehearse/test-never-ready:" + ProcessHandle.current().pid();
        String recipe = "FROM " + StardustImage.ensure("stardust") + "\n"
                + "LABEL dev.rehearse.user=robin dev.rehearse.ready=\"robin: ready\"\n"
                + "ENTRYPOINT [\"sleep\", \"infinity\"]\n";
        Processes.runWithInput(recipe, Path.of("/"), Map.of(), "docker", "build", "--network=none", "-q", "-t", image,
                "-");
        try (RehearseProcess run = RehearseProcess.start(Map.of(), List.of(), "run", GUIDE, "--target",
                "container:" + image, "--report-dir", reports.toString())) {
            run.await("the run's container", () -> !containersOfProcess(run.pid()).isEmpty());

            run.signal("INT");

            assertEquals(130, run.waitFor(), run.output());
            assertTrue(run.output().contains("rehearse: stopped by Ctrl-C (SIGINT) before any step ran (container "
                    + image + ": stopped while it was being opened)"), run.output());
            assertEquals(List.of(), containersOfProcess(run.pid()), "removed before the run ended");
        } finally {
            exec(List.of("docker", "rmi", "-f", image));
        }
    }

    /** The container target drives the engine with the docker command: where there is none, one line says so. */
    @Test
    void aContainerRunWithoutTheDockerCommandIsOneLine(@TempDir Path noPrograms) {
        RehearseJar.Outcome refused = RehearseJar.in(ROOT, Map.of("PATH", noPrograms.toString(), "DOCKER_HOST", ""),
                "run", "docs/first-guide.md", "--target", "container");
        assertEquals(2, refused.exit(), refused.both());
        assertTrue(refused.err().startsWith("--target: the container target runs the docker command, which is not "
                + "here ("), refused.err());
        assertTrue(refused.err().endsWith("): install Docker's command line (Debian: docker.io)\n"), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
    }

    // ---- helpers ----

    /** The temporary files of atomic writes in {@code dir}. */
    private static List<String> temporaryFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rehearse-tmp")).sorted()
                    .toList();
        }
    }

    private JsonNode results() throws IOException {
        return JSON.readTree(reports.resolve("results.json").toFile());
    }

    /** Waits until the record kept as the run goes says step {@code n} is the one it is at. */
    private JsonNode awaitRecordAt(int n, java.util.function.Supplier<String> shown) {
        JsonNode[] record = new JsonNode[1];
        awaitThat("the record at step " + n, () -> {
            try {
                Path file = reports.resolve("results.json");
                record[0] = Files.exists(file) ? JSON.readTree(file.toFile()) : null;
            } catch (IOException e) {
                record[0] = null;
            }
            return record[0] != null && record[0].at("/summary/interrupted_at").asInt() == n;
        }, shown);
        return record[0];
    }

    private static void awaitFile(Path file, java.util.function.Supplier<String> shown) {
        awaitThat(file.toString(), () -> Files.exists(file), shown);
    }

    private static void awaitThat(String what, java.util.function.BooleanSupplier condition,
                                  java.util.function.Supplier<String> shown) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never saw " + what + "; the run showed:\n" + shown.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Matcher local(JsonNode record) {
        Matcher local = LOCAL.matcher(record.at("/summary/target").asText());
        assertTrue(local.find(), record.toString());
        return local;
    }

    private static List<String> verdicts(JsonNode record) {
        List<String> verdicts = new ArrayList<>();
        record.get("steps").forEach(step -> verdicts.add(step.get("verdict").asText()));
        return verdicts;
    }

    private static String captured(Path reportDir) throws IOException {
        return JSON.readTree(reportDir.resolve("results.json").toFile()).at("/captured/0/value").asText();
    }

    private static String runToEnd(String... args) {
        return runToEnd(Map.of(), List.of(), 0, args);
    }

    /** {@code ./rehearse ARGS} to its end, which must be {@code expected}; what it printed. */
    private static String runToEnd(Map<String, String> env, List<String> prefix, int expected, String... args) {
        try (RehearseProcess run = RehearseProcess.start(env, prefix, args)) {
            int exit = run.waitFor();
            assertEquals(expected, exit, run.output());
            return run.output();
        }
    }

    /** {@code PROGRAM ARGS} to its end, which must be {@code expected}; what it printed. */
    private static String runProgramToEnd(Map<String, String> env, List<String> program, int expected, String... args) {
        try (RehearseProcess run = RehearseProcess.startProgram(env, program, args)) {
            int exit = run.waitFor();
            assertEquals(expected, exit, run.output());
            return run.output();
        }
    }

    private static String[] concat(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String passwd() {
        try {
            return Files.readString(Path.of("/etc/passwd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The containers, running or not, of runs of the process {@code pid}: a run's id holds its process's number. */
    private static List<String> containersOfProcess(long pid) {
        return Processes.run(ROOT, Map.of(), "docker", "ps", "--all", "--filter", "label=dev.rehearse.run",
                "--format", "{{.Label \"dev.rehearse.run\"}}").lines().filter(id -> id.contains("-" + pid + "-"))
                .toList();
    }

    private static List<String> containersOf(String runId) {
        String ids = exec(List.of("docker", "ps", "-a", "-q", "--no-trunc", "--filter", "label=dev.rehearse.run=" + runId));
        return ids.lines().filter(l -> !l.isBlank()).map(l -> l.strip().substring(0, 12)).toList();
    }

    private static int inContainer(String id, String user, String command) {
        try {
            Process p = new ProcessBuilder("docker", "exec", "-u", user, id, "bash", "-lc", command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void chownToNobody(Path... paths) {
        for (Path path : paths) {
            exec(List.of("chown", "nobody:nogroup", path.toString()));
        }
    }

    private static String exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(command + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
