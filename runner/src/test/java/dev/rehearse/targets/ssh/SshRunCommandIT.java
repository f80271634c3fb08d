package dev.rehearse.targets.ssh;

import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RehearseProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.testing.FixtureGuideRuns;
import dev.rehearse.testing.PtyDialog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rehearse run --target ssh://...} end to end against a real sshd: the local target's fixture guides
 * pass over SSH with the same verdicts ({@link FixtureGuideRuns}), host keys are judged on the command line, and
 * a lost connection or a Ctrl-C leaves a clear FAIL and no process on the remote.
 */
class SshRunCommandIT extends FixtureGuideRuns {
    @RegisterExtension
    static final SshServer server = new SshServer();

    /** The ssh target, whatever HOME the test would like: the remote user's home is the server's. */
    @Override
    protected List<String> targetOptions(Path home) {
        return loginOptions(server.knownHosts);
    }

    @Override
    protected Path homeOfRun(Path home) {
        return server.home();
    }

    private static List<String> loginOptions(Path hostsFile) {
        return List.of("--target", server.spec(), "--identity", server.userEd25519.toString(),
                "--known-hosts", hostsFile.toString());
    }

    /** {@code rehearse run GUIDE} over SSH with another known_hosts file. */
    private Run runWith(Path hostsFile, String guide, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", GUIDES.resolve(guide).toString()));
        args.addAll(loginOptions(hostsFile));
        args.addAll(List.of(more));
        return execute(args);
    }

    @Test
    void theRunSaysWhereItRunsAndItsFilesAreOnTheRemote() throws IOException {
        Run run = run("carry-over.rst");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("steps on " + server.spec()), run.out());
        assertTrue(Files.isDirectory(server.home().resolve("app/env")), "the virtualenv is on the remote");
    }

    @Test
    void fromALaterStepTheHostGetsThePortTheSkippedStepCapturedInTheRunBefore() throws IOException {
        Files.deleteIfExists(server.home().resolve("ready"));
        Run first = run("port-later");
        assertEquals(List.of("PASS", "FAIL", "SKIP"), first.verdicts(), first.json());
        JsonNode captured = new ObjectMapper().readTree(first.json()).path("captured").get(0);
        String port = captured.path("value").asText();
        assertTrue(port.matches("4\\d{4}"), first.json());

        Files.writeString(server.home().resolve("ready"), "yes\n");
        Run resumed = run("port-later", "--from", "2");
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertEquals(List.of("SKIP", "PASS", "PASS"), resumed.verdicts(), resumed.json());
        assertTrue(resumed.out().contains("40132=" + port + " (step 1)"), resumed.out());
        assertEquals("listening on " + port + "\n", Files.readString(server.home().resolve("listening")));
    }

    @Test
    void aCapturedValueEditedIntoShellSyntaxIsRefused() throws IOException {
        Files.deleteIfExists(server.home().resolve("ready"));
        Run first = run("port-later");
        assertEquals(List.of("PASS", "FAIL", "SKIP"), first.verdicts(), first.json());
        Path results = reports.resolve("results.json");
        String port = new ObjectMapper().readTree(first.json()).path("captured").get(0).path("value").asText();
        Files.writeString(results, Files.readString(results).replace("\"" + port + "\"", "\"$(touch ~/owned)\""));
        Files.writeString(server.home().resolve("ready"), "yes\n");

        Run resumed = run("port-later", "--from", "2");
        assertEquals(2, resumed.exit(), resumed.out() + resumed.err());
        assertTrue(resumed.err().startsWith(results + " (captured by step 1): binding \"40132\""), resumed.err());
        assertFalse(Files.exists(server.home().resolve("owned")));
    }

    @Test
    void anAliasOfTheSshConfigGivenWithSshConfigIsWhereItRuns() throws IOException {
        Path config = Files.write(server.dir.resolve("run.conf"), List.of("Host ravel", "  HostName 127.0.0.1",
                "  Port " + server.port, "  User " + SshServer.USER, "  IdentityFile " + server.userEd25519,
                "  UserKnownHostsFile " + server.knownHosts));
        Run run = execute(List.of("run", GUIDES.resolve("carry-over.rst").toString(), "--target", "ssh://ravel",
                "--ssh-config", config.toString()));
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("steps on " + server.spec()), run.out());
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
        Path impostor = SshServer.keygen("ed25519", server.dir.resolve("impostor"));
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
    void aPassphraseProtectedKeyIsUnlockedWithWhatIsTypedAtTheTerminalAndNeverShown() throws IOException {
        String passphrase = "Kx9 not for any eyes";
        Path locked = SshServer.keygen("ed25519", server.dir.resolve("locked_ed25519"), passphrase);
        server.authorize(locked);
        List<String> runLocked = List.of("run", GUIDES.resolve("drift.rst").toString(), "--target", server.spec(),
                "--identity", locked.toString(), "--known-hosts", server.knownHosts.toString());

        // no terminal (CI): the key is passed over, and the message says what to do
        Run withoutTerminal = execute(runLocked);
        assertEquals(2, withoutTerminal.exit(), withoutTerminal.out() + withoutTerminal.err());
        assertTrue(withoutTerminal.err().contains(locked + " (passphrase-protected: run from a terminal to be asked "
                + "for it, or add it to ssh-agent)"), withoutTerminal.err());

        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-jar", RehearseJar.jar().toString()));
        command.addAll(runLocked);
        command.addAll(List.of("--report-dir", reports.toString()));
        try (PtyDialog terminal = PtyDialog.start(reports, Map.of("TERM", "dumb", "PATH", System.getenv("PATH")),
                command)) {
            terminal.answer("Enter passphrase for key '" + locked + "': ", passphrase);
            terminal.expect("1 PASS, 1 DRIFT, 0 FAIL, 0 SKIP");
            assertEquals(0, terminal.waitFor(Duration.ofSeconds(60)), terminal.transcript());
            assertFalse(terminal.transcript().contains(passphrase), "the terminal does not echo it: "
                    + terminal.transcript());
        }
        assertTrue(server.log().contains("Accepted publickey for " + SshServer.USER), server.log());
    }

    @Test
    void ctrlCClosesTheRemoteSessionAndLeavesNoProcessBehind() throws Exception {
        Files.deleteIfExists(server.home().resolve("signal"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = RehearseProcess.withCtrlC(List.of(java, "-jar", RehearseJar.jar().toString(), "run",
                GUIDES.resolve("wait-for-signal.rst").toString(), "--report-dir", reports.toString()));
        command.addAll(loginOptions(server.knownHosts));
        Process cli = new ProcessBuilder(command)
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
