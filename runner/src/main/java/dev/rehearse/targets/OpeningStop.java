package dev.rehearse.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stop of the run (Ctrl-C, SIGTERM) that comes, from another thread, while its target opens: what the opening
 * waits on is cut short, so that the stop takes effect at once. An ssh host that takes the connection and never
 * answers kept a stopped run waiting for the connection's timeout (15 s), and one that keeps sending lines before its
 * version (as an ssh tarpit does) for ever. Once the target is open the run's own interruption takes over, and a stop
 * cuts nothing here: the connection a step's shell runs on must stay, for the stop to type Ctrl-C into that shell.
 */
public final class OpeningStop {
    private final List<Runnable> cuts = new ArrayList<>();
    private boolean requested;
    private boolean opened;

    /** Asks the opening to stop: every cut registered runs now, and one registered later runs at once. */
    public void request() {
        List<Runnable> now;
        synchronized (this) {
            if (requested || opened) {
                return;
            }
            requested = true;
            now = List.copyOf(cuts);
        }
        now.forEach(Runnable::run);
    }

    /** The target is open (or failed to open): a request from now on cuts nothing. */
    public synchronized void opened() {
        opened = true;
        cuts.clear();
    }

    /**
     * Runs {@code cut} when a stop is asked for while the target opens (at once, when one was asked for already).
     *
     * @param cut ends what the opening waits on (closes a socket), from the stopping thread: quick, and never throws
     */
    public void onRequest(Runnable cut) {
        synchronized (this) {
            if (opened) {
                return;
            }
            if (!requested) {
                cuts.add(cut);
                return;
            }
        }
        cut.run();
    }

    /**
     * The error of an opening that a stop cut short, which says so rather than how the cut showed (a closed socket).
     */
    public static final class Stopped extends UncheckedIOException {
        /**
         * @param target what was being opened, as the target describes itself ({@code ssh://me@host:22})
         * @param cut    what the cut made the opening throw
         */
        public Stopped(String target, Exception cut) {
            super(target + ": stopped while it was being opened", cut instanceof IOException io ? io
                    : new IOException(cut));
        }
    }
}
