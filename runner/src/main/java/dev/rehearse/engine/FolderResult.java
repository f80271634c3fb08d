package dev.rehearse.engine;

import dev.rehearse.check.Verdict;
import dev.rehearse.report.Summary;
import dev.rehearse.run.ReportedRun;
import dev.rehearse.run.Shard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runbooks of a folder that ran ({@link FolderRun}), or of all its shards merged ({@link FolderMerge}).
 *
 * @param folder the folder's name
 * @param pairs  every runbook under it (by name), each under every value of {@code --vary}: the whole the shards split
 * @param strict a DRIFT fails a run
 * @param runs   the runs of this shard's pairs, in the order of {@link FolderPairs#all()}
 */
public record FolderResult(String folder, FolderPairs pairs, Shard shard, boolean strict, List<Ran> runs,
                           Duration elapsed) {

    /** the comparison page of the runs, beside junit.xml and runs.json */
    public static final String HTML = "runs.html";

    /** One pair's run, its reports in {@code dir}. */
    public record Ran(FolderPairs.Pair pair, Path dir, ReportedRun run) {
    }

    /**
     * How the runs ended, as the last line and the page say it: {@code 2 pass, 1 drift, 1 fail, 1 did not start}
     * (statuses in the order of {@link Verdict}), or {@code none ran}.
     */
    public String tally() {
        Map<Verdict, Integer> statuses = new EnumMap<>(Verdict.class);
        int notStarted = 0;
        for (Ran ran : runs) {
            if (ran.run().error() != null) {
                notStarted++;
            } else {
                statuses.merge(Summary.of(ran.run().report()).status(), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        statuses.forEach((status, n) -> parts.add(n + " " + status.name().toLowerCase(Locale.ROOT)));
        if (notStarted > 0) {
            parts.add(notStarted + " did not start");
        }
        return parts.isEmpty() ? "none ran" : String.join(", ", parts);
    }

    /** A run could not start, or one failed (or drifted, strict): what makes the exit status 1. */
    public boolean failed() {
        return runs.stream().anyMatch(ran -> {
            if (ran.run().error() != null) {
                return true;
            }
            Verdict status = Summary.of(ran.run().report()).status();
            return status != Verdict.PASS && (status != Verdict.DRIFT || strict);
        });
    }
}
