package dev.rehearse.engine;

import dev.rehearse.check.Verdict;
import dev.rehearse.report.Summary;
import dev.rehearse.run.ReportedRun;
import dev.rehearse.run.Shard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

    /** One pair's run, its reports in {@code dir}. */
    public record Ran(FolderPairs.Pair pair, Path dir, ReportedRun run) {
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
