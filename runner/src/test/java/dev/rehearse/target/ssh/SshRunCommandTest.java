package dev.rehearse.target.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rehearse run --target ssh://...} end to end against a real sshd: the local target's fixture guides
 * pass over SSH with the same verdicts, host keys are judged on the command line, and a lost connection or a
 * Ctrl-C leaves a clear FAIL and no process on the remote.
 */
class SshRunCommandTest {
    private static final Path GUIDES = Path.of(System.getProperty("rehearse.root", ".."), "fixtures", "guides");
    private static SshServer server;
    private static Path knownHosts;

    @TempDir
    Path reports;

    @BeforeAll
    static void startServer() throws IOException {
        server = SshServer.start();
        knownHosts = server.knownHosts("known_hosts");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    record Run(int exit, String out, String err, List<String> verdicts, List<String> reasons, String json) {
    }

    /** {@code rehearse run GUIDE --target ssh://... --identity KEY --known-hosts FILE} and more. */
    private Run run(String guide, String... more) throws IOException {
        return runWith(knownHosts, guide, more);
    }

    private Run runWith(Path hostsFile, String guide, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", GUIDES.resolve(guide).toString(), "--target", server.spec(),
                "--identity", server.userEd25519.toString(), "--known-hosts", hostsFile.toString(),
                "--report-dir", reports.toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Files.deleteIfExists(reports.resolve("results.json"));
        int exit = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        List<String> verdicts = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        String json = "";
        Path results = reports.resolve("results.json");
        if (Files.exists(results)) {
            json = Files.readString(results);
            for (JsonNode step : new ObjectMapper().readTree(json).get("steps")) {
                verdicts.add(step.get("verdict").asText());
                JsonNode reason = step.get("reason");
                reasons.add(reason == null || reason.isNull() ? null : reason.asText());
            }
        }
        return new Run(exit, out.toString(), err.toString(), verdicts, reasons, json);
    }

    @Test
    void cdAndAVirtualenvCarryOver() throws IOException {
        Run run = run("carry-over.rst");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS", "PASS"), run.verdicts(), run.json());
        assertTrue(run.out().contains("steps on " + server.spec()), run.out());
        assertTrue(Files.isDirectory(server.home().resolve("app/env")), "the virtualenv is on the remote");
    }

    @Test
    void hiddenAndVisiblePromptsAreAnsweredAndTheSecretShowsNowhere() throws IOException {
        String secret = "Zq4secretOverSsh";
        Run run = run("prompts.rst", "--bind", "<password>=" + secret);
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS"), run.verdicts(), run.json());
        assertEquals(secret + "\n", Files.readString(server.home().resolve("password.txt")), "the hidden prompt got the secret");
        for (String shown : List.of(run.out(), run.err(), Files.readString(reports.resolve("results.json")),
                Files.readString(reports.resolve("junit.xml")), Files.readString(reports.resolve("report.html")))) {
            assertFalse(shown.contains(secret), shown);
        }
    }

    @Test
    void aPsqlReplAgainstTheRemoteUsersOwnCluster() throws IOException {
        assertTrue(Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/initdb")),
                "PostgreSQL 15 server binaries are needed on the remote (apt-get install postgresql-15)");
        Run run = run("psql.rst");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertFalse(run.verdicts().contains("FAIL"), run.json());
        assertTrue(run.json().contains("INSERT 0 1"), run.json());
    }

    @Test
    void aDriftIsNoFailureUnlessStrict() throws IOException {
        Run run = run("drift.rst");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("DRIFT", "PASS"), run.verdicts());
        assertTrue(run.json().contains("+Hello, World!"), run.json());
        assertEquals(1, run("drift.rst", "--strict").exit());
    }

