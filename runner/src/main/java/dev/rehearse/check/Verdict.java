package dev.rehearse.check;

/** How a step went. */
public enum Verdict {
    /** ran, and the output matches the guide */
    PASS,
    /** ran fine, but the output differs from what the guide shows: the guide is stale */
    DRIFT,
    /** non-zero exit, timeout, unanswered prompt, or a failed check */
    FAIL,
    /** not run (policy, --from/--only, or after an earlier FAIL, ERROR or an interrupt) */
    SKIP,
    /**
     * stopped by an interrupt (Ctrl-C, SIGTERM) while it ran or just before it started; or, in a record written
     * while the run went on, the step it was at when its process ended without a word (killed)
     */
    INTERRUPTED,
    /** Rehearse itself went wrong while running it (a defect, not the guide's nor the target's): see the reason's log */
    ERROR
}
