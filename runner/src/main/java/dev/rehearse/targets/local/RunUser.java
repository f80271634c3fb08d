package dev.rehearse.targets.local;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.ProcessLimit;
import dev.rehearse.targets.RunStamp;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An ordinary user made for one run when Rehearse itself runs as root: guides are written for ordinary users,
 * and some programs (PostgreSQL) refuse to run as root. Removed, with every process it still has, at the end.
 */
final class RunUser {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PREFIX = "rehearse-";
    private static final String KEPT = "kept=";
    private static final String SANDBOX = "sandbox=";
    /** the folders every user may write into, where a guide's programs leave files */
    private static final List<String> SHARED_TEMPORARY = List.of("/tmp", "/var/tmp", "/dev/shm");
    /** what of {@code /proc/PID/status} is read: its Uid line comes well within (Name, Umask, State ... Uid) */
    private static final int STATUS_HEAD = 1024;
    /** the folders {@code LocalTarget} makes its sandboxes in are named so */
    static final String SANDBOX_PREFIX = "rehearse-local-";
    private final String name;
    /** its numeric id, by which its processes are found */
    private final int uid;
    /** its HOME: never taken for something it left outside it (a folder named by local:DIR may be in /tmp) */
    private final Path home;

    private RunUser(String name, int uid, Path home) {
        this.name = name;
        this.uid = uid;
        this.home = home.toAbsolutePath().normalize();
    }

