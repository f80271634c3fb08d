package dev.rehearse.run;

import dev.rehearse.guide.BadInput;
import dev.rehearse.report.RunReport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One run of many (a matrix's value, a folder's runbook) with its reports in a folder of its own, its record kept as
 * it goes ({@link RunRecord}); a run whose target does not open fails on its own, not the runs beside it.
 *
 * @param report what the run found; a run that could not start has no results
 * @param error  why it could not start (its target did not open, say), or null
 */
public record ReportedRun(RunReport report, String error) {
    /** ends the error of a run a stop kept from starting */
    private static final String KEPT_FROM_STARTING = " before it started";

    /** Whether a run with this error (or none) was kept from starting by a stop that came before its turn. */
    public static boolean keptFromStarting(String error) {
        return error != null && error.startsWith("stopped by ") && error.endsWith(KEPT_FROM_STARTING);
    }

    /**
     * @param starting the listener to the run's steps, asked for as the run starts: a run a stop keeps from starting
     *                 has none, and is not said to start
     * @param strict   a DRIFT fails the run's junit.xml too
     * @param stop     stops the run (and, asked before, keeps it from starting)
     * @throws BadInput when the runbook, a binding or the target spec is wrong
     */
    public static ReportedRun of(Rehearsal rehearsal, Path runbook, Path dir, Supplier<RunListener> starting,
                                 boolean strict, Interruption stop) throws IOException {
        long started = System.nanoTime();
        if (stop.requested()) {
            // stopped before its turn: nothing of it ran, no target was opened
            return new ReportedRun(new RunReport(runbook.getFileName().toString(), null, "did not start", List.of(),
                    Duration.ZERO), "stopped by " + stop.cause() + KEPT_FROM_STARTING);
        }
        RunReport report;
        RunRecord record = new RunRecord(any -> dir, starting.get(), strict);
        try {
            // the run's own folder: a step's whole output (output/step-N.log) goes beside its reports
            report = rehearsal.withReportDir(dir).run(runbook, record, note -> { }, stop);
        } catch (BadInput e) {
            throw e;
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ReportedRun(new RunReport(runbook.getFileName().toString(), null, "did not start", List.of(),
                    Duration.ofNanos(System.nanoTime() - started)), why);
        }
        record.written();
        return new ReportedRun(report, null);
    }
}
