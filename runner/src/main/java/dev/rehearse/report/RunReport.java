package dev.rehearse.report;

import dev.rehearse.check.StepResult;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.CapturedValue;

import java.time.Duration;
import java.util.List;

/**
 * Everything the reports need of one run: which runbook on which target, one result per planned step (in plan
 * order, skipped ones included), and the values its steps captured. Holds no secret: results are already in the
 * guide's terms, and a captured value bound to a secret is left out.
 */
public record RunReport(String runbook, Guide guide, String target, List<StepResult> results, Duration elapsed,
                        List<CapturedValue> captured) {

    public RunReport {
        captured = List.copyOf(captured);
    }

    /** A run that captured nothing. */
    public RunReport(String runbook, Guide guide, String target, List<StepResult> results, Duration elapsed) {
        this(runbook, guide, target, results, elapsed, List.of());
    }
}
