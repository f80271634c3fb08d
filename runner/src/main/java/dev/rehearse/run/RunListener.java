package dev.rehearse.run;

import dev.rehearse.check.StepResult;
import dev.rehearse.plan.Step;
import dev.rehearse.report.RunReport;

import java.time.Duration;
import java.util.function.Supplier;

/** What a run tells its onlookers (the live progress), secrets already hidden. */
public interface RunListener {

    /** @param shown the step in one line as it runs: the command with bindings applied, or the file's path */
    default void stepStarted(Step step, int total, String shown) {
    }

    /** output of the running command as it arrives */
    default void output(Step step, String chunk) {
    }

    /**
     * The step ran and the run now waits, up to {@code timeout}, for what its runbook calls ready.
     *
     * @param what e.g. {@code an HTTP answer from https://...}, secrets hidden
     */
    default void waiting(Step step, String what, Duration timeout) {
    }

    default void stepFinished(StepResult result, int total) {
    }

    /**
     * The run so far, before each step that runs: what its record should say if the process ended now (the step
     * about to run INTERRUPTED, the rest SKIP). Made when asked for, on any thread, as often as asked: the whole run
     * so far, too dear to make before every step of a long run.
     */
    default void recorded(Supplier<RunReport> soFar) {
    }

    /** The run's record once it has ended (interrupted or not): the last word, after every {@link #recorded}. */
    default void ended(RunReport report) {
    }

    RunListener NONE = new RunListener() {
    };
}
