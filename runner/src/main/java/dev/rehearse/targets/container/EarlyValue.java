package dev.rehearse.targets.container;

import dev.rehearse.model.Faults;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A value that takes long to make, made once: on a thread of its own when asked for early ({@link #startEarly()}),
 * so that it is made while the guide is read, else by the first caller that needs it. A failure is thrown to every
 * caller waiting for that attempt, on the caller's own thread, and the next call tries again (another run in a
 * long-lived process).
 */
final class EarlyValue<T> {
    private final String name;
    private final Callable<T> make;
    /** the attempt under way or done; null before the first and after a failed one. Guarded by this. */
    private FutureTask<T> attempt;

    /** @param name what it is, for the thread's name and an interrupted wait's message */
    EarlyValue(String name, Callable<T> make) {
        this.name = name;
        this.make = make;
    }

    /** Starts making it on a daemon thread, unless it is made or being made. */
    void startEarly() {
        FutureTask<T> task;
        synchronized (this) {
            if (attempt != null) {
                return;
            }
            task = new FutureTask<>(make);
            attempt = task;
        }
        Thread thread = new Thread(task, "rehearse-" + name.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
    }

    /** The value, made here unless another thread is making it or has made it. */
    T get() {
        FutureTask<T> task;
        synchronized (this) {
            if (attempt == null) {
                attempt = new FutureTask<>(make);
            }
            task = attempt;
        }
        task.run();
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (this) {
                if (attempt == task) {
                    attempt = null;
                }
            }
            throw Faults.thrownBy(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + name);
        }
    }
}
