package dev.rehearse.matrix;

import dev.rehearse.report.HtmlPage.DiffLine;
import dev.rehearse.report.RunCell;
import dev.rehearse.report.VarsAcrossRuns;

import java.util.List;

/**
 * What {@code matrix.html} shows, ready for its template ({@code src/main/jte/dev/rehearse/matrix/matrix.jte}): one
 * column per value with its run's summary and the runbook's vars that differ between the columns (all when few), one row per step with each run's verdict linking to that run's
 * {@code report.html}, and the regressions' diffs side by side. Plain text only: the template escapes all of it.
 *
 * @param status CSS class of the headline: fail with a regression, pass without
 */
public record MatrixPage(String title, String runbook, String variable, String status, String headline,
                         String elapsed, List<Column> columns, List<VarsAcrossRuns.Row> vars, List<RowView> rows,
                         List<RowView> regressions) {

    /** One value's run. */
    public record Column(String value, RunCell run) {
    }

    /**
     * One step under every value.
     *
     * @param regression its verdict changes between values
     */
    public record RowView(int n, String title, String where, boolean regression, List<Cell> cells) {
    }

    /**
     * One step's verdict in one run.
     *
     * @param verdict  lower-case verdict (the CSS class), or "none" when the run lacks the step
     * @param link     the step's mark in that run's report.html, or empty
     * @param cascaded its verdict follows from an earlier FAIL of the same run, or from the run's stop: no regression
     */
    public record Cell(String value, String verdict, String label, String link, String reason, boolean cascaded,
                       List<DiffLine> diff) {
    }
}
