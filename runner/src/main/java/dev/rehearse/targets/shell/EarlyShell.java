package dev.rehearse.targets.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A login shell started on a thread of its own before the run asks for one, while its target still gets ready (a
 * container's services start): the run's first command then finds it waiting. A shell that could not start early
 * is no error here; the run starts one when it needs it, as it would have, and is told then what is wrong.
 */
public final class EarlyShell {
    private final Starting starting;
    /** set once nobody will take the shell: it is hung up as soon as it is up (or at once, when it is) */
    private volatile boolean abandoned;
    /** the transport the shell starts on, once it is open; else null */
    private volatile Transport opened;

    private EarlyShell(Callable<Transport> transport, ShellSettings settings) {
        this.starting = new Starting(() -> {
            Transport way = transport.call();
            opened = way;
            if (abandoned) {
                way.close(); // abandon() may have looked before it was there: the start below then fails at once
            }
            return ShellSession.start(way, settings);
        });
    }

    /** Starts a shell on the transport {@code transport} opens, on a thread of its own. */
    public static EarlyShell start(Callable<Transport> transport, ShellSettings settings) {
        EarlyShell shell = new EarlyShell(transport, settings);
        Thread thread = new Thread(shell.starting, "rehearse-early-shell");
        thread.setDaemon(true);
        thread.start();
        return shell;
    }

    /** The shell, once it has started; null when it could not start. */
    ShellSession take() throws InterruptedException {
        try {
            return starting.get();
        } catch (ExecutionException couldNotStart) {
            return null;
        }
    }

    /**
     * Nobody will take the shell: a shell still starting is hung up now, its processes ended before this returns,
     * so that what the target does next (a local run's user handed back to the pool or removed) finds none of them
     * still on its way; a shell already up is hung up too.
     */
    public void abandon() {
        abandoned = true;
        Transport way = opened;
        if (way != null) {
            way.close();
        }
        if (starting.isDone()) {
            starting.hangUp();
        }
    }

    private final class Starting extends FutureTask<ShellSession> {
        Starting(Callable<ShellSession> start) {
            super(start);
        }

        @Override
        protected void done() {
            if (abandoned) {
                hangUp();
            }
        }

        /** closing twice is harmless: both done() and abandon() may get here */
        void hangUp() {
            try {
                get().close();
            } catch (ExecutionException | InterruptedException | RuntimeException notStarted) {
                // nothing to hang up
            }
        }
    }
}
