package dev.rehearse.cli;

import dev.rehearse.check.Verdict;
import dev.rehearse.engine.FolderResult;
import dev.rehearse.report.Reports;
import dev.rehearse.report.Summary;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The end of {@code runs} and of the {@code merge} of its shards: how many runbooks ran how, and the junit.xml. */
final class FolderEnd {

    private FolderEnd() {
    }

    /**
     * @param what how the line names what ran: {@code runs}, {@code runs shard 2/3}, {@code merge}
     * @return the exit status: 1 when a run failed (or drifted, strict) or could not start, else 0
     */
    static int print(PrintWriter out, String what, FolderResult result, Path dir) {
        Map<Verdict, Integer> statuses = new EnumMap<>(Verdict.class);
        int notStarted = 0;
        for (FolderResult.Ran ran : result.runs()) {
            if (ran.run().error() != null) {
                notStarted++;
            } else {
                statuses.merge(Summary.of(ran.run().report()).status(), 1, Integer::sum);
            }
        }
        String counts = statuses.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        out.println(String.format(Locale.ROOT, "%s: %d of the %d %s of %s: %s%s; junit: %s", what,
                result.runs().size(), result.pairs().all().size(),
                result.pairs().variable() == null ? "runbooks" : "runbook-value pairs", result.folder(),
                counts.isEmpty() ? "none ran" : counts,
                notStarted == 0 ? "" : ", " + notStarted + " did not start", dir.resolve(Reports.JUNIT)));
        out.flush();
        return result.failed() ? 1 : 0;
    }
}
