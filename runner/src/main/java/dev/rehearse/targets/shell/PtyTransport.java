package dev.rehearse.targets.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local process on a fresh PTY: a login shell for the local target, {@code docker exec -it ...} for a container.
 * The terminal is made by util-linux's {@code script}, which this process speaks to through pipes; it runs in a
 * session of its own ({@code setsid}), so that a Ctrl-C typed at Rehearse's own terminal reaches Rehearse and not
 * the run's shell, which gets the interrupts the session types (a Ctrl-C byte the terminal turns into SIGINT).
 * Closing it ends the process and its descendants, and so does the end of this process however it comes (a
 * SIGKILL runs no hook): {@code script} would go on after its input ends, so a shell of its own kills it once this
 * process is gone, which hangs the terminal up, as a PTY of this process's own would be at its end.
 * <p>
 * Why not a PTY opened in this process: that takes native calls, and binding them (JNA, pty4j's {@code fork})
 * cost a short run more than the rest of starting its shell; a JVM starts a program through pipes with code it
 * already has. What that costs instead is a thread that hands the pipe's output over ({@link ThreadedOutput}), as
 * a pipe cannot be waited on with a time limit from Java.
 */
public final class PtyTransport implements Transport {
    /** util-linux's, which every Linux distribution has (Debian: the essential packages util-linux and bsdutils) */
    private static final String SETSID = "setsid";
    /**
     * Runs {@code script} on {@code $2}, with a watch beside it that kills it once the process {@code $1} is gone,
     * and returns its exit status once it ends. The watch signals its process group (this shell's, as the session's
     * leader, with {@code script} in it, not the new terminal's session), never a process by its number: a group's
     * number is not given to another while a member of it lives, and the watch is one, so it cannot hit a stranger
     * however late it wakes. {@code script} runs in the foreground: a background command starts with SIGINT
     * ignored, which the shell on the terminal and every program it runs would inherit. Nor is the watch a child
     * of {@code script}'s, which spins until all its children are gone; it holds none of the pipes, so that the
     * output ends when {@code script} does, and once it has, this shell ends the watch the same way, sparing itself.
     * A Rehearse started with SIGINT, SIGQUIT or SIGHUP ignored ({@code rehearse run ... &} in a script, {@code
     * nohup}) would hand that on to the terminal's shell and every step, which a Ctrl-C (or a timeout's) would then
     * not stop: {@code script} starts with the three at their defaults, as a terminal's programs have them, where
     * {@code env} can say so (coreutils 8.31 and later; a shell cannot undo what it was started ignoring), which
     * is asked only when {@code $3} is not empty: when this process was started so ({@link #IGNORING}), so that the
     * usual start runs no program more.
     */
    private static final String WATCHED_SCRIPT = String.join("\n",
            "(exec </dev/null >/dev/null 2>&1; while kill -0 \"$1\"; do sleep 1; done; kill -KILL 0) &",
            "defaults=; if [ -n \"$3\" ] && env --default-signal=INT true 2>/dev/null; then "
                    + "defaults='env --default-signal=HUP,INT,QUIT'; fi",
            "$defaults script --quiet --flush --return --command \"$2\" /dev/null",
            "status=$?",
            "trap '' TERM",
            "kill -TERM 0",
            "exit $status");

    /**
     * Whether this process was started with SIGHUP, SIGINT or SIGQUIT ignored (signals 1-3, in its SigIgn in /proc),
     * which every program it starts inherits: the JVM catches them when they are not.
     */
    private static final boolean IGNORING = startedIgnoringTerminalSignals();
    /** the signals a shell is ended by, by their numbers (the same on every Linux architecture) */
    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT",
            9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM");

    private final Process process;
    private final String what;
    private final TimedOutput output;
    private final Keyboard input;
    /** where the programs on the terminal are, whose reads of it tell a wait for input */
    private final TerminalPrograms programs;

    private PtyTransport(Process process, String what, TerminalPrograms programs) {
        this.process = process;
        this.what = what;
        this.programs = programs;
        this.output = ThreadedOutput.of(process.getInputStream(), "rehearse-terminal-reader");
        this.input = new Keyboard(process.getOutputStream());
    }

    /**
     * A program on a new terminal: a local login shell, {@code docker exec -it} for a container.
     *
     * @param argv     the program and its arguments, run as the session leader of the new terminal
     * @param env      its whole environment (nothing is inherited); {@code script} runs the program through
     *                 {@code $SHELL -c} (else {@code /bin/sh}), so a SHELL given here must be a POSIX shell
     * @param programs where the programs it runs can be looked at, so that one of them that waits in a read of the
     *                 terminal without a prompt is found ({@link #silentReader(boolean)}): a local shell's descendants, a
     *                 container's processes; {@link TerminalPrograms#NONE} where its work runs elsewhere (the
     *                 client of a remote engine reads the terminal all the time, to pass on what is typed, so its
     *                 own reads tell nothing)
     */
    public static PtyTransport start(List<String> argv, Map<String, String> env, Path dir, int columns, int rows,
                                     TerminalPrograms programs) {
        ProcessBuilder builder = new ProcessBuilder(onANewTerminal(argv, columns, rows)).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            return new PtyTransport(builder.start(), argv.get(0), programs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", argv) + " on a terminal (it takes "
                    + "util-linux's setsid and script, on the PATH)", e);
        }
    }

    /**
     * The command line that runs {@code argv} on a new terminal of that size, in a session of its own, its exit
     * status returned as its own, hung up when this process ends; what is typed goes to its standard input, what
     * the terminal shows comes out of its standard output. The window's size is set on the terminal first, then
     * the program takes the place of script's shell, every word quoted in the line that shell runs.
     */
    public static List<String> onANewTerminal(List<String> argv, int columns, int rows) {
        StringBuilder line = new StringBuilder("stty cols ").append(columns).append(" rows ").append(rows)
                .append(" 2>/dev/null; exec");
        for (String word : argv) {
            line.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        return List.of(SETSID, "/bin/sh", "-c", WATCHED_SCRIPT, "sh", String.valueOf(ProcessHandle.current().pid()),
                line.toString(), IGNORING ? "ignoring" : "");
    }

    private static boolean startedIgnoringTerminalSignals() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) { // signal N is bit N - 1
                    return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & 0b111) != 0;
                }
            }
        } catch (IOException | NumberFormatException noProcFile) {
            // no /proc: the wrapper then sets nothing, as before
        }
        return false;
    }

    @Override
    public TimedOutput output() {
        return output;
    }

    @Override
    public OutputStream input() {
        return input;
    }

    @Override
    public boolean isOpen() {
        return process.isAlive();
    }

    @Override
    public Optional<String> silentReader(boolean shellCounts) {
        return TerminalReaders.among(programs.of(process)::iterator, shellCounts);
    }

    @Override
    public List<TerminalServers.Listening> listening() {
        return TerminalServers.among(programs.startedBy(process)::iterator);
    }

    @Override
    public String endReason() {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                // the program on the terminal ends with the shell and gives its status (prlimit and setpriv exec
                // it, docker exec and script pass it on): the user's word for what ended is the shell
                int status = process.exitValue();
                String signal = status > 128 ? SIGNALS.get(status - 128) : null;
                return "the shell ended with exit status " + status
                        + (signal == null ? "" : " (as when killed by " + signal + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return what + " stopped answering";
    }

    @Override
    public void close() {
        input.close();
        List<ProcessHandle> descendants = process.descendants().toList();
        // An interactive shell ignores SIGTERM, and what runs in a throwaway session has nothing to save.
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        Processes.awaitEnd(descendants, Duration.ofSeconds(2));
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        input.release();
        output.close();
    }

    /** What is typed, sent at once (the pipe's stream buffers), and refused once the terminal is closed. */
    private static final class Keyboard extends OutputStream {
        private final OutputStream pipe;
        private volatile boolean closed;

        Keyboard(OutputStream pipe) {
            this.pipe = pipe;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] from, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("the terminal is closed");
            }
            pipe.write(from, off, len);
            pipe.flush();
        }

        /** Refuses what comes next; the pipe itself is closed once the process is gone ({@link #release()}). */
        @Override
        public void close() {
            closed = true;
        }

        void release() {
            try {
                pipe.close();
            } catch (IOException e) {
                // the process is gone: nothing reads the pipe any longer either way
            }
        }
    }
}
