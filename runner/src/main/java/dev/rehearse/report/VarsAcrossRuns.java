package dev.rehearse.report;

import dev.rehearse.plan.VarValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The vars of several runs of one runbook side by side, for a page that shows the runs as columns: those whose value
 * is not the same in every run, or all of them when there are few, so that a page says what differed between its
 * columns beyond the value it varied (a version that follows a target's fact, say). A run that did not start has no
 * vars: it is left out of what differs.
 */
public final class VarsAcrossRuns {
    /** up to this many vars, a page shows them all; more, only those that differ */
    static final int FEW = 4;

    /**
     * One var under every run.
     *
     * @param values  in the runs' order; null where a run lacks it (it did not start)
     * @param differs its value is not the same in every run that has it
     */
    public record Row(String name, List<VarValue> values, boolean differs) {
    }

    private VarsAcrossRuns() {
    }

    /** One look at each run's vars: runs times vars. */
    public static List<Row> of(List<RunReport> runs) {
        Map<String, VarValue[]> byName = new LinkedHashMap<>();
        for (int column = 0; column < runs.size(); column++) {
            for (VarValue var : runs.get(column).vars()) {
                byName.computeIfAbsent(var.name(), name -> new VarValue[runs.size()])[column] = var;
            }
        }
        List<Row> rows = new ArrayList<>();
        byName.forEach((name, values) -> rows.add(new Row(name, Collections.unmodifiableList(Arrays.asList(values)), differs(values))));
        return rows.size() <= FEW ? rows : rows.stream().filter(Row::differs).toList();
    }

    private static boolean differs(VarValue[] values) {
        return Arrays.stream(values).filter(Objects::nonNull).map(VarValue::value).distinct().count() > 1;
    }
}