    @Test
    void aFailStopsTheRun() throws IOException {
        Run run = run("fail.rst");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "FAIL", "SKIP"), run.verdicts());
        assertEquals("exit status 2", run.reasons().get(1));
        assertEquals(List.of("PASS", "FAIL", "PASS"), run("fail.rst", "--keep-going").verdicts());
        assertEquals(List.of("SKIP", "SKIP", "PASS"), run("fail.rst", "--from", "3").verdicts());
    }

    @Test
    void aCommandWaitingForInputTheGuideDoesNotShowFailsWithinSeconds() throws IOException {
        long start = System.nanoTime();
        Run run = run("waiting.rst");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(List.of("FAIL", "SKIP"), run.verdicts());
        assertEquals("waiting for input at: Overwrite it? [y/N]", run.reasons().get(0));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15);
    }

    @Test
    void anUnknownHostIsRefusedInOneLineThenRecordedWithAcceptNew() throws IOException {
        Path fresh = reports.resolve("fresh_known_hosts");
        Run refused = runWith(fresh, "drift.rst");
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().startsWith(fresh + ": the host key of [127.0.0.1]:" + server.port + " ("), refused.err());
        assertTrue(refused.err().contains("--accept-new"), refused.err());
        assertFalse(Files.exists(fresh));

        Run accepted = runWith(fresh, "drift.rst", "--accept-new");
        assertEquals(0, accepted.exit(), accepted.out() + accepted.err());
        assertTrue(accepted.err().startsWith("Warning: Permanently added '[127.0.0.1]:" + server.port + "'"), accepted.err());
        assertTrue(Files.readString(fresh).startsWith("[127.0.0.1]:" + server.port + " ssh-"), Files.readString(fresh));
    }

    @Test
    void aChangedHostKeyIsRefusedInOneLineThatNamesTheLine() throws IOException {
        Path impostor = server.dir.resolve("impostor");
        SshServer.keygen("ed25519", impostor);
        String key = Files.readString(SshServer.pub(impostor)).split(" ")[1];
        Path wrong = Files.writeString(reports.resolve("wrong_known_hosts"),
                "# trusted\n[127.0.0.1]:" + server.port + " ssh-ed25519 " + key + "\n");
        Run run = runWith(wrong, "drift.rst", "--accept-new");
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith(wrong + ":2: REMOTE HOST IDENTIFICATION HAS CHANGED"), run.err());
    }

    @Test
    void aConnectionLostMidStepFailsThatStepAndTheRunGoesOnFromItAfterwards() throws Exception {
        Files.deleteIfExists(server.home().resolve("signal"));
        CompletableFuture<Void> crash = CompletableFuture.runAsync(() -> {
            awaitUserProcess("sleep 1");
            server.killConnections();
        });
        Run lost = run("wait-for-signal.rst");
        crash.get(30, TimeUnit.SECONDS);
        assertEquals(1, lost.exit(), lost.out() + lost.err());
        assertEquals(List.of("PASS", "FAIL", "SKIP"), lost.verdicts());
        String reason = "lost the shell during step 2: connection to 127.0.0.1:" + server.port
                + " lost: the server closed the connection";
        assertEquals(reason, lost.reasons().get(1));
        assertTrue(lost.out().contains(reason), lost.out());

        Files.createFile(server.home().resolve("signal"));
        Run resumed = run("wait-for-signal.rst", "--from", "2");
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertEquals(List.of("SKIP", "PASS", "PASS"), resumed.verdicts());
    }

    @Test
    void ctrlCClosesTheRemoteSessionAndLeavesNoProcessBehind() throws Exception {
        Files.deleteIfExists(server.home().resolve("signal"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process cli = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", GUIDES.resolve("wait-for-signal.rst").toString(), "--target", server.spec(),
                "--identity", server.userEd25519.toString(), "--known-hosts", knownHosts.toString(),
                "--report-dir", reports.toString())
                .redirectErrorStream(true)
                .redirectOutput(reports.resolve("cli.log").toFile())
                .start();
        try {
            awaitUserProcess("sleep 1");
            new ProcessBuilder("kill", "-INT", String.valueOf(cli.pid())).start().waitFor();
            assertTrue(cli.waitFor(30, TimeUnit.SECONDS), "the run ends on Ctrl-C");
            String printed = Files.readString(reports.resolve("cli.log"));
            assertFalse(printed.contains("Exception"), "no stack trace on the way out: " + printed);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!server.userProcesses().isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "left behind on the remote: " + server.userProcesses());
                Thread.sleep(50);
            }
        } finally {
            cli.destroyForcibly();
        }
    }

    private static void awaitUserProcess(String command) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.userProcesses().stream().noneMatch(p -> p.endsWith(command))) {
            assertTrue(System.nanoTime() < deadline, command + " never started: " + server.userProcesses());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
