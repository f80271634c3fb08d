package dev.rehearse.cli;

import dev.rehearse.report.MatrixComparison.Row;
import dev.rehearse.matrix.MatrixReport;
import dev.rehearse.matrix.MatrixResult;
import dev.rehearse.matrix.ValueRun;
import dev.rehearse.report.StepText;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end of {@code matrix} and {@code merge}: one line per regression, with each value's verdict, then the count and
 * where the comparison page is.
 */
final class MatrixEnd {

    private MatrixEnd() {
    }

    /**
     * @param what how the last line names what was compared: {@code matrix}, {@code matrix shard 2/3}, {@code merge}
     * @return the exit status: 1 when a verdict changed or a run could not start, else 0
     */
    static int print(PrintWriter out, String what, MatrixResult result, Path dir) {
        List<Row> regressions = result.comparison().regressions();
        for (Row row : regressions) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < result.runs().size(); i++) {
                cells.add(result.runs().get(i).value() + " " + (row.cells().get(i) == null ? "-"
                        : row.cells().get(i).verdict().name()));
            }
            out.println("regression: step " + row.n() + " (" + StepText.where(row.step()) + ") "
                    + StepText.title(row.step()) + ": " + String.join(", ", cells));
        }
        List<String> values = result.runs().stream().map(ValueRun::value).toList();
        out.println(String.format(Locale.ROOT, "%s: %d regression%s over %s; report: %s", what,
                regressions.size(), regressions.size() == 1 ? "" : "s",
                values.isEmpty() ? "no value of " + result.variation().name()
                        : result.variation().label(String.join(",", values)), dir.resolve(MatrixReport.HTML)));
        out.flush();
        return result.regressed() ? 1 : 0;
    }
}
