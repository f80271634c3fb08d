package dev.rehearse.report;

import dev.rehearse.check.CheckResult;

/** How every report names a check record, so that a check reads the same in each. */
public final class CheckText {
    private CheckText() {
    }

    /** {@code runbook.yaml:47, after step 12}, or {@code runbook.yaml:47} for a check no step of the run was for */
    public static String where(CheckResult check) {
        return check.where() + (check.after() > 0 ? ", after step " + check.after() : "");
    }

    /** {@code synapse still runs at the end (runbook.yaml:47, after step 12)} */
    public static String title(CheckResult check) {
        return check.name() + " (" + where(check) + ")";
    }
}