    static boolean weAreRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * useradd a {@code rehearse-xxxxxx} user whose home is {@code home} (which it then owns), its comment field
     * the run's stamp: what {@link #reapLeftovers()} of a later run reads.
     *
     * @param keep    kept at the end of the run (--keep): never reaped
     * @param sandbox {@code home}'s parent is the run's own sandbox, removed with the user
     */
    static RunUser create(Path home, RunStamp stamp, boolean keep, boolean sandbox) {
        SecureRandom random = new SecureRandom();
        StringBuilder name = new StringBuilder(PREFIX);
        for (int i = 0; i < 6; i++) {
            name.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        runOrRefuse(List.of("useradd", "--no-create-home", "--home-dir", home.toString(), "--shell", "/bin/bash",
                "--user-group", "--comment", stamp.text() + " " + KEPT + keep + " " + SANDBOX + sandbox,
                name.toString()));
        own(home, name.toString());
        try {
            // the id the system gave the user, as the home it now owns says
            return new RunUser(name.toString(), (Integer) Files.getAttribute(home, "unix:uid"), home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the owner of " + home, e);
        }
    }

    /** A user that exists already: one of {@link RunUserPool}'s. */
    static RunUser existing(String name, int uid, Path home) {
        return new RunUser(name, uid, home);
    }

    String name() {
        return name;
    }

    /**
     * The start of a command line that runs what follows as this user, in the environment it is given: no PAM
     * session ({@code runuser} opens one, which takes as long as the rest of a quick step), the user's own group
     * and no other.
     */
    List<String> asUser() {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + name, "--init-groups", "--");
    }

    /**
     * {@link #asUser()} for the run's shell, which starts every process of the guide: with at most
     * {@link ProcessLimit#MOST_PROCESSES} of them (the limit counts the processes of the user, whoever started them),
     * on a terminal the user owns, as login and sshd give it: a program that opens the terminal by its name to ask
     * for a secret (GnuPG's pinentry) is refused one of root's.
     */
    List<String> asUserWithLimits() {
        // the terminal as /proc/self/fd/0 (standard input, the terminal itself), a link chown and chmod follow to it:
        // no tty program to ask its name of
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "[ -t 0 ] && chown \"$1\":tty /proc/self/fd/0 && chmod "
                + "620 /proc/self/fd/0 2>/dev/null; shift; exec \"$@\"", "sh", String.valueOf(uid),
                "prlimit", "--nproc=" + ProcessLimit.MOST_PROCESSES, "--"));
        argv.addAll(asUser());
        return argv;
    }

    /** Gives {@code path} (not what is inside) to the user {@code name} and its group. */
    static void own(Path path, String name) {
        try {
            UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal owner = lookup.lookupPrincipalByName(name);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(name);
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            view.setOwner(owner);
            view.setGroup(group);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + path + " to " + name, e);
        }
    }

    /**
     * Ends every process the user still has (servers a guide started), so that none writes on after it: SIGTERM,
     * then SIGKILL to what is left. A process is the user's when its real, effective or saved id is the user's
     * (a set-user-id program the user started is one), as its {@code /proc/PID/status} says, rather than asking every
     * process of the machine for its user's name ({@code ProcessHandle.info()}), which looks each name up.
     * <p>
     * The signals go out as the user's own {@code kill -1}, which the kernel sends to every process of the user in
     * one pass that no fork gets past: one by one, processes that fork faster than they are found (a fork bomb)
     * would outlive any number of rounds, and take the machine's processors from the rounds meanwhile.
     */
    void stopProcesses() {
        for (String signal : List.of("TERM", "KILL", "KILL")) {
            if (!anyProcessLeft()) {
                return;
            }
            List<String> signalAll = new ArrayList<>(asUser());
            // bash's builtin: no kill program need be installed
            signalAll.addAll(List.of("bash", "-c", "kill -" + signal + " -1"));
            whyFailed(signalAll);
            // a process killed still has to be scheduled to end, which takes seconds on a machine that thousands of
            // the user's processes keep busy; a terminated one may take its time to shut down
            Duration patience = Duration.ofSeconds(signal.equals("TERM") ? 2 : 30);
            long deadline = System.nanoTime() + patience.toNanos();
            for (long pause = 1; anyProcessLeft() && System.nanoTime() < deadline; pause = Math.min(100, pause * 2)) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The user has a process that is not yet a zombie: the look stops at the first. */
    private boolean anyProcessLeft() {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), p -> isPid(p.getFileName().toString()))) {
            for (Path process : all) {
                if (ownedByUs(process)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the processes of " + name, e);
        }
    }

    private boolean ownedByUs(Path process) {
        // the ids are near the top: one short read, no more of the file made into a string
        byte[] head = new byte[STATUS_HEAD];
        int n;
        try (FileInputStream in = new FileInputStream(process.resolve("status").toFile())) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false; // ended meanwhile
        }
        String status = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        if (status.contains("\nState:\tZ")) {
            return false; // a zombie runs nothing: it waits for its parent, or for init once orphaned
        }
        int at = status.indexOf("\nUid:");
        int end = at < 0 ? -1 : status.indexOf('\n', at + 1);
        if (end < 0) {
            return false;
        }
        String[] ids = status.substring(at + "\nUid:".length(), end).strip().split("\\s+");
        for (int i = 0; i < Math.min(3, ids.length); i++) {
            if (ids[i].equals(String.valueOf(uid))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Removes the user, its processes first, then what it left outside its HOME. */
    void remove() {
        stopProcesses();
        removeFilesOutsideHome();
        removeIpcObjects();
        run(List.of("userdel", "--force", name));
    }

    /**
     * Removes the System V shared memory, message queues and semaphores the user made ({@code ipcmk}, a database's
     * shared buffers): they outlive every process, and shared memory holds its pages until removed. The user's own
     * {@code ipcrm --all} removes only what the user may, its own (util-linux, as {@code script} and {@code setsid}).
     */
    void removeIpcObjects() {
        if (!hasIpcObjects()) {
            return; // the usual case, without starting a program
        }
        List<String> removeAll = new ArrayList<>(asUser());
        removeAll.addAll(List.of("ipcrm", "--all"));
        whyFailed(removeAll);
    }

    /** Whether {@code /proc/sysvipc} lists an object the user owns or made (its header names the columns). */
    private boolean hasIpcObjects() {
        for (String kind : List.of("shm", "msg", "sem")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of("/proc/sysvipc", kind));
            } catch (IOException | UncheckedIOException noSysvIpc) {
                continue;
            }
            if (lines.isEmpty()) {
                continue;
            }
            List<String> columns = List.of(lines.get(0).strip().split("\\s+"));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                for (String column : List.of("uid", "cuid")) {
                    int at = columns.indexOf(column);
                    if (at >= 0 && at < fields.length && fields[at].equals(String.valueOf(uid))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Removes what the user made outside its HOME that the next user of its id would find, or the system would go
     * on running for it: its crontab, its mail, and what it owns at the top of the shared temporary folders
     * ({@link #SHARED_TEMPORARY}; a guide's {@code /tmp/app.pid}, say), but never its HOME or a folder holding it: a
     * folder named by {@code local:DIR} belongs to the user during the run, and stays after it. Call with its
     * processes stopped: then nothing of the user's changes these while they are removed, and no link in them is
     * followed.
     */
    void removeFilesOutsideHome() {
        for (Path file : List.of(Path.of("/var/spool/cron/crontabs", name), Path.of("/var/mail", name))) {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove " + file, e);
                }
            }
        }
        for (String shared : SHARED_TEMPORARY) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(shared))) {
                for (Path entry : entries) {
                    if (!home.startsWith(entry)
                            && (Integer) Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS) == uid) {
                        LocalTarget.deleteTree(entry);
                    }
                }
            } catch (NoSuchFileException missing) {
                // no such folder on this machine
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear what " + name + " left in " + shared, e);
            }
        }
    }

    /**
     * A user that cannot be made (a locked {@code /etc/passwd}, no {@code useradd}) stops the run before it starts:
     * one line saying what the tool said, as for any other target that cannot be opened.
     */
    static void runOrRefuse(List<String> argv) {
        try {
            run(argv);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new BadInput("--target local", 0, "cannot make the run's user: " + e.getMessage().replace('\n', ' '));
        }
    }

    /**
     * Gives back to {@code owner} everything under {@code folder} the user owns (links themselves, never followed):
     * once the user is gone its id is free, and the next user made would own those files.
     */
    void handBack(Path folder, int ownerUid, int ownerGid) {
        run(List.of("chown", "-R", "-h", "--from=" + name, String.valueOf(ownerUid), folder.toString()));
        run(List.of("chown", "-R", "-h", "--from=:" + name, ":" + ownerGid, folder.toString()));
    }

    /**
     * Removes the users (with their processes) that runs killed on the way left behind, and their sandboxes:
     * only a {@code rehearse-} user whose comment is a run's stamp, not kept, whose run's process is provably gone.
     *
     * @return one line for each user removed
     */
    static List<String> reapLeftovers() {
        List<String> removed = new ArrayList<>();
        List<String> passwd;
        try {
            passwd = Files.readAllLines(Path.of("/etc/passwd"));
        } catch (IOException e) {
            return removed;
        }
        for (String entry : passwd) {
            String[] fields = entry.split(":", -1);
            if (fields.length < 7 || !fields[0].startsWith(PREFIX)) {
                continue;
            }
            String comment = fields[4];
            Optional<RunStamp> stamp = RunStamp.parse(comment);
            if (stamp.isEmpty() || comment.contains(KEPT + "true") || !stamp.get().provablyDead()) {
                continue;
            }
            try {
                new RunUser(fields[0], Integer.parseInt(fields[2]), Path.of(fields[5])).remove();
            } catch (IllegalStateException | UncheckedIOException | NumberFormatException e) {
                // what a dead run left is tidied when it can be; it never stops the run that finds it
                removed.add("could not remove user " + fields[0] + ", left behind by run " + stamp.get().id() + ": "
                        + e.getMessage().replace('\n', ' '));
                continue;
            }
            Path sandbox = Path.of(fields[5]).getParent();
            String also = "";
            if (comment.contains(SANDBOX + "true") && sandbox != null && sandbox.getFileName() != null
                    && sandbox.getFileName().toString().startsWith(SANDBOX_PREFIX) && Files.isDirectory(sandbox)) {
                LocalTarget.deleteTree(sandbox);
                also = " and its sandbox " + sandbox;
            }
            removed.add("removed user " + fields[0] + also + ", left behind by run " + stamp.get().id()
                    + " (its process " + stamp.get().pid() + " is gone)");
        }
        return removed;
    }

    private static void run(List<String> argv) {
        String failed = whyFailed(argv);
        if (failed != null) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + failed);
        }
    }

    /** What the program said where it failed or took over 30 s, else null. */
    private static String whyFailed(List<String> argv) {
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? null : said;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.get(0), e);
        }
    }
}
