package dev.rehearse.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearse.check.StepResult;
import dev.rehearse.files.AtomicFiles;
import dev.rehearse.report.MatrixComparison.Row;
import dev.rehearse.matrix.MatrixPage.Cell;
import dev.rehearse.matrix.MatrixPage.Column;
import dev.rehearse.matrix.MatrixPage.RowView;
import dev.rehearse.report.HtmlPage;
import dev.rehearse.report.MatrixComparison;
import dev.rehearse.report.HtmlPage.DiffLine;
import dev.rehearse.report.JunitSuites;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunCell;
import dev.rehearse.report.RunEntryJson;
import dev.rehearse.report.VarsAcrossRuns;
import dev.rehearse.run.ShardParts;
import dev.rehearse.report.StepText;
import dev.rehearse.report.Templates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix's own files beside the runs' folders: {@code matrix.html}, one self-contained page (the reports'
 * stylesheet, no script, nothing fetched) with steps as rows and values as columns, each cell linking to the step in
 * that run's {@code report.html}; {@code matrix.json} with the same facts for tools (and what {@link MatrixMerge}
 * needs to join shards: the title, every value, the shard); and {@code junit.xml}, the runs' own in one. Like the
 * run reports, they read only results already in the guide's terms, so no secret can reach them.
 */
public final class MatrixReport {
    public static final String HTML = "matrix.html";
    public static final String JSON = "matrix.json";
    /** every value's junit.xml in one, as {@link JunitSuites} joins them */
    public static final String JUNIT = Reports.JUNIT;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MatrixReport() {
    }

    /**
     * Writes the three files into {@code dir}, the folder that holds the runs' folders (each with its reports
     * written); each file atomically.
     */
    public static void writeAll(MatrixResult result, Path dir) throws IOException {
        AtomicFiles.replace(dir.resolve(HTML), html(result, dir));
        AtomicFiles.replace(dir.resolve(JSON), json(result, dir));
        AtomicFiles.replace(dir.resolve(JUNIT), JunitSuites.join(result.runbook(), result.runs().stream()
                .map(run -> new JunitSuites.Run(result.runbook(), result.variation().label(run.value()), run.dir(),
                        run.error())).toList()));
    }

    static String html(MatrixResult result, Path dir) {
        return Templates.render("dev/rehearse/matrix/matrix.jte", page(result, dir));
    }

    static MatrixPage page(MatrixResult result, Path dir) {
        MatrixComparison comparison = result.comparison();
        List<Column> columns = new ArrayList<>();
        for (ValueRun run : result.runs()) {
            columns.add(column(run, dir));
        }
        List<RowView> rows = new ArrayList<>();
        for (Row row : comparison.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < result.runs().size(); i++) {
                cells.add(cell(result.runs().get(i), row.cells().get(i), row.cascaded(i), dir));
            }
            rows.add(new RowView(row.n(), StepText.title(row.step()), StepText.where(row.step()), row.changes(), cells));
        }
        int regressions = comparison.regressions().size();
        long broken = result.runs().stream().filter(r -> r.error() != null).count();
        String headline = regressions == 0 && broken == 0 ? "no step changes its verdict"
                : plural(regressions, "regression") + (broken == 0 ? "" : ", " + plural((int) broken, "run")
                + " did not start");
        return new MatrixPage(result.title(), result.runbook(), result.variation().name(),
                regressions == 0 && broken == 0 ? "pass" : "fail", headline, HtmlPage.seconds(result.elapsed()), columns,
                vars(result), rows, rows.stream().filter(RowView::regression).toList());
    }

    private static List<VarsAcrossRuns.Row> vars(MatrixResult result) {
        return VarsAcrossRuns.of(result.runs().stream().map(ValueRun::report).toList());
    }

    private static Column column(ValueRun run, Path dir) {
        return new Column(run.value(), RunCell.of(run.report(), run.error(), dir, run.dir()));
    }

    private static Cell cell(ValueRun run, StepResult result, boolean cascaded, Path dir) {
        if (result == null) {
            return new Cell(run.value(), "none", "—", "", run.error() == null ? "not in this run" : run.error(),
                    false, List.of());
        }
        return new Cell(run.value(), HtmlPage.css(result.verdict()), result.verdict().name(),
                RunCell.link(dir, run.dir(), StepText.anchor(result.step())),
                result.reason() == null ? "" : result.reason(),
                cascaded, DiffLine.of(result.diff()));
    }

    static String json(MatrixResult result, Path dir) {
        MatrixComparison comparison = result.comparison();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("runbook", result.runbook());
        root.put("title", result.title());
        root.put("variable", result.variation().name());
        ArrayNode values = root.putArray("values");
        result.variation().values().forEach(values::add);
        ShardParts.put(root, result.shard());
        ArrayNode runs = root.putArray("runs");
        for (ValueRun run : result.runs()) {
            ObjectNode r = runs.addObject();
            r.put("value", run.value());
            r.put("dir", RunCell.relative(dir, run.dir()));
            RunEntryJson.put(r, run.report(), run.error());
        }
        ArrayNode steps = root.putArray("steps");
        for (Row row : comparison.rows()) {
            ObjectNode s = steps.addObject();
            s.put("n", row.n());
            s.put("kind", row.step().kind());
            s.put("source", row.step().source());
            s.put("line", row.step().line());
            s.put("title", StepText.title(row.step()));
            s.put("regression", row.changes());
            ObjectNode verdicts = s.putObject("verdicts");
            ObjectNode cascaded = s.putObject("cascaded");
            for (int i = 0; i < result.runs().size(); i++) {
                StepResult cell = row.cells().get(i);
                verdicts.put(result.runs().get(i).value(), cell == null ? null : cell.verdict().name());
                cascaded.put(result.runs().get(i).value(), row.cascaded(i));
            }
        }
        // each run's vars are in its entry; these are the ones that tell the runs apart beyond the varied value
        ArrayNode differing = root.putArray("differing_vars");
        vars(result).stream().filter(VarsAcrossRuns.Row::differs).forEach(row -> differing.add(row.name()));
        ArrayNode regressions = root.putArray("regressions");
        comparison.regressions().forEach(row -> regressions.add(row.n()));
        root.put("regressed", result.regressed());
        root.put("elapsed_ms", result.elapsed().toMillis());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + JSON, e);
        }
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
