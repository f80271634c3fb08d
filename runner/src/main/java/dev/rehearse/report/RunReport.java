package dev.rehearse.report;

import dev.rehearse.check.StepResult;
import dev.rehearse.guide.Guide;

import java.time.Duration;
import java.util.List;

/**
 * Everything the reports need of one run: which runbook on which target, and one result per planned step
 * (in plan order, skipped ones included). Holds no secret: results are already in the guide's terms.
 */
public record RunReport(String runbook, Guide guide, String target, List<StepResult> results, Duration elapsed) {
}
