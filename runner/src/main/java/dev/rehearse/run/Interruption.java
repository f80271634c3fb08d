package dev.rehearse.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A request to stop a run before its end (Ctrl-C, SIGTERM), made from another thread. The run stops its running
 * step (which gets the verdict INTERRUPTED), skips the rest, and ends as usual: reports written, target closed.
 */
public final class Interruption {
    private final List<Runnable> whenRequested = new CopyOnWriteArrayList<>();
    private volatile String cause;

    /**
     * Asks the run to stop. Only the first request counts.
     *
     * @param by what stopped it, in words: {@code Ctrl-C (SIGINT)}, {@code SIGTERM}
     * @return false when a stop was asked for already
     */
    public boolean request(String by) {
        synchronized (this) {
            if (cause != null) {
                return false;
            }
            cause = by;
        }
        whenRequested.forEach(Runnable::run);
        return true;
    }

    public boolean requested() {
        return cause != null;
    }

    /** what stopped the run, or null */
    public String cause() {
        return cause;
    }

    /** Runs {@code action} when a stop is asked for (now, when it was asked for already). */
    void whenRequested(Runnable action) {
        whenRequested.add(action);
        if (requested()) {
            action.run();
        }
    }
}
