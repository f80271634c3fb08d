package dev.rehearse.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files that atomic writes make beside the files they replace ({@code .report.html.PID-HEX.rehearse-tmp},
 * the writing process's pid in the name), so that none is left in a user's folder: those of the writes under way
 * are removed when the process is about to end at once ({@link #removeAll()}: a second Ctrl-C halts the JVM, and a
 * report being written then left its temporary file), and those a process that ended so anyway left (its halt came
 * before the removal, on a stalled disk) are removed by the next write of the same file ({@link #removeLeftovers}).
 */
final class TemporaryFiles {
    private static final String SUFFIX = ".rehearse-tmp";
    /** between the file's name and the suffix: the pid and a random number (only the number, from older versions) */
    private static final Pattern MIDDLE = Pattern.compile("(?:(\\d{1,10})-)?[0-9a-f]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<Path> inFlight = new HashSet<>();
    private boolean ending;

    /** How a temporary file is created (its channel opened with CREATE_NEW). */
    @FunctionalInterface
    interface Creation {
        FileChannel create(Path temp) throws IOException;
    }

    /**
     * Makes a new temporary file beside {@code target} with {@code creation}, kept track of until {@link #done}.
     *
     * @throws IOException when the process is ending ({@link #removeAll()}), or the file cannot be made
     */
    synchronized Made create(Path target, Creation creation) throws IOException {
        if (ending) {
            throw new IOException(target + " not written: the process is ending");
        }
        Path temp = nameBeside(target);
        // created under the lock: removeAll() must find every file that exists, and none may appear after it
        FileChannel channel = creation.create(temp);
        inFlight.add(temp);
        return new Made(temp, channel);
    }

    /**
     * A new name for a temporary file or folder beside {@code target}, hidden and named for it, with this process's
     * pid (whether its writer still runs, {@link #removeLeftovers}) and a random number.
     */
    static Path nameBeside(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(RANDOM.nextLong()) + SUFFIX);
    }

    /** A temporary file just made, and its channel, open for writing. */
    record Made(Path path, FileChannel channel) {
    }

    /** The write that made {@code temp} has renamed or removed it. */
    synchronized void done(Path temp) {
        inFlight.remove(temp);
    }

    /**
     * The process ends now: removes the temporary file of every write under way, and makes no new one from here on.
     * A write under way then fails, or its rename does, which no one waits for any more.
     */
    void removeAll() {
        List<Path> left;
        synchronized (this) {
            ending = true;
            left = new ArrayList<>(inFlight);
        }
        for (Path temp : left) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the process ends all the same; the next write of the file removes it
            }
        }
    }

    /**
     * Removes the temporary files of {@code target} that earlier writes left because their process ended during the
     * write (a halt, a SIGKILL, a lost machine): those of a process that is gone, or whose name has no pid (made by a
     * Rehearse before pids were put in). A process still running may be writing its own: it is left alone.
     */
    static void removeLeftovers(Path target) {
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), sibling -> {
            String name = sibling.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(SUFFIX);
        })) {
            for (Path sibling : siblings) {
                String name = sibling.getFileName().toString();
                Matcher middle = MIDDLE.matcher(name.substring(prefix.length(), name.length() - SUFFIX.length()));
                if (middle.matches() && !writerRuns(middle.group(1))
                        && Files.isRegularFile(sibling, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(sibling);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // litter that cannot be cleared must not keep the file from being written: the write says what is wrong
        }
    }

    private static boolean writerRuns(String pid) {
        return pid != null && ProcessHandle.of(Long.parseLong(pid)).isPresent();
    }
}
