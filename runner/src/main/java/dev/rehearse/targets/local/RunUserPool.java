package dev.rehearse.targets.local;

import dev.rehearse.targets.RunStamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Run users kept between runs, one per slot, so that a throwaway sandbox needs no {@code useradd} and
 * {@code userdel} (each writes and syncs the user databases, which takes longer than a quick guide runs). A run
 * holds its slot by an exclusive lock on the slot's lock file, which the kernel lets go when the run's process
 * ends however it ends; so a slot is never shared, and one a killed run held is free again. The slot's HOME is
 * removed at the end of the run. A run that ended without that (SIGKILL) leaves its HOME, and its stamp in the
 * lock file: a later run removes them, with every process the user still has, when it reaps leftovers or takes the
 * slot.
 * <p>
 * The slots live in a folder only root may change ({@link #ROOT}): their paths are in {@code /etc/passwd} as
 * the users' homes. A folder that is not so, or a slot that is not as this class left it, is not used; the run
 * then makes a user of its own as before.
 */
final class RunUserPool {
    /** where the slots are unless told otherwise */
    static final Path ROOT = Path.of("/var/lib/rehearse/run-users");
    /** a pool's users are named so, with the slot's number */
    static final String PREFIX = "rehearse-run";
    /** the comment (GECOS) field of a pool's user: what it is, to an admin reading /etc/passwd */
    private static final String COMMENT = "Rehearse run user (kept for later runs; remove with userdel)";
    /** more runs at once than this on one machine make users of their own */
    private static final int SLOTS = 64;
    /** the lock files of the slots this JVM holds (guarded by itself) */
    private static final Set<Path> HELD_HERE = new HashSet<>();
    private static final Set<PosixFilePermission> ROOT_ONLY_WRITES = PosixFilePermissions.fromString("rwx--x--x");

    private final Path root;

    RunUserPool(Path root) {
        this.root = root;
    }

    /** A slot held by a run (its lock file's channel holds the lock): its user, with a fresh empty HOME. */
    record Slot(RunUser user, Path home, Path lockFile, FileChannel lock) {

        /** Ends the user's processes, removes its HOME (and what it left outside) and lets the slot go. */
        void giveBack() {
            try {
                clear(user, home);
            } finally {
                letGo(lockFile, lock);
            }
        }
    }

    /**
     * Takes the first free slot, making its user when the slot is new, and writes {@code stamp} in its lock file.
     *
     * @return nothing when the pool's folder is not root's alone, or every slot is taken or unusable
     * @throws dev.rehearse.guide.BadInput when the user of a new slot cannot be made (a locked /etc/passwd)
     */
    Optional<Slot> take(RunStamp stamp) {
        if (!rootsAlone(root)) {
            return Optional.empty();
        }
        for (int n = 0; n < SLOTS; n++) {
            Path lockFile = root.resolve(n + ".lock");
            FileChannel channel = lockedOrNull(lockFile);
            if (channel == null) {
                continue;
            }
            boolean taken = false;
            try {
                Optional<RunUser> user = userOf(n);
                if (user.isPresent()) {
                    Path home = home(n);
                    // a HOME still there was not given back (SIGKILL): what that run left goes first
                    clear(user.get(), home);
                    Files.createDirectory(home);
                    RunUser.own(home, user.get().name());
                    HomeSkeleton.copy(HomeSkeleton.SYSTEM, home, user.get().name());
                    channel.truncate(0).write(ByteBuffer.wrap((stamp.text() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    taken = true;
                    return Optional.of(new Slot(user.get(), home, lockFile, channel));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the run users' slot " + root.resolve(String.valueOf(n)), e);
            } finally {
                if (!taken) {
                    letGo(lockFile, channel);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Clears the free slots that runs ended without giving back (their HOME is still there): ends their users'
     * processes and removes their HOMEs.
     *
     * @return one line for each slot cleared
     */
    List<String> reapLeftovers() {
        List<String> cleared = new ArrayList<>();
        if (!rootsAlone(root)) {
            return cleared;
        }
        for (int n = 0; n < SLOTS; n++) {
            Path home = home(n);
            if (!Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path lockFile = root.resolve(n + ".lock");
            FileChannel channel = lockedOrNull(lockFile);
            if (channel == null) {
                continue; // a run holds it
            }
            try {
                String left = stampIn(channel);
                Optional<RunUser> user = userOf(n);
                if (user.isPresent()) {
                    clear(user.get(), home);
                    cleared.add("cleared " + home + " (user " + user.get().name() + "), left behind by run "
                            + RunStamp.parse(left).map(RunStamp::id).orElse("(unknown)")
                            + ": its files removed, its processes ended");
                }
            } catch (IOException | RuntimeException e) {
                // what a dead run left is tidied when it can be; it never stops the run that finds it
                cleared.add("could not clear " + home + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
            } finally {
                letGo(lockFile, channel);
            }
        }
        return cleared;
    }

    /**
     * What the lock file holds, read through the channel that holds its lock: a read through a descriptor of its own
     * would let the lock go as it closes, and another process would take the slot this one is clearing.
     */
    private static String stampIn(FileChannel channel) throws IOException {
        ByteBuffer stamp = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        int read;
        do {
            read = channel.read(stamp, stamp.position());
        } while (read > 0 && stamp.hasRemaining());
        return new String(stamp.array(), 0, stamp.position(), StandardCharsets.UTF_8);
    }

    private Path home(int n) {
        return root.resolve(String.valueOf(n)).resolve("home");
    }

    /** The slot's user, made when the slot is new; nothing when the slot is not as this class left it. */
    private Optional<RunUser> userOf(int n) throws IOException {
        Path folder = root.resolve(String.valueOf(n));
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(folder);
            // the run user must be able to reach its home inside
            Files.setPosixFilePermissions(folder, ROOT_ONLY_WRITES);
        }
        if (!rootsAlone(folder)) {
            return Optional.empty();
        }
        String name = PREFIX + n;
        Optional<String[]> entry = passwdEntry(name);
        if (entry.isEmpty()) {
            RunUser.runOrRefuse(List.of("useradd", "--no-create-home", "--home-dir", home(n).toString(),
                    "--shell", "/bin/bash", "--user-group", "--comment", COMMENT, name));
            entry = passwdEntry(name);
        }
        if (entry.isEmpty() || !entry.get()[5].equals(home(n).toString()) || !entry.get()[4].equals(COMMENT)) {
            return Optional.empty(); // an admin changed it, or another user of that name
        }
        return Optional.of(RunUser.existing(name, Integer.parseInt(entry.get()[2]), home(n)));
    }

    /**
     * What a run of the slot leaves, when its HOME is there (a run that ended cleanly leaves neither): the user's
     * processes, then what it made outside HOME, then HOME.
     */
    private static void clear(RunUser user, Path home) {
        if (Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
            user.stopProcesses();
            user.removeFilesOutsideHome();
            user.removeIpcObjects();
            LocalTarget.deleteTree(home);
        }
    }

    /**
     * The lock file's channel holding its lock, or null when another run (of any process) holds it.
     * <p>
     * A slot this JVM holds is not opened again: the lock is the process's (POSIX), and closing any descriptor of the
     * file, even one that only found the slot taken, lets it go. Another process then took the slot of a run still
     * going, and ended its processes and removed its HOME.
     */
    private static FileChannel lockedOrNull(Path lockFile) {
        Path key = heldKey(lockFile);
        synchronized (HELD_HERE) {
            if (HELD_HERE.contains(key)) {
                return null;
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return null;
            }
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    HELD_HERE.add(key);
                    return channel;
                }
            } catch (OverlappingFileLockException | IOException e) {
                // OverlappingFileLockException: another run of this JVM holds it (not one of this class's)
            }
            closeQuietly(channel);
            return null;
        }
    }

    /** Closes the channel {@link #lockedOrNull} gave, which lets its lock go. */
    private static void letGo(Path lockFile, FileChannel channel) {
        synchronized (HELD_HERE) {
            closeQuietly(channel);
            HELD_HERE.remove(heldKey(lockFile));
        }
    }

    /** how {@link #HELD_HERE} names a lock file, whatever path led to it */
    private static Path heldKey(Path lockFile) {
        return lockFile.toAbsolutePath().normalize();
    }

    /**
     * Made when missing; a folder whose every folder on the way, links resolved, is root's and closed to others'
     * writes (but for a sticky one such as /tmp, where no one else may move what is root's).
     */
    private static boolean rootsAlone(Path folder) {
        try {
            Files.createDirectories(folder);
            for (Path f = folder.toRealPath(); f != null; f = f.getParent()) {
                int mode = (Integer) Files.getAttribute(f, "unix:mode");
                boolean othersWrite = (mode & 022) != 0 && (mode & 01000) == 0;
                if ((Integer) Files.getAttribute(f, "unix:uid") != 0 || othersWrite) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The fields of the user's line in /etc/passwd. */
    private static Optional<String[]> passwdEntry(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            if (line.startsWith(name + ":")) {
                String[] fields = line.split(":", -1);
                return fields.length >= 7 ? Optional.of(fields) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing the channel lets its lock go whatever it reports; the process's end would too
        }
    }
}
