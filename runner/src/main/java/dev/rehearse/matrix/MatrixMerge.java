package dev.rehearse.matrix;

import dev.rehearse.guide.BadInput;
import dev.rehearse.report.RecordedRun;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.Shard;
import dev.rehearse.run.ShardParts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rehearse merge} of a matrix: the report folders of its shards (each made by {@code matrix --shard I/N}, on
 * any machine) joined into one, as the whole matrix run in one process would have written it: every value's folder
 * copied in, then {@code matrix.html}, {@code matrix.json} and {@code junit.xml} made from the values' own
 * {@code results.json} and {@code junit.xml}. Shards of different matrices, a shard given twice, a value run by two
 * shards, and a missing shard (unless {@code partial}) are bad input, before anything is written.
 */
public final class MatrixMerge {

    private MatrixMerge() {
    }

    /**
     * @param partial merge the shards given even when some are missing (their values are left out)
     * @throws BadInput when the folders are not the shards of one matrix, or a value's folder exists in {@code out}
     */
    public static MatrixResult merge(List<Path> dirs, Path out, boolean partial) throws IOException {
        List<MatrixShard> shards = new ArrayList<>();
        for (Path dir : dirs) {
            MatrixShard shard = MatrixShard.read(dir);
            if (!shards.isEmpty() && !shard.sameMatrixAs(shards.get(0))) {
                throw new BadInput(shard.file().toString(), 0, "a part of another matrix (" + shard.describe()
                        + ") than " + shards.get(0).dir() + " (" + shards.get(0).describe() + ")");
            }
            shards.add(shard);
        }
        MatrixShard first = shards.get(0);
        Variation variation = first.variation();
        Map<String, MatrixShard.Ran> ran = new LinkedHashMap<>();
        shards.forEach(shard -> shard.runs().forEach(run -> ran.put(run.value(), run)));
        Map<String, ShardParts.Part> ranBy = ShardParts.join(shards.stream().map(MatrixShard::part).toList(),
                variation.values(), value -> value, first.runbook(), variation::label, partial);
        Map<String, RunReport> reports = new LinkedHashMap<>();
        for (Map.Entry<String, ShardParts.Part> value : ranBy.entrySet()) {
            MatrixShard.Ran run = ran.get(value.getKey());
            reports.put(value.getKey(), run.error() == null
                    ? RecordedRun.read(value.getValue().dir().resolve(variation.label(value.getKey())))
                    : new RunReport(first.runbook(), null, run.target(), List.of(), run.elapsed()));
        }
        Map<String, Path> copied = ShardParts.copyInto(ranBy, variation::label, out);
        List<ValueRun> runs = new ArrayList<>();
        reports.forEach((value, report) -> runs.add(new ValueRun(value, copied.get(value), report,
                ran.get(value).error())));
        // the shards ran side by side: the matrix took as long as the longest of them
        Duration elapsed = shards.stream().map(MatrixShard::elapsed).max(Duration::compareTo).orElse(Duration.ZERO);
        MatrixResult result = new MatrixResult(first.runbook(), first.title() == null ? first.runbook() : first.title(),
                variation, Shard.WHOLE, runs, elapsed);
        MatrixReport.writeAll(result, out);
        return result;
    }

    /** Where a matrix's reports go unless told otherwise, as for an unsharded run: {@code RUNBOOK-matrix}. */
    public static Path defaultFolder(Path shard) {
        return Rehearsal.reportsRoot().resolve(MatrixShard.read(shard).runbook() + "-matrix");
    }
}
