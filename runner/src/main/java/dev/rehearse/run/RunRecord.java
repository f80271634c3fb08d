package dev.rehearse.run;

import dev.rehearse.check.StepResult;
import dev.rehearse.plan.Step;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Keeps a run's {@code results.json} as the run goes: written (atomically) before every step that runs and at the
 * end, each time saying how the run ended should its process end now. So Ctrl-C, SIGTERM and a lost process
 * (SIGKILL) all leave a record marked INTERRUPTED at the step it stopped on, and a later {@code --from} run finds
 * that record rather than an older run's. Passes everything on to the listener it wraps.
 */
public final class RunRecord implements RunListener {
    private final Function<String, Path> folderOf;
    private final RunListener next;

    /**
     * @param folderOf the report folder of a runbook, by its name
     * @param next     the listener that shows the run (live progress)
     */
    public RunRecord(Function<String, Path> folderOf, RunListener next) {
        this.folderOf = folderOf;
        this.next = next;
    }

    @Override
    public void recorded(RunReport soFar) {
        Path folder = folderOf.apply(soFar.runbook());
        try {
            Reports.writeResults(soFar, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the run's record in " + folder + ": " + e.getMessage(), e);
        }
        next.recorded(soFar);
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
