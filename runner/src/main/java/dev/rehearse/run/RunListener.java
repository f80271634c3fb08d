package dev.rehearse.run;

import dev.rehearse.check.StepResult;
import dev.rehearse.plan.Step;

/** What a run tells its onlookers (the live progress), secrets already hidden. */
public interface RunListener {

    /** @param shown the step in one line as it runs: the command with bindings applied, or the file's path */
    default void stepStarted(Step step, int total, String shown) {
    }

    /** output of the running command as it arrives */
    default void output(Step step, String chunk) {
    }

    default void stepFinished(StepResult result, int total) {
    }

    RunListener NONE = new RunListener() {
    };
}
