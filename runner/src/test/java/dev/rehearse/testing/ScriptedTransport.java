package dev.rehearse.testing;

import dev.rehearse.targets.shell.ThreadedOutput;
import dev.rehearse.targets.shell.TimedOutput;
import dev.rehearse.targets.shell.Transport;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for a shell on a terminal, for fast tests of {@code ShellSession} and what runs over it: it speaks
 * the session protocol (answers the setup line and the ready marker with sentinels, as bash's PROMPT_COMMAND
 * would) and plays a {@link Script} for each command typed. How the output reaches the reader is up to the test:
 * in one piece, cut at chosen byte offsets (so a sentinel or a UTF-8 character can be split between two reads),
 * with a pause before each piece, or the connection dropped.
 * <p>
 * Like a PTY it never reports bytes {@code available()}: every piece is one read.
 */
public final class ScriptedTransport implements Transport {
    private static final Pattern SENTINEL_FORMAT = Pattern.compile("\\\\036(rehearse:[0-9a-f]+:)");
    private static final Pattern READY = Pattern.compile("^printf '%s-%s\\\\n' ready ([0-9a-f]+)$");
    private static final byte CTRL_C = 3;
    private static final byte CTRL_D = 4;
    private static final Piece END = new Piece(new byte[0], Duration.ZERO);

    private final Function<String, Script> scripts;
    private final BlockingQueue<Integer> keys = new LinkedBlockingQueue<>();
    private final BlockingQueue<Piece> screen = new LinkedBlockingQueue<>();
    private final List<String> typedLines = new CopyOnWriteArrayList<>();
    private final Thread shell;
    private final TimedOutput output;
    private volatile Chunking chunking = Chunking.WHOLE;
    private volatile Duration pause = Duration.ZERO;
    private volatile boolean open = true;
    private volatile String endReason = "the scripted shell is still running";
    private String sentinelStart;
    private String cwd;
    /** the program a look at the terminal's processes finds waiting in a read of it; null: none */
    private volatile String reader;
    /** the reader is the terminal's login shell, which counts only where the session says it does */
    private volatile boolean readerIsTheShell;
    private final Semaphore looks = new Semaphore(0);

    /**
     * @param home   the working directory the sentinels report until a script changes it
     * @param scripts what each typed command (as typed, without its newline) does; null: "command not found"
     */
    public ScriptedTransport(String home, Function<String, Script> scripts) {
        this.cwd = home;
        this.scripts = scripts;
        this.shell = new Thread(this::play, "scripted-shell");
        shell.setDaemon(true);
        shell.start();
        this.output = ThreadedOutput.of(screenStream(), "scripted-screen-reader");
    }

    /** A shell whose commands are the keys of {@code scripts}. */
    public static ScriptedTransport of(String home, Map<String, Script> scripts) {
        Map<String, Script> copy = new HashMap<>(scripts);
        return new ScriptedTransport(home, copy::get);
    }

    /** How each burst of output (what a command prints up to the point where it waits) is cut into reads. */
    public ScriptedTransport chunking(Chunking cut) {
        this.chunking = cut;
        return this;
    }

    /** A pause before every read the reader gets: a slow connection or a slow program. */
    public ScriptedTransport pause(Duration beforeEachPiece) {
        this.pause = beforeEachPiece;
        return this;
    }

    /** Every line typed (commands and answers), in order; control keys as {@code ^C} and {@code ^D}. */
    public List<String> typed() {
        return List.copyOf(typedLines);
    }

    /** The sentinel that ends a command with {@code status} in {@code cwd}, as the session's PROMPT_COMMAND prints it. */
    public String sentinel(int status) {
        return "\u001e" + sentinelStart + status + ":" + cwd + "\u001f";
    }

    private void play() {
        try {
            while (open) {
                String line = readLine();
                if (line == null) {
                    continue; // Ctrl-C or Ctrl-D at the prompt
                }
                Matcher setup = SENTINEL_FORMAT.matcher(line);
                Matcher ready = READY.matcher(line);
                if (line.startsWith("stty -echo") && setup.find()) {
                    sentinelStart = setup.group(1);
                    show(sentinel(0));
                } else if (ready.matches()) {
                    show("ready-" + ready.group(1) + "\n" + sentinel(0));
                } else {
                    Script script = scripts.apply(line);
                    if (script == null) {
                        script = Script.prints("bash: " + line.split(" ")[0] + ": command not found\n").exit(127);
                    }
                    script.playOn(this);
                }
            }
        } catch (InterruptedException | Dropped e) {
            // closed, or the script dropped the connection
        }
    }

