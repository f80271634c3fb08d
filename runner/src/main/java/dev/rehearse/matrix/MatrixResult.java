package dev.rehearse.matrix;

import dev.rehearse.report.MatrixComparison;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Shard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every value's run, in the order the values were given, and their step-by-step comparison.
 *
 * @param title the guide's title, or the runbook's name when it has none
 * @param shard which slice of the values ran ({@link Shard#WHOLE} for all of them, as a merge of every shard gives)
 */
public record MatrixResult(String runbook, String title, Variation variation, Shard shard, List<ValueRun> runs,
                           Duration elapsed) {

    public MatrixComparison comparison() {
        Map<String, RunReport> byValue = new LinkedHashMap<>();
        runs.forEach(run -> byValue.put(run.value(), run.report()));
        return MatrixComparison.of(variation.name(), byValue);
    }

    /** A step's verdict changed between values, or a run could not start: what makes the exit status 1. */
    public boolean regressed() {
        return runs.stream().anyMatch(run -> run.error() != null) || !comparison().regressions().isEmpty();
    }
}
