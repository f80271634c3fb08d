package dev.rehearse.report;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One runbook run once per value of a variable, compared step by step: steps as rows, values as columns.
 * A step whose verdict is not the same in every column is a regression (or a fix: the matrix does not
 * know which way time runs, so it reports both and lets the exit status say "something changed").
 * A step skipped only because an earlier step of its run failed is a consequence, not a change of its own:
 * it is marked {@link Row#cascaded(int) cascaded} and does not make its row a regression; so are the step a stop
 * (a Ctrl-C) interrupted and those it skipped, as the stop says nothing of the software under test. A run that did
 * not start (its target did not open, or a stop came before its turn) has no verdicts to compare: it is no column of
 * the comparison, and its callers report it as a run that did not start.
 * <p>
 * The matrix page shows it whole; a folder run's page ({@code runs --vary}) marks a runbook one of whose steps it finds
 * changing, which is why it sits with the reports and not with the matrix.
 */
public final class MatrixComparison {

    /**
     * One row: a step and its verdict under each value, in column order (null when that run lacks it).
     *
     * @param cascaded per column: the cell follows from something else than the step itself: a SKIP after a FAIL or
     *                 an ERROR of an earlier step in the same run, or the run's stop (the step it interrupted, and the
     *                 steps it skipped after)
     * @param compared per column: the run has verdicts at all (it started)
     */
    public record Row(int n, Step step, List<StepResult> cells, List<Boolean> cascaded, List<Boolean> compared) {

        public boolean changes() {
            return IntStream.range(0, cells.size()).filter(i -> compared.get(i) && !cascaded.get(i))
                    .mapToObj(i -> cells.get(i) == null ? null : cells.get(i).verdict())
                    .distinct().count() > 1;
        }

        public boolean cascaded(int column) {
            return cascaded.get(column);
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
        List<Integer> firstFail = new ArrayList<>();
        List<Integer> interruptedAt = new ArrayList<>();
        List<Boolean> compared = new ArrayList<>();
        // each run's results by step number: a row finds its cells in one look-up, not a scan of the run
        List<Map<Integer, StepResult>> byNumber = new ArrayList<>();
        for (RunReport run : runs.values()) {
            Map<Integer, StepResult> numbered = new HashMap<>();
            for (StepResult result : run.results()) {
                steps.putIfAbsent(result.step().n(), result.step());
                numbered.putIfAbsent(result.step().n(), result);
            }
            byNumber.add(numbered);
            firstFail.add(firstStepWith(run, Verdict.FAIL, Verdict.ERROR));
            interruptedAt.add(firstStepWith(run, Verdict.INTERRUPTED));
            compared.add(!run.results().isEmpty());
        }
        List<Row> rows = new ArrayList<>();
        steps.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int n = e.getKey();
            List<StepResult> cells = new ArrayList<>();
            List<Boolean> cascaded = new ArrayList<>();
            for (int column = 0; column < byNumber.size(); column++) {
                StepResult cell = byNumber.get(column).get(n);
                cells.add(cell);
                cascaded.add(cell != null && (n >= interruptedAt.get(column)
                        || cell.verdict() == Verdict.SKIP && n > firstFail.get(column)));
            }
            rows.add(new Row(n, e.getValue(), cells, cascaded, compared));
        });
        return new MatrixComparison(variable, values, rows);
    }

    /** the number of the run's first step with one of these verdicts, else {@link Integer#MAX_VALUE} */
    private static int firstStepWith(RunReport run, Verdict... verdicts) {
        List<Verdict> wanted = List.of(verdicts);
        return run.results().stream().filter(r -> wanted.contains(r.verdict())).mapToInt(r -> r.step().n()).min()
                .orElse(Integer.MAX_VALUE);
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
