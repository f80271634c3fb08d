package dev.rehearse.targets.ssh;

import dev.rehearse.model.CommandResult;
import dev.rehearse.model.CommandResult.Status;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.targets.OpeningStop;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.shell.ShellSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session protocol on a remote PTY of a real sshd, and what becomes of the remote processes. */
class SshTargetIT {
    private static final Duration STEP = Duration.ofSeconds(20);
    @RegisterExtension
    static final SshServer server = new SshServer();
    private SshTarget target;

    @BeforeEach
    void connect() {
        target = SshTarget.open(server.address(), server.options(),
                ShellSettings.DEFAULT.withQuietPeriod(Duration.ofMillis(1500)), new OpeningStop());
    }

    @AfterEach
    void disconnect() {
        target.close();
    }

    @Test
    void theFactsAreTheRemoteUsersOwn() throws IOException {
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertEquals(new TargetFacts(SshServer.USER, host, server.home().toString(), SshServer.USER + "." + host + ".test"),
                target.facts());
        assertEquals(server.spec(), target.describe());
    }

    @Test
    void commandsRunInOnePersistentShellOnARemoteTerminal() {
        Session shell = target.openSession();
        CommandResult cd = run(shell, "mkdir -p ~/work && cd ~/work && export GREETING=hello");
        assertEquals(Status.COMPLETED, cd.status());
        assertEquals(server.home() + "/work", cd.cwd());
        assertEquals("hello " + server.home() + "/work", run(shell, "echo $GREETING $PWD").output().strip());
        assertTrue(run(shell, "tty").output().strip().startsWith("/dev/pts/"), "a real remote terminal");
        assertEquals("50 160", run(shell, "stty size").output().strip(), "the session's window size");
        assertEquals("dumb cat", run(shell, "echo $TERM $PAGER").output().strip());
        CommandResult failed = run(shell, "ls ~/no-such-folder");
        assertEquals(2, failed.exit());
        assertTrue(failed.output().contains("No such file or directory"), failed.output());
    }

    @Test
    void promptsGetTheirAnswersAndAHiddenOneIsNotEchoed() {
        Session shell = target.openSession();
        CommandResult hidden = shell.run("read -s -p 'Password: ' pw; echo; echo \"${#pw} characters\"",
                List.of(new Interaction("Password:", "s3cret-value", true, false, "secret")), STEP, chunk -> { });
        assertEquals(Status.COMPLETED, hidden.status());
        assertTrue(hidden.output().contains("12 characters"), hidden.output());
        assertFalse(hidden.output().contains("s3cret-value"), hidden.output());

        CommandResult visible = shell.run("read -p 'New user localpart [robin]: ' who; echo \"Hello @$who\"",
                List.of(new Interaction("New user localpart [robin]:", "robin", false, false, null)), STEP, chunk -> { });
        assertTrue(visible.output().contains("Hello @robin"), visible.output());
    }

    @Test
    void aReplGetsItsLinesAndLeavesOnEndOfInput() {
        CommandResult repl = target.openSession().run("python3 -q", List.of(
                new Interaction(">>>", "print(6 * 7)", false, false, null),
                new Interaction(">>>", null, false, true, null)), STEP, chunk -> { });
        assertEquals(Status.COMPLETED, repl.status(), repl.output());
        assertTrue(repl.output().contains("42"), repl.output());
    }

    @Test
    void aTimeoutInterruptsTheCommandAndTheShellGoesOn() {
        Session shell = target.openSession();
        CommandResult slow = shell.run("sleep 60", List.of(), Duration.ofSeconds(1), chunk -> { });
        assertEquals(Status.TIMEOUT, slow.status());
        assertEquals("still here", run(shell, "echo still here").output().strip());
        assertTrue(server.userProcesses().stream().noneMatch(p -> p.contains("sleep 60")), server.userProcesses().toString());
    }

    @Test
    void aCommandWaitingForInputNobodyTypesIsStoppedWithItsPrompt() {
        CommandResult waiting = target.openSession().run("echo 'Config exists.'; read -p 'Overwrite it? [y/N] ' a",
                List.of(), STEP, chunk -> { });
        assertEquals(Status.WAITING_FOR_INPUT, waiting.status());
        assertEquals("Overwrite it? [y/N]", waiting.lastLine());
    }

