package dev.rehearse.targets.container;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a container's first process prints, followed from its start: whether it printed its ready line, whether it
 * ended, and its last lines, which say why when the container does not get ready. Read from the engine only after
 * a failure, they would be gone with a container that ended, as the engine removes it (auto-remove). Bounded: a
 * first process may print without end.
 */
final class FirstProcessOutput {
    private static final int LINES = 5;
    private static final int LINE_CHARS = 300;
    /** how long the output of a first process that ended may take to end too, its last lines first */
    private static final Duration LAST_LINES = Duration.ofSeconds(2);

    /** How a wait for the ready line ended. */
    enum Outcome { READY, ENDED, TIMED_OUT }

    /** what the ready line holds; null when none is awaited */
    private final String readyText;
    private final Deque<String> last = new ArrayDeque<>();
    private boolean ready;
    /** the output ended */
    private boolean ended;
    /** the first process was seen to end while the container got ready (its output may still be arriving) */
    private boolean processEnded;

    FirstProcessOutput(String readyText) {
        this.readyText = readyText;
    }

    /** The output ended: the first process is gone, or the output is no longer followed. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** A line it printed, without its line ending. */
    synchronized void line(String line) {
        if (readyText != null && line.contains(readyText)) {
            ready = true;
            notifyAll();
        }
        if (line.isBlank()) {
            return;
        }
        if (last.size() == LINES) {
            last.removeFirst();
        }
        last.addLast(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + "..." : line);
    }

    /** Waits, {@code limit} at most, for the ready line, or for the output's end (the first process is gone). */
    synchronized Outcome awaitReady(Duration limit) throws InterruptedException {
        waitFor(limit, true);
        if (ready) {
            return Outcome.READY;
        }
        processEnded |= ended;
        return ended ? Outcome.ENDED : Outcome.TIMED_OUT;
    }

    private void waitFor(Duration limit, boolean orReady) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (long left = limit.toMillis(); !ended && !(orReady && ready) && left > 0;
             left = (deadline - System.nanoTime()) / 1_000_000) {
            wait(left);
        }
    }

    /** The first process was seen to end: gone, or no longer running. */
    synchronized void sawProcessEnd() {
        processEnded = true;
    }

    /**
     * Whether the first process was seen to end. When it was, its output's end is waited for a moment, so that
     * {@link #shown()} holds its last lines.
     */
    synchronized boolean processEnded() {
        if (processEnded) {
            try {
                waitFor(LAST_LINES, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return processEnded;
    }

    /** {@code ; it printed: A | B}, or nothing when it printed nothing */
    synchronized String shown() {
        return last.isEmpty() ? "" : "; it printed: " + String.join(" | ", last);
    }
}
