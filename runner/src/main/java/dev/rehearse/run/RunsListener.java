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

    /**
     * A guide of the folder is no runbook, as it shows nothing to type and no file to write (a page of prose, a
     * reference page of a documentation site): it does not run, and the runs go on without it.
     */
    default void passedOver(String label) {
    }

    /** A run ended, its reports written (or it could not start: {@link ReportedRun#error()}). */
    default void runFinished(String label, ReportedRun run) {
    }

    RunsListener NONE = new RunsListener() {
    };
}