    @Test
    void aConnectionLostMidCommandIsDisconnectedWithTheReasonAndNothingLeftRunning() throws Exception {
        Session shell = target.openSession();
        long started = System.nanoTime();
        CommandResult lost = runWhile(shell, "sleep 120", server::killConnections);
        assertEquals(Status.DISCONNECTED, lost.status());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "noticed at once, not at the timeout");
        assertEquals("connection to 127.0.0.1:" + server.port + " lost: the server closed the connection", shell.lostReason());
        assertNoUserProcessesWithin(Duration.ofSeconds(10));
    }

    @Test
    void keepalivesNoticeAPeerThatStoppedAnswering() throws Exception {
        SshOptions impatient = new SshOptions(server.userEd25519, server.dir.resolve("no-ssh-dir"), server.knownHosts,
                false, null, Duration.ofSeconds(1), notice -> { });
        try (SshTarget quick = SshTarget.open(server.address(), impatient, ShellSettings.DEFAULT,
                new OpeningStop())) {
            Session shell = quick.openSession();
            long started = System.nanoTime();
            CommandResult silent = runWhile(shell, "sleep 100", server::freezeConnections);
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertEquals(Status.DISCONNECTED, silent.status());
            assertEquals("connection to 127.0.0.1:" + server.port + " lost: no answer to 3 keepalives sent every 1 s",
                    shell.lostReason());
            assertTrue(seconds < 15, "noticed by keepalives within seconds, took " + seconds + " s");
        } finally {
            server.killConnections();
        }
    }

    @Test
    void aShellThatExitsIsTheShellsEndNotALostConnection() {
        Session shell = target.openSession();
        CommandResult exited = run(shell, "exit 3");
        assertEquals(Status.DISCONNECTED, exited.status());
        assertEquals("the remote shell ended with exit status 3", shell.lostReason());
        assertEquals("a new shell", run(target.openSession(), "echo a new shell").output().strip());
    }

    @Test
    void closingTheTargetMidCommandAsCtrlCDoesEndsTheCommandAndSaysSo() throws Exception {
        Session shell = target.openSession();
        CommandResult closed = runWhile(shell, "sleep 120", target::close);
        assertEquals(Status.DISCONNECTED, closed.status());
        assertEquals("connection to 127.0.0.1:" + server.port + " closed from this end", shell.lostReason());
        assertNoUserProcessesWithin(Duration.ofSeconds(10));
    }

    @Test
    void closingTheTargetHangsUpTheRemoteShellAndItsJobs() {
        Session shell = target.openSession();
        run(shell, "sleep 300 & sleep 301 &");
        awaitUserProcess("sleep 301");
        target.close();
        assertNoUserProcessesWithin(Duration.ofSeconds(10));
    }

    @Test
    void filesWrittenThroughTheTargetAreSeenByTheShell() {
        target.writeFile("~/etc/services.d/app.ini", "[program:app]\ncommand=%(ENV_HOME)s/app\n");
        assertEquals("[program:app]\ncommand=%(ENV_HOME)s/app\n",
                run(target.openSession(), "cat ~/etc/services.d/app.ini").output().replace("\r", ""));
        assertEquals("[program:app]\ncommand=%(ENV_HOME)s/app\n", target.readFile("~/etc/services.d/app.ini").orElseThrow());
    }

    private static CommandResult run(Session shell, String command) {
        return shell.run(command, List.of(), STEP, chunk -> { });
    }

    /** Runs {@code command}; once it runs on the remote, another thread does {@code meanwhile}. */
    private static CommandResult runWhile(Session shell, String command, Runnable meanwhile) throws Exception {
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            awaitUserProcess(command);
            meanwhile.run();
        });
        CommandResult result = shell.run(command, List.of(), Duration.ofMinutes(2), chunk -> { });
        other.get(30, TimeUnit.SECONDS);
        return result;
    }

    static void awaitUserProcess(String command) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.userProcesses().stream().noneMatch(p -> p.endsWith(command))) {
            assertTrue(System.nanoTime() < deadline, command + " never started: " + server.userProcesses());
            pause();
        }
    }

    private static void assertNoUserProcessesWithin(Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        while (!server.userProcesses().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "left behind on the remote: " + server.userProcesses());
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
