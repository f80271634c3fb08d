package dev.rehearse.cli;

import dev.rehearse.engine.FolderResult;
import dev.rehearse.report.Reports;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The end of {@code runs} and of the {@code merge} of its shards: how many runs ended how, the junit.xml, the page. */
final class FolderEnd {

    private FolderEnd() {
    }

    /**
     * @param what how the line names what ran: {@code runs}, {@code runs shard 2/3}, {@code merge}
     * @return the exit status: 1 when a run failed (or drifted, strict) or could not start, else 0
     */
    static int print(PrintWriter out, String what, FolderResult result, Path dir) {
        out.println(String.format(Locale.ROOT, "%s: %d of the %d %s of %s: %s; junit: %s; page: %s", what,
                result.runs().size(), result.pairs().all().size(),
                result.pairs().variable() == null ? "runbooks" : "runbook-value pairs", result.folder(),
                result.tally(), dir.resolve(Reports.JUNIT), dir.resolve(FolderResult.HTML)));
        out.flush();
        return result.failed() ? 1 : 0;
    }
}
