package dev.rehearse.matrix;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Step;
import dev.rehearse.report.RunReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One runbook run once per value of a variable, compared step by step: steps as rows, values as columns.
 * A step whose verdict is not the same in every column is a regression (or a fix: the matrix does not
 * know which way time runs, so it reports both and lets the exit status say "something changed").
 */
public final class MatrixComparison {

    /** One row: a step and its verdict under each value, in column order (null when that run lacks it). */
    public record Row(int n, Step step, List<StepResult> cells) {

        public boolean changes() {
            return cells.stream().map(c -> c == null ? null : c.verdict()).distinct().count() > 1;
        }
    }

    private final String variable;
    private final List<String> values;
    private final List<Row> rows;

    private MatrixComparison(String variable, List<String> values, List<Row> rows) {
        this.variable = variable;
        this.values = values;
        this.rows = rows;
    }

    /** @param runs one report per value, in the order the values were given */
    public static MatrixComparison of(String variable, Map<String, RunReport> runs) {
        List<String> values = List.copyOf(runs.keySet());
        Map<Integer, Step> steps = new LinkedHashMap<>();
        for (RunReport run : runs.values()) {
            for (StepResult result : run.results()) {
                steps.putIfAbsent(result.step().n(), result.step());
            }
        }
        List<Row> rows = new ArrayList<>();
        steps.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<StepResult> cells = new ArrayList<>();
            for (RunReport run : runs.values()) {
                cells.add(run.results().stream().filter(r -> r.step().n() == e.getKey()).findFirst().orElse(null));
            }
            rows.add(new Row(e.getKey(), e.getValue(), cells));
        });
        return new MatrixComparison(variable, values, rows);
    }

    public String variable() {
        return variable;
    }

    public List<String> values() {
        return values;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Row> regressions() {
        return rows.stream().filter(Row::changes).toList();
    }

    /** Verdict counts of one column, for the table's footer. */
    public Map<Verdict, Long> tally(int column) {
        Map<Verdict, Long> tally = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            tally.put(v, rows.stream().map(r -> r.cells().get(column)).filter(Objects::nonNull)
                    .filter(c -> c.verdict() == v).count());
        }
        return tally;
    }
}