    /** Reads a typed line (up to LF or CR); null when Ctrl-C or Ctrl-D came first (then the prompt is printed again). */
    private String readLine() throws InterruptedException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int key = keys.take();
            if (key == CTRL_C || key == CTRL_D) {
                typedLines.add(key == CTRL_C ? "^C" : "^D");
                if (key == CTRL_C) {
                    show(sentinel(130));
                }
                return null;
            }
            if (key == '\n' || key == '\r') {
                typedLines.add(line.toString());
                reader = null;
                readerIsTheShell = false;
                return line.toString();
            }
            line.append((char) key);
        }
    }

    private void show(String text) {
        if (text.isEmpty()) {
            return; // a read of zero bytes is not something a terminal gives
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (byte[] piece : chunking.cut(bytes)) {
            screen.add(new Piece(piece, pause));
        }
    }

    private void drop(String why) {
        endReason = why;
        open = false;
        screen.add(END);
        throw new Dropped();
    }

    @Override
    public TimedOutput output() {
        return output;
    }

    /** What the scripts show, one piece a read, as the pieces are cut and paced. */
    private InputStream screenStream() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (at == current.length) {
                    Piece next;
                    try {
                        next = screen.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                    if (next == END) {
                        screen.add(END);
                        return -1;
                    }
                    sleep(next.pause());
                    current = next.bytes();
                    at = 0;
                }
                int n = Math.min(length, current.length - at);
                System.arraycopy(current, at, buffer, offset, n);
                at += n;
                return n;
            }

            @Override
            public int available() {
                return 0;
            }
        };
    }

    @Override
    public OutputStream input() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                if (open) {
                    keys.add(b & 0xff);
                }
            }
        };
    }

    /** What a look at the terminal's processes finds, as a script set it: the shell's programs run here. */
    @Override
    public Optional<String> silentReader(boolean shellCounts) {
        String found = readerIsTheShell && !shellCounts ? null : reader;
        looks.release();
        return Optional.ofNullable(found);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String endReason() {
        return endReason;
    }

    @Override
    public void close() {
        if (open) {
            endReason = "the session closed the transport";
            open = false;
            screen.add(END);
        }
        shell.interrupt();
    }

    private static void sleep(Duration pause) {
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Piece(byte[] bytes, Duration pause) {
    }

    private static final class Dropped extends RuntimeException {
        Dropped() {
            super(null, null, false, false);
        }
    }

    /** How a burst of output is cut into the reads the session gets. */
    @FunctionalInterface
    public interface Chunking {
        Chunking WHOLE = bytes -> List.of(bytes);

        List<byte[]> cut(byte[] burst);

        /** Every byte its own read. */
        static Chunking everyByte() {
            return bytes -> {
                List<byte[]> pieces = new ArrayList<>();
                for (byte b : bytes) {
                    pieces.add(new byte[]{b});
                }
                return pieces;
            };
        }

        /** Two reads, cut after {@code n} bytes of every burst (one read when the burst is shorter). */
        static Chunking cutAfter(int n) {
            return bytes -> n <= 0 || n >= bytes.length ? List.of(bytes)
                    : List.of(Arrays.copyOfRange(bytes, 0, n), Arrays.copyOfRange(bytes, n, bytes.length));
        }
    }

    /** What one command does, step by step: print, wait for a typed line, hang, end with a status, drop the line. */
    public static final class Script {
        private final List<Action> actions = new ArrayList<>();

        public Script() {
        }

        private interface Action {
            /** false when the command is over (interrupted or ended) */
            boolean play(ScriptedTransport shell, StringBuilder burst) throws InterruptedException;
        }

        public static Script prints(String output) {
            return new Script().print(output);
        }

        public static Script exits(int status) {
            return new Script().exit(status);
        }

        public Script print(String output) {
            actions.add((shell, burst) -> {
                burst.append(output);
                return true;
            });
            return this;
        }

        /**
         * Shows what was printed so far and waits for a line (a terminal in canonical mode): Ctrl-D ends the
         * wait as end of input, Ctrl-C interrupts the command (status 130).
         */
        public Script awaitLine() {
            actions.add((shell, burst) -> {
                shell.show(burst.toString());
                burst.setLength(0);
                StringBuilder line = new StringBuilder();
                while (true) {
                    int key = shell.keys.take();
                    if (key == CTRL_C) {
                        shell.typedLines.add("^C");
                        shell.show("^C\n" + shell.sentinel(130));
                        return false;
                    }
                    if (key == CTRL_D || key == '\r' || key == '\n') {
                        shell.typedLines.add(key == CTRL_D ? "^D" : line.toString());
                        return true;
                    }
                    line.append((char) key);
                }
            });
            return this;
        }

        /** Shows what was printed so far and runs until interrupted (Ctrl-C, status 130). */
        public Script hang() {
            actions.add((shell, burst) -> {
                shell.show(burst.toString());
                burst.setLength(0);
                while (shell.keys.take() != CTRL_C) {
                    // a program that reads nothing
                }
                shell.typedLines.add("^C");
                shell.show("^C\n" + shell.sentinel(130));
                return false;
            });
            return this;
        }

        /**
         * Takes {@code transit} to reach the shell: meanwhile a look at the terminal's processes finds the login
         * shell waiting in a read of it, the command still on its way (typed into {@code script}, or through the
         * Docker engine, on a busy machine).
         */
        public Script onItsWayFor(Duration transit) {
            actions.add((shell, burst) -> {
                shell.readerIsTheShell = true;
                shell.reader = "bash";
                Thread.sleep(transit.toMillis());
                shell.reader = null;
                shell.readerIsTheShell = false;
                return true;
            });
            return this;
        }

        /** As {@link #readsSilentlyAs}, by the login shell itself (its builtin {@code read}). */
        public Script readsSilentlyAsTheShell() {
            actions.add((shell, burst) -> {
                shell.readerIsTheShell = true;
                shell.reader = "bash";
                return true;
            });
            return awaitLine();
        }

        /**
         * Shows what was printed so far and waits for a line, as {@link #awaitLine} does, as {@code program}: a
         * look at the terminal's processes finds it waiting in a read of the terminal ({@code cat > notes.txt}).
         */
        public Script readsSilentlyAs(String program) {
            actions.add((shell, burst) -> {
                shell.reader = program;
                return true;
            });
            return awaitLine();
        }

        /**
         * Runs silently until the session looks at the terminal's processes, then ends with status 0 just as the
         * look is made: the look finds {@code shell}, back at its prompt, reading the terminal, while the sentinel it
         * printed on the way takes {@code transit} to arrive (a remote host, whose look comes on a channel of its
         * own).
         */
        public Script endsAsLookedAt(String shellName, Duration transit) {
            actions.add((shell, burst) -> {
                shell.show(burst.toString());
                burst.setLength(0);
                shell.looks.drainPermits();
                shell.reader = shellName;
                shell.looks.acquire();
                shell.screen.add(new Piece(shell.sentinel(0).getBytes(StandardCharsets.UTF_8), transit));
                return false;
            });
            return this;
        }

        /** Changes the working directory the next sentinels report (a {@code cd}). */
        public Script cd(String dir) {
            actions.add((shell, burst) -> {
                shell.cwd = dir;
                return true;
            });
            return this;
        }

        /** Ends the command with {@code status}: what was printed, then the sentinel, as one burst. */
        public Script exit(int status) {
            actions.add((shell, burst) -> {
                shell.show(burst.append(shell.sentinel(status)).toString());
                return false;
            });
            return this;
        }

        /** Shows what was printed so far and drops the connection (the output ends, {@code why} is the end reason). */
        public Script drop(String why) {
            actions.add((shell, burst) -> {
                shell.show(burst.toString());
                shell.drop(why);
                return false;
            });
            return this;
        }

        void playOn(ScriptedTransport shell) throws InterruptedException {
            StringBuilder burst = new StringBuilder();
            for (Action action : actions) {
                if (!action.play(shell, burst)) {
                    return;
                }
            }
            shell.show(burst.append(shell.sentinel(0)).toString());
        }
    }
}
