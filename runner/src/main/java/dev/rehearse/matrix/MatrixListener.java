package dev.rehearse.matrix;

import dev.rehearse.run.RunListener;

/** What a matrix tells its onlookers about each value's run; runs go in parallel, so calls come from many threads. */
public interface MatrixListener {

    /** A value's run starts; the answer receives that run's steps as they go. */
    default RunListener runStarted(String label) {
        return RunListener.NONE;
    }

    /** A value's run ended, its reports written (or it could not start: {@link ValueRun#error()}). */
    default void runFinished(String label, ValueRun run) {
    }

    MatrixListener NONE = new MatrixListener() {
    };
}
