package dev.rehearse.run;

import dev.rehearse.check.StepResult;
import dev.rehearse.model.Faults;
import dev.rehearse.plan.Step;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps a run's {@code results.json} as the run goes: before every step that runs it says how the run ended should
 * its process end then, and at the end how it did end. So Ctrl-C, SIGTERM and a lost process (SIGKILL) all leave a
 * record marked INTERRUPTED at the step it stopped on, and a later {@code --from} run finds that record rather than
 * an older run's. Passes everything on to the listener it wraps.
 * <p>
 * The records made as the run goes are written by a thread of their own, the latest one each time, at most one
 * every {@link #PAUSE}: a record is the whole run so far, written atomically and forced to disk, which costs far
 * more than a quick step (a run of 1,000 steps spent 20 s writing them on the steps' own thread). A process killed
 * during a step that has run for {@link #PAUSE} leaves that step's record; killed sooner, it may leave a record a
 * few steps behind, which covers fewer steps: a {@code --from} run then refuses what it does not cover rather than
 * trusting it. The record at the end is written at once, after the writer has stopped.
 * <p>
 * Then {@code junit.xml} and {@code report.html} are written beside it, each on a thread of its own, while the run
 * closes its target (a container's removal, a sandbox's user): {@link #written()} waits for them.
 */
public final class RunRecord implements RunListener {
    static final Duration PAUSE = Duration.ofMillis(1000);

    private final Function<RunReport, Path> folderOf;
    private final RunListener next;
    private final boolean strict;
    private final Object lock = new Object();
    /** the latest record not written yet */
    private Supplier<RunReport> pending;
    /** the latest record, written or not */
    private Supplier<RunReport> latest;
    private boolean ended;
    /** the writer waits for a record to write (not out its pause): only then does a new record wake it */
    private boolean writerIdle;
    private Thread writer;
    /** what the writer could not write, said on the run's own thread at the next record */
    private UncheckedIOException failure;
    /** the writing of the last run's junit.xml and report.html, once it ended */
    private List<FutureTask<Void>> forReaders;

    /**
     * @param folderOf the report folder of a run
     * @param next     the listener that shows the run (live progress)
     * @param strict   a DRIFT counts as a failure in junit.xml ({@code --strict})
     */
    public RunRecord(Function<RunReport, Path> folderOf, RunListener next, boolean strict) {
        this.folderOf = folderOf;
        this.next = next;
        this.strict = strict;
    }

    @Override
    public void recorded(Supplier<RunReport> soFar) {
        synchronized (lock) {
            throwFailure();
            pending = soFar;
            latest = soFar;
            if (writer == null || ended) {
                // the first record of a run (a listener may serve one run after another)
                ended = false;
                writer = new Thread(this::writeAsTheRunGoes, "rehearse-record");
                writer.setDaemon(true);
                writer.start();
            } else if (writerIdle) {
                // woken during its pause, it would only wait again: a thread switch for every quick step
                lock.notifyAll();
            }
        }
        next.recorded(soFar);
    }

    @Override
    public void ended(RunReport report) {
        synchronized (lock) {
            // the last words of a second Ctrl-C from now on: the record made as the last step began is out of date
            latest = () -> report;
        }
        stopWriter();
        write(report);
        Path folder = folderOf.apply(report);
        List<FutureTask<Void>> writing = List.of(
                new FutureTask<>(() -> {
                    Reports.writeJunit(report, folder, strict);
                    return null;
                }),
                new FutureTask<>(() -> {
                    Reports.writeHtml(report, folder);
                    return null;
                }));
        synchronized (lock) {
            forReaders = writing;
        }
        writing.forEach(task -> new Thread(task, "rehearse-reports").start());
        next.ended(report);
    }

    /**
     * Waits for the junit.xml and report.html of the run that ended last.
     *
     * @throws IOException when either could not be written
     */
    public void written() throws IOException {
        List<FutureTask<Void>> writing;
        synchronized (lock) {
            writing = forReaders;
        }
        if (writing == null) {
            throw new IllegalStateException("internal error: the reports of a run that has not ended");
        }
        // every report is waited for, also after one failed: the process may end on that failure, and a report
        // still being written would leave its temporary file behind
        ExecutionException failed = null;
        for (FutureTask<Void> report : writing) {
            try {
                report.get();
            } catch (ExecutionException e) {
                failed = failed == null ? e : failed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the reports");
            }
        }
        if (failed != null) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw Faults.thrownBy(failed);
        }
    }

    private void writeAsTheRunGoes() {
        while (true) {
            Supplier<RunReport> next;
            synchronized (lock) {
                writerIdle = true;
                while (pending == null && !ended) {
                    waitOn(0);
                }
                writerIdle = false;
                if (ended) {
                    return;
                }
                next = pending;
                pending = null;
            }
            try {
                write(next.get());
            } catch (UncheckedIOException e) {
                synchronized (lock) {
                    failure = e;
                }
                return;
            }
            synchronized (lock) {
                long until = System.nanoTime() + PAUSE.toNanos();
                for (long left = PAUSE.toMillis(); left > 0 && !ended; left = (until - System.nanoTime()) / 1_000_000) {
                    waitOn(left);
                }
            }
        }
    }

    private void waitOn(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = true;
        }
    }

    /**
     * Writes the latest record now, on this thread, once a write under way has ended: the process is about to end at
     * once (a second Ctrl-C), and the writer keeps to its pace of one a second.
     */
    public void writeLatest() {
        Supplier<RunReport> last = stopWriter();
        if (last != null) {
            write(last.get());
        }
    }

    /**
     * Stops the writer, waiting for a write under way to finish first (it must not replace the last word), and
     * gives the latest record it was handed (null when none was).
     */
    private Supplier<RunReport> stopWriter() {
        Supplier<RunReport> last;
        Thread stopping;
        synchronized (lock) {
            ended = true;
            pending = null;
            last = latest;
            stopping = writer;
            lock.notifyAll();
        }
        if (stopping != null) {
            try {
                stopping.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return last;
    }

    private void throwFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    private void write(RunReport report) {
        Path folder = folderOf.apply(report);
        try {
            Reports.writeResults(report, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the run's record in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stepStarted(Step step, int total, String shown) {
        next.stepStarted(step, total, shown);
    }

    @Override
    public void output(Step step, String chunk) {
        next.output(step, chunk);
    }

    @Override
    public void waiting(Step step, String what, Duration timeout) {
        next.waiting(step, what, timeout);
    }

    @Override
    public void stepFinished(StepResult result, int total) {
        next.stepFinished(result, total);
    }
}
