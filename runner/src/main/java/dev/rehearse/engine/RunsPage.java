package dev.rehearse.engine;

import dev.rehearse.report.RunCell;

import java.util.List;

/**
 * What {@code runs.html} shows, ready for its template ({@code src/main/jte/dev/rehearse/engine/runs.jte}): a row per
 * runbook, a column per value of {@code --vary} (one column without it), each cell that pair's run linking to its
 * {@code report.html}. Plain text only: the template escapes all of it.
 *
 * @param status  CSS class of the headline: fail when a run failed or did not start, or a runbook regressed
 * @param columns the column heads: {@code NAME=V} per value, or one {@code run}
 */
public record RunsPage(String folder, String status, String headline, String facts, String elapsed,
                       List<String> columns, List<Row> rows) {

    /**
     * One runbook under every value.
     *
     * @param regression a step's verdict changes between its values (as on the matrix page)
     * @param cells      per column, its run, or null where it did not run here (a shard, a partial merge)
     */
    public record Row(String runbook, boolean regression, List<RunCell> cells) {
    }
}
