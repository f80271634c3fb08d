package dev.rehearse.plan;

import java.time.Duration;

/**
 * How one step is run and judged, from the sidecar's {@code steps:} section; defaults otherwise.
 *
 * @param timeout    the most a step may take before it FAILs
 * @param eventually retry a status-like step until its output matches, up to {@code timeout}
 * @param skip       do not run it (verdict SKIP), with the reason
 * @param expectExit the exit status that counts as success
 * @param ready      what must hold after the step before the next one runs, or null
 */
public record StepPolicy(Duration timeout, boolean eventually, String skip, int expectExit, Readiness ready) {

    public static final StepPolicy DEFAULT = new StepPolicy(Duration.ofMinutes(5), false, null, 0);

    /** A policy with nothing to wait for after the step. */
    public StepPolicy(Duration timeout, boolean eventually, String skip, int expectExit) {
        this(timeout, eventually, skip, expectExit, null);
    }
}
