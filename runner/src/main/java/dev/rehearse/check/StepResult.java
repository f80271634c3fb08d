package dev.rehearse.check;

import dev.rehearse.plan.Step;

import java.time.Duration;

/**
 * The outcome of one step. {@code expected} and {@code actual} are in the guide's terms (real values mapped
 * back to example values, secrets hidden), so they can be shown and written back into the guide.
 *
 * @param diff   unified diff expected -> actual for DRIFT and FAIL, else empty
 * @param reason one line saying why for FAIL, SKIP and INTERRUPTED (e.g. "exit status 1", "waiting for input at: ...")
 */
public record StepResult(Step step, Verdict verdict, int exit, String expected, String actual, String diff,
                         String reason, Duration elapsed) {
}
