package dev.rehearse.report;

import dev.rehearse.check.CheckResult;
import dev.rehearse.check.Verdict;

import java.util.ArrayList;
import java.util.List;

/** How many of a run's check records passed, failed and did not run: the checks' line beside the steps' counts. */
public record CheckTally(int pass, int fail, int skip) {

    public static CheckTally of(List<CheckResult> checks) {
        int pass = 0;
        int fail = 0;
        for (CheckResult check : checks) {
            pass += check.verdict() == Verdict.PASS ? 1 : 0;
            fail += check.verdict() == Verdict.FAIL ? 1 : 0;
        }
        return new CheckTally(pass, fail, checks.size() - pass - fail);
    }

    /** {@code 1 PASS, 1 FAIL}: the counts that are not 0, empty when there is no check */
    public String text() {
        List<String> counts = new ArrayList<>();
        if (pass > 0) {
            counts.add(pass + " PASS");
        }
        if (fail > 0) {
            counts.add(fail + " FAIL");
        }
        if (skip > 0) {
            counts.add(skip + " SKIP");
        }
        return String.join(", ", counts);
    }
}
