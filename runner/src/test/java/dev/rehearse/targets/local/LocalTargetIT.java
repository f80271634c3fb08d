package dev.rehearse.targets.local;

import dev.rehearse.guide.BadInput;
import dev.rehearse.model.CommandResult;
import dev.rehearse.model.Interaction;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.RunListener;
import dev.rehearse.targets.RunStamp;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.Targets;
import dev.rehearse.targets.shell.Processes;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.testing.RunUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    void aTemporarySandboxAndItsUsersProcessesAreGoneAfterClose() throws Exception {
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
            RunUsers.assertLeftNothing(user, home, "after close");
        }
    }

    /**
     * As root a throwaway sandbox's user comes from the pool: the next run gets the same user, with an empty HOME and
     * none of the last run's processes, and tells its sandbox apart from the last one's (a run that reuses what an
     * earlier run captured compares the two).
     */
    @Test
    void theNextSandboxHasThePoolsUserWithNothingOfTheLastRun() throws Exception {
        assertTrue(RunUser.weAreRoot(), "a run user is made only as root: run this as root");
        String first;
        String described;
        Path inTmp = Path.of("/tmp", "rehearse-left-" + ProcessHandle.current().pid());
        Path inShm = Path.of("/dev/shm", "rehearse-left-" + ProcessHandle.current().pid());
        try (Target target = Targets.open("local", TargetOptions.defaults())) {
            first = target.facts().user();
            described = target.describe();
            target.writeFile("~/secret.txt", "the first run's\n");
            Session shell = target.openSession();
            shell.run("(setsid sleep 300 </dev/null >/dev/null 2>&1 &)", List.of(), T, null);
            shell.run("mkdir " + inTmp + " && ln -s /etc " + inTmp + "/etc && touch " + inShm, List.of(), T, null);
            assertTrue(Files.isDirectory(inTmp) && Files.exists(inShm));
            assertEquals(0, shell.run("ipcmk -M 4096 && ipcmk -Q && ipcmk -S 2", List.of(), T, null).exit());
        }
        assertTrue(first.matches(RunUsers.POOL_USER), first);
        // System V objects outlive every process; shared memory holds its pages until removed
        String uid = String.valueOf(RunUsers.uid(first).orElseThrow());
        for (String kind : List.of("shm", "msg", "sem")) {
            assertTrue(Files.readAllLines(Path.of("/proc/sysvipc", kind)).stream().skip(1)
                    .noneMatch(line -> List.of(line.strip().split("\\s+")).contains(uid)), kind + " left by the run");
        }
        assertFalse(Files.exists(inTmp, LinkOption.NOFOLLOW_LINKS), "what the run left in /tmp is gone");
        assertFalse(Files.exists(inShm), "and in /dev/shm");
        assertTrue(Files.isDirectory(Path.of("/etc/ssl")), "a link in it was not followed");
        try (Target target = Targets.open("local", TargetOptions.defaults())) {
            assertEquals(first, target.facts().user());
            assertFalse(target.describe().equals(described), described);
            assertEquals(skeleton(), target.openSession().run("ls -A1 ~", List.of(), T, null).output().lines().toList(),
                    "a new account's files, and nothing of the last run");
            assertEquals(List.of(), RunUsers.processesOf(RunUsers.uid(first).orElseThrow()).stream()
                    .filter(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().command())
                            .map(c -> c.endsWith("sleep")).orElse(false)).toList());
        }
    }

    /**
     * A fresh HOME starts with a new account's files from {@code /etc/skel}, the run user's, so that an export a guide
     * adds to {@code ~/.bashrc} holds in the next login shell (Debian's {@code ~/.profile} sources it); a HOME the
     * user names is left as it is. Before, a sandbox's HOME was empty, and the next login saw no {@code ~/.bashrc}.
     */
    @Test
    void aFreshHomeStartsWithANewAccountsFilesAndANamedOneAsItIs(@TempDir Path named) throws IOException {
        assertTrue(RunUser.weAreRoot(), "a run user is made only as root: run this as root");
        assertTrue(skeleton().contains(".profile"), "this test needs /etc/skel/.profile, as Debian's base has");
        try (Target target = Targets.open("local", TargetOptions.defaults())) {
            Session first = target.openSession();
            assertEquals(skeleton(), first.run("ls -A1 ~", List.of(), T, null).output().lines().toList());
            assertEquals(target.facts().user() + "\n", first.run("stat -c %U ~/.profile", List.of(), T, null).output());
            first.run("echo 'export EDITOR_CHOICE=vim' >> ~/.bashrc", List.of(), T, null);
            first.run("exit", List.of(), T, null);
            assertEquals("vim\n", target.openSession().run("echo \"$EDITOR_CHOICE\"", List.of(), T, null).output(),
                    "the next login shell reads ~/.bashrc through ~/.profile");
        }
        try (Target target = Targets.open("local:" + named, TargetOptions.defaults())) {
            assertEquals("", target.openSession().run("ls -A ~", List.of(), T, null).output());
        }
    }

    private static List<String> skeleton() throws IOException {
        try (var entries = Files.list(HomeSkeleton.SYSTEM)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Two sandboxes open at once (a parallel matrix, the JUnit engine) hold two slots: never the same user. */
    @Test
    void sandboxesOpenAtOnceHaveUsersOfTheirOwn() {
        assertTrue(RunUser.weAreRoot(), "a run user is made only as root: run this as root");
        try (Target one = Targets.open("local", TargetOptions.defaults());
             Target two = Targets.open("local", TargetOptions.defaults())) {
            assertFalse(one.facts().user().equals(two.facts().user()), one.facts().user());
            assertFalse(one.facts().home().equals(two.facts().home()), one.facts().home());
        }
    }

    /**
     * Two runs of one JVM (the JUnit engine in parallel): the second one's look at the slot the first holds must not
     * let the first one's lock go, which another process's run would then take, ending the first run's processes.
     */
    @Test
    void aSlotHeldByARunOfThisJvmStaysHeldForOtherProcesses() throws Exception {
        assertTrue(RunUser.weAreRoot(), "a run user is made only as root: run this as root");
        try (Target first = Targets.open("local", TargetOptions.defaults())) {
            Path lockFile = Path.of(first.facts().home()).getParent().resolveSibling(
                    Path.of(first.facts().home()).getParent().getFileName() + ".lock");
            assertTrue(Files.exists(lockFile), lockFile.toString());
            assertEquals("held", OtherProcessLock.finds(lockFile));
            try (Target second = Targets.open("local", TargetOptions.defaults())) {
                LocalTarget.reapLeftovers(); // a run's start looks at every slot too
                assertEquals("held", OtherProcessLock.finds(lockFile), "after another run of this JVM took a slot");
            }
            assertEquals("held", OtherProcessLock.finds(lockFile), "after that run gave its slot back");
        }
    }

    /** A pool whose folder others could change is not used: the run makes a user of its own. */
    @Test
    void aPoolFolderOthersCouldWriteIntoIsNotUsed(@TempDir Path dir) throws IOException {
        assertTrue(RunUser.weAreRoot(), "a run user is made only as root: run this as root");
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(new RunUserPool(open.resolve("run-users")).take(RunStamp.next()).isEmpty());
        assertFalse(Files.exists(open.resolve("run-users").resolve("0.lock")));
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

    /**
     * As root the run's user owns the folder local:DIR names while the run goes: never the root, a folder of the
     * system, or a user's home, however the path reaches it (a link, {@code ..}).
     */
    @Test
    void aFolderOfTheSystemOrOfAUserIsNoLocalHome(@TempDir Path dir) throws IOException {
        assertTrue(RunUser.weAreRoot(), "a run user is made only as root: run this as root");
        Path link = Files.createSymbolicLink(dir.resolve("to-root"), Path.of("/"));
        for (String folder : List.of("/", "/etc", "/usr/local", "/root", "/tmp/../etc", link.toString(),
                link + "/var/log")) {
            BadInput refused = assertThrows(BadInput.class, () -> Targets.open("local:" + folder,
                    TargetOptions.defaults()), folder);
            assertTrue(refused.getMessage().contains("a folder of the system or of a user"), refused.getMessage());
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

    /**
     * An answer typed at a prompt whose program ended without reading it stays in the terminal's input, where the
     * shell would read it as its next command: a bound value {@code x; touch pwned} ran as two. It is dropped.
     */
    @Test
    void anAnswerTheProgramNeverReadIsDroppedNotRunByTheShell() throws IOException {
        try (LocalTarget target = LocalTarget.open(null, false, ShellSettings.DEFAULT)) {
            Session shell = target.openSession();
            Path home = Path.of(target.facts().home());
            CommandResult asked = shell.run("printf 'Name: '; sleep 1; echo", List.of(new Interaction("Name:",
                    "x; touch pwned", false, false, null)), T, null);
            assertEquals(0, asked.exit(), asked.output());
            CommandResult next = shell.run("echo next", List.of(), T, null);
            assertEquals("next\n", next.output(), "nothing of the answer ran before it");
            assertFalse(Files.exists(home.resolve("pwned")), "the answer never ran");
        }
    }

    /** What {@code cat} reads without asking is typed once it is still, and its end (Ctrl-D) with it. */
    @Test
    void linesACommandReadsWithoutAskingAreTypedAndTheirEndFollows() {
        try (LocalTarget target = LocalTarget.open(null, false, ShellSettings.DEFAULT)) {
            Session shell = target.openSession();
            CommandResult typed = shell.run("cat > notes.txt", List.of(new Interaction("", "hello\nworld", false,
                    false, null), new Interaction("", "", false, true, null)), T, null);
            assertEquals(0, typed.exit(), typed.output());
            assertEquals("hello\nworld\n", shell.run("cat notes.txt", List.of(), T, null).output());
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
