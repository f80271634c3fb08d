package dev.rehearse.report;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.StepPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.rehearse.check.Verdict.FAIL;
import static dev.rehearse.check.Verdict.INTERRUPTED;
import static dev.rehearse.check.Verdict.PASS;
import static dev.rehearse.check.Verdict.SKIP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the comparison of a matrix's runs counts as a change of a step: a verdict that differs between runs that
 * ran it, not what a stop (a Ctrl-C) did to a run, nor a run that never started.
 */
class MatrixComparisonTest {

    @Test
    void aStoppedMatrixHasNoRegression() {
        Map<String, RunReport> runs = new LinkedHashMap<>();
        runs.put("1.0", run(PASS, PASS, PASS));
        runs.put("2.0", run(PASS, INTERRUPTED, SKIP));
        runs.put("3.0", run()); // its turn came after the stop: it did not start

        MatrixComparison comparison = MatrixComparison.of("v", runs);

        assertEquals(List.of(), comparison.regressions());
        MatrixComparison.Row interrupted = comparison.rows().get(1);
        assertTrue(interrupted.cascaded(1), "the step the stop interrupted follows from the stop");
        assertTrue(comparison.rows().get(2).cascaded(1), "and so does the step it skipped");
        assertFalse(interrupted.cascaded(0));
    }

    @Test
    void aChangeBeforeTheStopIsStillARegression() {
        Map<String, RunReport> runs = new LinkedHashMap<>();
        runs.put("1.0", run(PASS, PASS, PASS));
        runs.put("2.0", run(FAIL, SKIP, SKIP));
        runs.put("3.0", run(PASS, INTERRUPTED, SKIP));

        MatrixComparison comparison = MatrixComparison.of("v", runs);

        assertEquals(List.of(1), comparison.regressions().stream().map(MatrixComparison.Row::n).toList());
        assertTrue(comparison.rows().get(1).cascaded(1), "2.0's skip follows its failure");
    }

    @Test
    void aRunThatDidNotStartChangesNoStep() {
        Map<String, RunReport> runs = new LinkedHashMap<>();
        runs.put("1.0", run(PASS, FAIL));
        runs.put("2.0", run());
        runs.put("3.0", run(PASS, FAIL));

        assertEquals(List.of(), MatrixComparison.of("v", runs).regressions());

        runs.put("3.0", run(PASS, PASS));
        assertEquals(List.of(2), MatrixComparison.of("v", runs).regressions().stream()
                .map(MatrixComparison.Row::n).toList(), "the two runs that ran differ at step 2");
    }

    /** a run of one-command steps with these verdicts, step 1 first; none: a run that did not start */
    private static RunReport run(Verdict... verdicts) {
        List<StepResult> results = new ArrayList<>();
        for (int i = 0; i < verdicts.length; i++) {
            CommandStep step = new CommandStep(i + 1, "guide.md", 10 * (i + 1), List.of("Install"), "echo " + i, null,
                    List.of(), List.of(), List.of(), StepPolicy.DEFAULT);
            results.add(new StepResult(step, verdicts[i], verdicts[i] == FAIL ? 1 : 0, "", "", "", null,
                    Duration.ofMillis(5)));
        }
        return new RunReport("widget", null, verdicts.length == 0 ? "did not start" : "local", results,
                Duration.ofMillis(50));
    }
}
