package dev.rehearse.engine;

import dev.rehearse.report.HtmlPage;
import dev.rehearse.report.MatrixComparison;
import dev.rehearse.report.RunCell;
import dev.rehearse.report.RunReport;
import dev.rehearse.report.Templates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code runs.html}, one self-contained page (the reports' stylesheet, no script, nothing fetched) comparing a folder
 * run's runs: a row per runbook, a column per value, each cell a run as the matrix page shows one ({@link RunCell}). A
 * runbook whose runs a {@link MatrixComparison} finds a step changing its verdict in is marked, as the matrix page
 * marks that step. Made from the runs alone, so a merge of shards gives the page the whole run gives.
 */
final class FolderPage {

    private FolderPage() {
    }

    static String html(FolderResult result, Path dir) {
        return Templates.render("dev/rehearse/engine/runs.jte", page(result, dir));
    }

    static RunsPage page(FolderResult result, Path dir) {
        FolderPairs pairs = result.pairs();
        Map<FolderPairs.Pair, FolderResult.Ran> ran = new HashMap<>();
        result.runs().forEach(run -> ran.put(run.pair(), run));
        List<RunsPage.Row> rows = new ArrayList<>();
        int regressed = 0;
        for (String runbook : pairs.runbooks()) {
            List<RunCell> cells = new ArrayList<>();
            Map<String, RunReport> started = new LinkedHashMap<>();
            for (FolderPairs.Pair pair : pairs.of(runbook)) {
                FolderResult.Ran run = ran.get(pair);
                cells.add(run == null ? null : RunCell.of(run.run().report(), run.run().error(), dir, run.dir()));
                if (run != null && run.run().error() == null) {
                    started.put(pair.value(), run.run().report());
                }
            }
            boolean regression = started.size() > 1
                    && !MatrixComparison.of(pairs.variable(), started).regressions().isEmpty();
            regressed += regression ? 1 : 0;
            if (cells.stream().anyMatch(cell -> cell != null)) {
                rows.add(new RunsPage.Row(runbook, regression, cells));
            }
        }
        List<String> columns = pairs.variable() == null ? List.of("run")
                : pairs.values().stream().map(value -> pairs.variable() + "=" + value).toList();
        String headline = result.tally() + (pairs.variable() == null ? ""
                : ", " + regressed + (regressed == 1 ? " runbook changes" : " runbooks change") + " between values");
        String facts = pairs.runbooks().size() + " runbooks" + (pairs.variable() == null ? ""
                : " under " + pairs.values().size() + " values of " + pairs.variable()) + ", " + result.runs().size()
                + " runs" + (result.shard().whole() ? "" : " (shard " + result.shard() + ")");
        return new RunsPage(result.folder(), result.failed() || regressed > 0 ? "fail" : "pass", headline, facts,
                HtmlPage.seconds(result.elapsed()), columns, rows);
    }
}
