package dev.rehearse.cli;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Step;
import dev.rehearse.run.RunListener;
import dev.rehearse.terminal.TerminalText;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What {@code rehearse run} shows while it runs. On a terminal: one status line redrawn ten times a second
 * (spinner, step n/m, section, command, elapsed time, the last line the step printed), and one line per finished
 * step. Elsewhere (a pipe, a CI log): the finished steps' lines only. Colours unless {@code NO_COLOR} is set.
 * Everything it receives is already free of secrets.
 */
public final class LiveProgress implements RunListener, AutoCloseable {
    private static final String[] SPINNER = {"|", "/", "-", "\\"};
    private static final int TAIL = 4096;

    private final PrintWriter out;
    private final boolean live;
    private final boolean color;
    private final int width;
    private final ScheduledExecutorService ticker;
    private Step running;
    private String shown;
    private int total;
    private long startedAt;
    private final StringBuilder tail = new StringBuilder();
    private int frame;

    /**
     * @param live  redraw a status line (the output is a terminal)
     * @param color colour the verdicts
     * @param width the terminal's width, for the status line
     */
    public LiveProgress(PrintWriter out, boolean live, boolean color, int width) {
        this.out = out;
        this.live = live;
        this.color = color;
        this.width = Math.max(40, width);
        this.ticker = live ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rehearse-progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (ticker != null) {
            ticker.scheduleAtFixedRate(this::redraw, 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    /** For this process: live on a terminal, colours unless NO_COLOR, width from COLUMNS. */
    public static LiveProgress forConsole(PrintWriter out) {
        boolean terminal = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        int width = 100;
        try {
            width = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100"));
        } catch (NumberFormatException e) {
            // keep the default
        }
        return new LiveProgress(out, terminal, terminal && (noColor == null || noColor.isEmpty()), width);
    }

    @Override
    public synchronized void stepStarted(Step step, int total, String shown) {
        this.running = step;
        this.total = total;
        this.shown = firstLine(shown);
        this.startedAt = System.nanoTime();
        tail.setLength(0);
        redraw();
    }

    @Override
    public synchronized void output(Step step, String chunk) {
        tail.append(chunk);
        if (tail.length() > TAIL) {
            tail.delete(0, tail.length() - TAIL);
        }
    }

    @Override
    public synchronized void stepFinished(StepResult result, int total) {
        running = null;
        if (live) {
            out.print("\r\u001b[K");
        }
        Step step = result.step();
        StringBuilder line = new StringBuilder()
                .append(paint(result.verdict(), String.format("%-5s", result.verdict())))
                .append(String.format(" %" + digits(total) + "d/%d  ", step.n(), total))
                .append(step.source()).append(':').append(step.line());
        if (result.verdict() != Verdict.SKIP) {
            line.append("  ").append(seconds(result.elapsed()));
        }
        if (result.reason() != null) {
            line.append("  ").append(result.reason());
        }
        out.println(line);
        out.flush();
    }

    private synchronized void redraw() {
        if (!live || running == null) {
            return;
        }
        String last = lastLine();
        String section = running.section().isEmpty() ? "" : String.join(" > ", running.section()) + "  ";
        String status = SPINNER[frame++ % SPINNER.length] + " " + running.n() + "/" + total + "  " + section + shown
                + "  " + seconds(Duration.ofNanos(System.nanoTime() - startedAt)) + (last.isEmpty() ? "" : "  | " + last);
        out.print("\r\u001b[K" + (status.length() > width - 1 ? status.substring(0, width - 1) : status));
        out.flush();
    }

    private String lastLine() {
        return TerminalText.lastNonBlankLine(tail.toString());
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
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }

    private static int digits(int n) {
        return String.valueOf(n).length();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
