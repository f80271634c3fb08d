package dev.rehearse.targets.local;

import dev.rehearse.testing.RehearseJar;
import dev.rehearse.model.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user a root run makes: when it cannot be made, and what it leaves in a folder named by {@code local:DIR}. */
class RunUserIT {
    private static final Path GUIDES = Path.of(System.getProperty("rehearse.root", ".."), "fixtures", "guides");

    /**
     * A real {@code useradd} against a locked {@code /etc/passwd}: the run is started in a mount namespace of its own
     * where /etc is a copy holding {@code passwd.lock}, so no other process on this machine sees the lock. The copy
     * has none of the run users' pool, so the run has a user to make.
     */
    @Test
    void aLockedPasswdIsOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
        Path etc = dir.resolve("etc");
        assertEquals(0, new ProcessBuilder("cp", "-a", "/etc", etc.toString()).inheritIO().start().waitFor());
        for (String database : List.of("passwd", "group", "shadow", "gshadow")) {
            Path file = etc.resolve(database);
            if (Files.exists(file)) {
                Files.write(file, Files.readAllLines(file).stream().filter(l -> !l.matches("rehearse-run\\d+:.*"))
                        .toList());
            }
        }
        Files.writeString(etc.resolve("passwd.lock"), "");
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> rehearse = List.of(java, "-jar", RehearseJar.jar().toString(),
                "run", GUIDES.resolve("drift.rst").toAbsolutePath().toString(), "--target", "local",
                "--report-dir", dir.resolve("reports").toString());
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind \"$0\" /etc && exec \"$@\"", etc.toString()));
        command.addAll(rehearse);
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(run.getInputStream().readAllBytes());
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, run.exitValue(), printed);
        assertTrue(printed.startsWith("--target local: cannot make the run's user: useradd --no-create-home"), printed);
        assertTrue(printed.strip().endsWith("cannot lock /etc/passwd; try again later."), printed);
        assertEquals(1, printed.strip().lines().count(), printed);
    }

    /**
     * The run's shell is on a terminal its user owns, which the group tty may write to, as login and sshd give one: a
     * program that opens the terminal by its name to ask for a secret (GnuPG's pinentry) gets it.
     */
    @Test
    void theShellIsOnATerminalItsUserOwns(@TempDir Path dir) throws IOException {
        assertEquals("root", System.getProperty("user.name"), "a run user is made only as root: run this as root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectory(dir.resolve("home"));
        try (LocalTarget target = LocalTarget.open(home, false)) {
            CommandResult terminal = target.openSession().run("stat -c '%U:%G %a' \"$(tty)\" && exec 3<>\"$(tty)\""
                    + " && echo opened", List.of(), Duration.ofSeconds(30), null);
            assertEquals(target.facts().user() + ":tty 620\nopened\n", terminal.output());
        }
    }

    @Test
    void aNamedFolderIsHandedBackToItsOwnerWhenTheUserGoes(@TempDir Path dir) throws IOException {
        assertEquals("root", System.getProperty("user.name"), "a run user is made only as root: run this as root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectory(dir.resolve("home"));
        Files.writeString(home.resolve("mine.txt"), "the owner's\n");
        String runUser;
        try (LocalTarget target = LocalTarget.open(home, false)) {
            runUser = target.facts().user();
            CommandResult made = target.openSession().run("mkdir -p sub/deeper && touch made sub/deeper/x"
                    + " && ln -s /etc/hostname link && stat -c %U made", List.of(), Duration.ofSeconds(30), null);
            assertEquals(runUser + "\n", made.output());
        }
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.toList()) {
                assertEquals(0, (Integer) Files.getAttribute(p, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS),
                        p + " still belongs to the run's user, whose id the next user made would get");
                assertEquals(0, (Integer) Files.getAttribute(p, "unix:gid", java.nio.file.LinkOption.NOFOLLOW_LINKS), p::toString);
            }
        }
        assertEquals(0, (Integer) Files.getAttribute(Path.of("/etc/hostname"), "unix:uid"));
        assertTrue(Files.exists(home.resolve("sub/deeper/x")), "the folder's files stay: only their owner changed");
    }
}
