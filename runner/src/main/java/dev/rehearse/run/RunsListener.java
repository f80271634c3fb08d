package dev.rehearse.run;

/**
 * What a command of many runs (a matrix's values, a folder's runbooks) tells its onlookers about each run; runs may
 * go in parallel, so calls may come from many threads.
 */
public interface RunsListener {

    /** A run starts; the answer receives its steps as they go. */
    default RunListener runStarted(String label) {
        return RunListener.NONE;
    }

    /** A run ended, its reports written (or it could not start: {@link ReportedRun#error()}). */
    default void runFinished(String label, ReportedRun run) {
    }

    RunsListener NONE = new RunsListener() {
    };
}
