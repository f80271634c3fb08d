package dev.rehearse.cli;

import dev.rehearse.check.Verdict;
import dev.rehearse.files.AtomicFiles;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Interruption;
import dev.rehearse.run.ReportedRun;
import dev.rehearse.run.RunRecord;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP while {@code rehearse run} runs. The first asks the run to stop
 * ({@link Interruption}): the running step is interrupted, the rest skipped, the reports written and the target
 * removed, and the process exits 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM). A second one ends
 * the process at once, once the run's latest record ({@code results.json}) is written (within a few seconds): it says
 * where it stopped, and the next run removes the container or user it left. Before a command takes the signals
 * over, one ends the process with a line saying so ({@link #untilACommandTakesOver}). Without these handlers the JVM
 * would run its shutdown hooks
 * while the run's thread goes on, which reported the interrupted step as a lost shell and wrote no report.
 * <p>
 * At a terminal Ctrl-C reaches the whole foreground process group: this JVM and the launcher script (which waits
 * for the JVM and exits with its status). The steps' shells run on terminals of their own and never see it; the
 * run types Ctrl-C into them itself.
 */
final class StopSignals implements AutoCloseable {
    private static final Map<String, Integer> NUMBERS = Map.of("INT", 2, "TERM", 15, "HUP", 1);

    private final Interruption stop;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<Signal, SignalHandler> before = new LinkedHashMap<>();
    private volatile String first;
    private volatile long firstAt;
    /** how close two signals of one name come when one event delivers it twice; a person's second press is later */
    private static final Duration ONE_EVENT = Duration.ofMillis(250);
    /** what is written before the process ends at once: the run's latest record */
    private volatile Runnable lastWords = () -> { };

    private StopSignals(Interruption stop, PrintWriter out, PrintWriter err) {
        this.stop = stop;
        this.out = out;
        this.err = err;
    }

    /**
     * Handles the three signals until {@link #close()}, which puts back what handled them before.
     *
     * @param out the run's progress, flushed before a word on {@code err} so that the two read in order
     */
    static StopSignals install(Interruption stop, PrintWriter out, PrintWriter err) {
        StopSignals signals = new StopSignals(stop, out, err);
        for (String name : NUMBERS.keySet()) {
            Signal signal = new Signal(name);
            signals.before.put(signal, Signal.handle(signal, signals::handle));
        }
        return signals;
    }

    /** one at a time: each signal is handled on a thread of its own, and one delivered twice comes at once */
    private synchronized void handle(Signal signal) {
        String name = signal.getName();
        if (stop.request(words(name))) {
            first = name;
            firstAt = System.nanoTime();
            // not before a halt: a stalled reader of the output must not keep the second signal from ending it
            out.flush();
            err.println("\nrehearse: " + words(name) + ": stopping the run (again to stop at once)");
            err.flush();
            return;
        }
        if (name.equals(first) && System.nanoTime() - firstAt < ONE_EVENT.toNanos()) {
            // one signal delivered twice: GNU timeout sends it to its child, then to the child's group; a closed
            // terminal hangs up the whole group
            return;
        }
        err.println("\nrehearse: " + words(name) + " again: stopped at once; the next run removes what this one "
                + "made, and its results.json says where it stopped");
        err.flush();
        int status = exitStatus(first != null ? first : name);
        // the record is written first, but a write that hangs (a full disk, a stalled file system) ends too: then the
        // temporary files of the writes under way stay, for the next writes of those files to remove
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(LAST_WORDS.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(status);
        }, "rehearse-stop-at-once");
        deadline.setDaemon(true);
        deadline.start();
        try {
            lastWords.run();
        } catch (RuntimeException | Error notWritten) {
            err.println("rehearse: the run's record could not be written: " + notWritten.getMessage());
            err.flush();
        }
        // a report being written (junit.xml, report.html once the run ended) would leave its temporary file
        AtomicFiles.endWrites();
        Runtime.getRuntime().halt(status);
    }

    /** How long a second signal waits for the run's record to be written before the process ends anyway. */
    private static final Duration LAST_WORDS = Duration.ofSeconds(3);

    /** Writes {@code record}'s latest state when a second signal ends the process at once. */
    void recordedBy(RunRecord record) {
        lastWords = record::writeLatest;
    }

    /**
     * Until a command handles the signals itself, one ends the process with a line that says so (128 + its number),
     * not in silence; the JVM runs its shutdown hooks on the way out as it would have.
     */
    static void untilACommandTakesOver(PrintWriter err) {
        for (String name : NUMBERS.keySet()) {
            Signal.handle(new Signal(name), signal -> {
                err.println("\nrehearse: " + words(signal.getName()) + ": stopped");
                err.flush();
                System.exit(exitStatus(signal.getName()));
            });
        }
    }

    /**
     * Says that the run was stopped before any step ran, while its target still opened (an ssh host that does not
     * answer, whose connection the stop closed), and why the opening ended: its status.
     *
     * @throws RuntimeException {@code notStarted} itself, when no stop came: then it is what ended the run
     */
    int stoppedBeforeAnyStep(RuntimeException notStarted) {
        if (!stop.requested()) {
            throw notStarted;
        }
        out.println("rehearse: stopped by " + stop.cause() + " before any step ran (" + notStarted.getMessage() + ")");
        out.flush();
        return exitStatus();
    }

    /**
     * Says that a command's runs were stopped: how many were interrupted (those under way) and how many a stop kept
     * from starting; its status.
     *
     * @param reports each run's report, in the order of {@code errors}
     * @param errors  each run's reason for not starting, or null
     */
    int runsStopped(List<RunReport> reports, List<String> errors) {
        long interrupted = reports.stream()
                .filter(report -> report.results().stream().anyMatch(r -> r.verdict() == Verdict.INTERRUPTED)).count();
        long keptFromStarting = errors.stream().filter(ReportedRun::keptFromStarting).count();
        List<String> what = new ArrayList<>();
        if (interrupted > 0) {
            what.add(interrupted + (interrupted == 1 ? " run" : " runs") + " interrupted");
        }
        if (keptFromStarting > 0) {
            what.add(keptFromStarting + " not started");
        }
        out.println("rehearse: stopped by " + stop.cause() + ": "
                + (what.isEmpty() ? "no run was under way" : String.join(", ", what)));
        out.flush();
        return exitStatus();
    }

    /** The exit status of a run stopped by a signal, 128 + its number; 0 when none came. */
    int exitStatus() {
        return first == null ? 0 : exitStatus(first);
    }

    private static int exitStatus(String name) {
        return 128 + NUMBERS.get(name);
    }

    private static String words(String name) {
        return name.equals("INT") ? "Ctrl-C (SIGINT)" : "SIG" + name;
    }

    @Override
    public void close() {
        before.forEach(Signal::handle);
    }
}
