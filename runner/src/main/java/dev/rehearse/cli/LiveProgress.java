package dev.rehearse.cli;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Step;
import dev.rehearse.report.FixedPoint;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.RunListener;
import dev.rehearse.terminal.TerminalText;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What {@code rehearse run} shows while it runs; everything it receives is already free of secrets.
 * <ul>
 *   <li>On a terminal: one status line (spinner, step n/m, section, command, elapsed time, the last line the step
 *       printed) redrawn in place ten times a second, and one line per finished step, each cut to the terminal's
 *       width so that nothing wraps and no redraw leaves a line behind.</li>
 *   <li>Elsewhere (a pipe, a CI log): a line when a step starts, one every {@link #HEARTBEAT} while it runs
 *       ({@code ...    12/30 still running, 40 s}), and its verdict line; no escape sequences.</li>
 *   <li>{@link Detail#VERBOSE} ({@code -v}): as elsewhere, and the step's output, indented, line by line as it
 *       comes. {@link Detail#QUIET} ({@code -q}): nothing; the summary at the end says it all.</li>
 * </ul>
 * Verdicts are coloured on a terminal unless {@code NO_COLOR} is set.
 * <p>
 * What it prints reaches the output at the next tick ({@link #FLUSH} at most), at the run's end, or before anything
 * else is printed there, not line by line: a flush is a system call, and two for every quick step cost a run of
 * echoes more than its checks.
 */
public final class LiveProgress implements RunListener, AutoCloseable {
    /** How often a step that runs on is mentioned off a terminal: often enough to show life, rarely enough to read. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** how long a printed line may wait before it reaches the output */
    static final Duration FLUSH = Duration.ofMillis(100);
    private static final String[] SPINNER = {"|", "/", "-", "\\"};
    private static final int TAIL = 4096;
    /** a step's output streamed by --verbose stops after this many lines: a step may print gigabytes */
    static final int LIVE_LINES = 2000;
    private static final String OUTPUT_INDENT = "      | ";

    /** How much a run prints as it goes. */
    public enum Detail {
        /** nothing while it runs ({@code -q}) */
        QUIET,
        /** the steps as they start, run and end */
        NORMAL,
        /** and each step's output as it comes ({@code -v}) */
        VERBOSE
    }

    private final PrintWriter out;
    private final boolean live;
    private final boolean color;
    private final int width;
    private final Detail detail;
    private final Duration heartbeat;
    private final ScheduledExecutorService ticker;
    private Step running;
    private String shown;
    private int total;
    private long startedAt;
    private long beatAt;
    private final StringBuilder tail = new StringBuilder();
    private final StringBuilder partialLine = new StringBuilder();
    private int linesShown;
    private int frame;

    /**
     * A {@link Detail#NORMAL} progress.
     *
     * @param live  redraw a status line (the output is a terminal)
     * @param color colour the verdicts
     * @param width the terminal's width, which no line exceeds when live
     */
    public LiveProgress(PrintWriter out, boolean live, boolean color, int width) {
        this(out, live, color, width, Detail.NORMAL, HEARTBEAT);
    }

    /**
     * @param detail    how much to print; {@link Detail#VERBOSE} prints plain lines, never a redrawn one
     * @param heartbeat how often a running step is mentioned when not live
     */
    LiveProgress(PrintWriter out, boolean live, boolean color, int width, Detail detail, Duration heartbeat) {
        this.out = out;
        this.live = live && detail == Detail.NORMAL;
        this.color = color;
        this.width = Math.max(20, width);
        this.detail = detail;
        this.heartbeat = heartbeat;
        this.ticker = detail == Detail.QUIET ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rehearse-progress");
            t.setDaemon(true);
            return t;
        });
        if (ticker != null) {
            long period = Math.max(10, Math.min(FLUSH.toMillis(), heartbeat.toMillis() / 10));
            ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * For this process: live on a terminal, coloured there unless {@code NO_COLOR} is set, as wide as the terminal
     * ({@code COLUMNS} when exported, else what the terminal says).
     */
    public static LiveProgress forConsole(PrintWriter out, Detail detail) {
        boolean terminal = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        return new LiveProgress(out, terminal, terminal && (noColor == null || noColor.isEmpty()),
                terminal ? TerminalWidth.of() : TerminalWidth.DEFAULT, detail, HEARTBEAT);
    }

    @Override
    public synchronized void stepStarted(Step step, int total, String shown) {
        this.running = step;
        this.total = total;
        this.shown = firstLine(shown);
        this.startedAt = System.nanoTime();
        this.beatAt = startedAt;
        tail.setLength(0);
        partialLine.setLength(0);
        linesShown = 0;
        if (detail == Detail.QUIET) {
            return;
        }
        if (live) {
            redraw();
        } else {
            line("RUN   " + position(step) + "  " + step.source() + ":" + step.line() + "  " + this.shown);
        }
    }

    @Override
    public synchronized void output(Step step, String chunk) {
        tail.append(chunk);
        if (tail.length() > TAIL) {
            tail.delete(0, tail.length() - TAIL);
        }
        if (detail == Detail.VERBOSE) {
            for (char c : TerminalText.foldLineEnds(chunk).toCharArray()) {
                if (c == '\n') {
                    flushOutputLine();
                } else if (partialLine.length() < TAIL) {
                    partialLine.append(c);
                }
            }
            out.flush();
        }
    }

    /** A line of its own everywhere (a CI log shows why a step takes long), and the status line says it too. */
    @Override
    public synchronized void waiting(Step step, String what, Duration timeout) {
        if (live) {
            out.print("\r\u001b[K");
        }
        line("wait  " + position(step) + "  waiting up to " + seconds(timeout) + " for " + what);
        out.flush();
        shown = "waiting for " + what;
        tail.setLength(0);
        if (live) {
            redraw();
        }
    }

    @Override
    public synchronized void stepFinished(StepResult result, int total) {
        if (detail == Detail.VERBOSE && !partialLine.isEmpty()) {
            flushOutputLine();
        }
        running = null;
        if (detail == Detail.QUIET) {
            return;
        }
        if (live) {
            out.print("\r\u001b[K");
        }
        Step step = result.step();
        this.total = total;
        String verdict = padded(result.verdict().name());
        StringBuilder line = new StringBuilder().append(verdict).append(' ').append(position(step)).append("  ")
                .append(step.source()).append(':').append(step.line());
        if (result.verdict() != Verdict.SKIP) {
            line.append("  ").append(seconds(result.elapsed()));
        }
        if (result.reason() != null) {
            line.append("  ").append(result.reason());
        }
        String text = live ? cut(line.toString()) : line.toString();
        line(paint(result.verdict(), verdict) + text.substring(verdict.length()));
    }

    /** Everything printed so far reaches the output: the run has ended, or something else is about to print. */
    @Override
    public synchronized void ended(RunReport report) {
        out.flush();
    }

    private synchronized void tick() {
        if (running != null) {
            if (live) {
                redraw();
            } else if (System.nanoTime() - beatAt >= heartbeat.toNanos()) {
                beatAt = System.nanoTime();
                line("...   " + position(running) + " still running, "
                        + wholeSeconds(Duration.ofNanos(beatAt - startedAt)));
            }
        }
        out.flush();
    }

    private void redraw() {
        if (running == null) {
            return;
        }
        // what changes first (the time), then what runs, where in the guide, and what it last said: a narrow
        // terminal cuts from the end
        String last = TerminalText.lastNonBlankLine(tail.toString());
        List<String> section = running.section();
        String status = SPINNER[frame++ % SPINNER.length] + " " + running.n() + "/" + total + "  "
                + seconds(Duration.ofNanos(System.nanoTime() - startedAt)) + "  " + shown
                + (section.isEmpty() ? "" : "  (" + section.get(section.size() - 1) + ")")
                + (last.isEmpty() ? "" : "  | " + last);
        out.print("\r\u001b[K" + cut(status));
    }

    private void flushOutputLine() {
        if (linesShown < LIVE_LINES) {
            line(OUTPUT_INDENT + TerminalText.lastLine(partialLine.toString()));
        } else if (linesShown == LIVE_LINES) {
            line(OUTPUT_INDENT + "[... the rest of this step's output is not shown live ...]");
        }
        if (linesShown <= LIVE_LINES) {
            linesShown++;
        }
        partialLine.setLength(0);
    }

    /** A line, flushed with the next tick: {@code println} would flush at once on an auto-flushing writer. */
    private void line(String text) {
        out.write(text);
        out.write(System.lineSeparator());
    }

    /**
     * The text as one line that fits the terminal: control characters and escape sequences out (a tab would
     * move the cursor by up to eight columns), then cut one column short of the width, where some terminals wrap.
     */
    private String cut(String text) {
        String plain = TerminalText.lastLine(text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
        int room = width - 1;
        if (plain.codePointCount(0, plain.length()) <= room) {
            return plain;
        }
        return plain.substring(0, plain.offsetByCodePoints(0, room - 1)) + "~";
    }

    /** {@code  7/30}: the step's number right-aligned to the total's width */
    private String position(Step step) {
        return position(step.n(), total);
    }

    /** {@code  7/30}: {@code n} right-aligned to the width of {@code total} */
    static String position(int n, int total) {
        String shown = Integer.toString(n);
        String of = Integer.toString(total);
        return " ".repeat(Math.max(0, of.length() - shown.length())) + shown + "/" + of;
    }

    /** a verdict's name padded to five columns (PASS, DRIFT ...), so that the columns after it line up */
    static String padded(String verdict) {
        return verdict.length() >= 5 ? verdict : verdict + " ".repeat(5 - verdict.length());
    }

    private String paint(Verdict verdict, String text) {
        if (!color) {
            return text;
        }
        String code = switch (verdict) {
            case PASS -> "32";
            case DRIFT -> "33";
            case FAIL -> "1;31";
            case ERROR -> "1;35";
            case SKIP -> "2";
            case INTERRUPTED -> "1;35";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }

    /** {@code 1.2 s}: tenths, rounded half up (String.format's parsing costs more than a quick step) */
    static String seconds(Duration d) {
        return FixedPoint.of(FixedPoint.rounded(d.toMillis(), 100), 1) + " s";
    }

    private static String wholeSeconds(Duration d) {
        return d.toSeconds() + " s";
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        synchronized (this) {
            out.flush();
        }
    }
}
