package dev.rehearse.check;

import java.time.Duration;

/**
 * The outcome of one of the sidecar's {@code checks:} after one step. A check passes unseen in its step's verdict,
 * and one that never ran leaves the step as it is: this record is what tells either, so that a run says of each
 * check PASS, FAIL or why it did not run. In the guide's terms, as a {@link StepResult}.
 *
 * @param file    the sidecar it is declared in; {@code line} its line there
 * @param after   the step it ran (or was to run) after, or 0 when no step of the run was one for it
 * @param verdict PASS, FAIL, or SKIP when it did not run (or not to its end)
 * @param reason  why for FAIL ("exit status 3") and SKIP ("not run: step 12 failed"), else null
 */
public record CheckResult(String name, String file, int line, int after, Verdict verdict, String reason,
                          Duration elapsed) {

    /** {@code runbook.yaml:47}: where a person edits it */
    public String where() {
        return file + ":" + line;
    }
}
