package dev.rehearse.targets.local;

import dev.rehearse.guide.BadInput;
import dev.rehearse.model.CommandResult;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.RunListener;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.Targets;
import dev.rehearse.targets.shell.Processes;
import dev.rehearse.targets.shell.ShellSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local target's life: what it makes for a run, and that it leaves nothing behind unless kept. */
class LocalTargetIT {
    private static final Duration T = Duration.ofSeconds(20);

    @Test
    void aTemporarySandboxItsUserAndTheirProcessesAreGoneAfterClose() throws Exception {
        Path home;
        String user;
        long sleeper;
        try (Target target = Targets.open("local", TargetOptions.defaults())) {
            home = Path.of(target.facts().home());
            user = target.facts().user();
            assertEquals(user + "." + target.facts().host() + ".test", target.facts().domain());
            CommandResult background = target.openSession().run("nohup sleep 300 >/dev/null 2>&1 & echo $!",
                    List.of(), T, null);
            // the terminal shows the job number first: "[1] 12345"
            List<String> lines = background.output().lines().toList();
            sleeper = Long.parseLong(lines.get(lines.size() - 1).strip());
            assertTrue(Files.isDirectory(home));
        }
        assertFalse(Files.exists(home), home + " is still there");
        if (RunUser.weAreRoot()) {
            assertFalse(ProcessHandle.of(sleeper).map(Processes::running).orElse(false), "sleep still runs");
            assertFalse(Files.readString(Path.of("/etc/passwd")).contains(user + ":"), user + " still exists");
        }
    }

    /**
     * A daemon that left the shell's process tree (double fork, a session of its own) and ignores SIGTERM is the
     * run user's all the same: found by its user id and killed before the user goes.
     */
    @Test
    void anEscapedProcessDeafToSigtermIsEndedWithItsUser() throws Exception {
        assertTrue(RunUser.weAreRoot(), "a run user is made only as root: run this as root");
        long daemon;
        try (Target target = Targets.open("local", TargetOptions.defaults())) {
            CommandResult started = target.openSession().run(
                    "(trap '' TERM; setsid sleep 300 </dev/null >/dev/null 2>&1 & echo $!)", List.of(), T, null);
            daemon = Long.parseLong(started.output().strip());
            ProcessHandle escaped = ProcessHandle.of(daemon).orElseThrow();
            assertFalse(escaped.parent().map(p -> p.pid() != 1 && p.info().command().orElse("").endsWith("bash"))
                    .orElse(false), "the daemon left the shell's tree");
        }
        assertFalse(ProcessHandle.of(daemon).map(Processes::running).orElse(false), "the escaped daemon still runs");
    }

    /**
     * The sandbox opens while the guide is read: a guide found wrong then leaves no user behind (found by this JVM's
     * pid in the run's stamp: other processes on this machine make users of their own meanwhile).
     */
    @Test
    void aWrongGuideLeavesNoUserBehind(@TempDir Path dir) throws IOException {
        assertTrue(RunUser.weAreRoot(), "a run user is made only as root: run this as root");
        Path guide = Files.writeString(dir.resolve("nothing.md"), "# Nothing to run\n\nNo command here.\n");
        assertThrows(BadInput.class, () -> Rehearsal.defaults().withTarget("local").withReportDir(dir.resolve("r"))
                .run(guide, RunListener.NONE));
        String pid = "pid=" + ProcessHandle.current().pid() + " ";
        assertTrue(Files.readAllLines(Path.of("/etc/passwd")).stream().noneMatch(u -> u.startsWith("rehearse-")
                && u.contains(pid)), "a user of this JVM's runs is left");
    }

    @Test
    void aNamedFolderIsTheHomeAndIsNeverRemoved() throws IOException {
        Path dir = Files.createTempDirectory("rehearse-named-");
        try {
            try (Target target = Targets.open("local:" + dir, TargetOptions.defaults())) {
                assertEquals(dir.toString(), target.facts().home());
                assertEquals(dir + "\n", target.openSession().run("cd && pwd && touch made-here", List.of(), T, null)
                        .output());
            }
            assertTrue(Files.exists(dir.resolve("made-here")));
        } finally {
            Files.deleteIfExists(dir.resolve("made-here"));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void keptSandboxesStay() throws IOException, InterruptedException {
        Path home;
        String user;
        try (Target target = Targets.open("local", TargetOptions.defaults().withKeep(true))) {
            home = Path.of(target.facts().home());
            user = target.facts().user();
            target.writeFile("~/kept.txt", "still here\n");
        }
        try {
            assertEquals("still here\n", Files.readString(home.resolve("kept.txt")));
        } finally {
            // the test cleans up what it asked to keep
            if (RunUser.weAreRoot()) {
                new ProcessBuilder("userdel", "--force", user).start().waitFor();
            }
            try (var walk = Files.walk(home.getParent())) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aCommandDeafToEveryInterruptCostsTheShellButNeverHangs() {
        ShellSettings impatient = new ShellSettings("dumb", 80, 24, Duration.ofSeconds(2), Duration.ofMillis(40),
                Duration.ofSeconds(30), Duration.ofSeconds(2));
        try (LocalTarget target = LocalTarget.open(null, false, impatient)) {
            Session shell = target.openSession();
            long start = System.nanoTime();
            CommandResult deaf = shell.run("bash -c \"trap '' INT QUIT TERM; sleep 60\"", List.of(),
                    Duration.ofSeconds(1), null);
            long took = (System.nanoTime() - start) / 1_000_000;
            assertEquals(CommandResult.Status.TIMEOUT, deaf.status());
            assertTrue(took < 5000, "took " + took + " ms");
            assertEquals(CommandResult.Status.DISCONNECTED, shell.run("echo hi", List.of(), T, null).status());
            assertEquals("the shell did not come back after its command was interrupted", shell.lostReason());
            assertEquals("fresh\n", target.openSession().run("echo fresh", List.of(), T, null).output());
        }
    }

    @Test
    void aHomeTheRunsUserCouldNotReachIsBadInputNamingTheClosedFolder() throws IOException {
        Path closed = Files.createTempDirectory("rehearse-closed-"); // 0700, as mktemp makes it
        try {
            BadInput bad = assertThrows(BadInput.class,
                    () -> Targets.open("local:" + closed.resolve("home"), TargetOptions.defaults()));
            assertTrue(bad.getMessage().contains(closed + " is closed to other users"), bad.getMessage());
        } finally {
            Files.deleteIfExists(closed.resolve("home"));
            Files.delete(closed);
        }
    }

    @Test
    void anUnknownTargetIsBadInput() {
        BadInput bad = assertThrows(BadInput.class, () -> Targets.open("moon", TargetOptions.defaults()));
        // the test class path adds a toy provider (ToyTargetTest)
        assertTrue(bad.getMessage().startsWith("--target: unknown target 'moon' (known: ")
                && bad.getMessage().contains("local, local:DIR, container, container:IMAGE, ssh://user@host[:port]"),
                bad.getMessage());
    }
}
