package dev.rehearse.matrix;

import dev.rehearse.files.FolderCopy;
import dev.rehearse.guide.BadInput;
import dev.rehearse.report.RecordedRun;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.Shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rehearse merge}: the report folders of a matrix's shards (each made by {@code matrix --shard I/N}, on any
 * machine) joined into one, as the whole matrix run in one process would have written it: every value's folder
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
        Map<String, MatrixShard.Ran> ran = new LinkedHashMap<>();
        Map<String, MatrixShard> ranIn = new LinkedHashMap<>();
        Map<Integer, MatrixShard> byIndex = new TreeMap<>();
        MatrixShard first = null;
        for (Path dir : dirs) {
            MatrixShard shard = MatrixShard.read(dir);
            if (first == null) {
                first = shard;
            } else if (!shard.sameMatrixAs(first)) {
                throw new BadInput(shard.file().toString(), 0, "a part of another matrix (" + shard.describe()
                        + ") than " + first.dir() + " (" + first.describe() + ")");
            }
            MatrixShard again = byIndex.put(shard.shard().index(), shard);
            if (again != null) {
                throw new BadInput(dir.toString(), 0, "shard " + shard.shard() + " is given twice (also " + again.dir()
                        + ")");
            }
            for (MatrixShard.Ran run : shard.runs()) {
                MatrixShard other = ranIn.put(run.value(), shard);
                if (other != null) {
                    throw new BadInput(dir.toString(), 0, "overlaps " + other.dir() + ": both ran "
                            + shard.variation().label(run.value()));
                }
                ran.put(run.value(), run);
            }
        }
        Variation variation = first.variation();
        if (!partial) {
            requireComplete(first, byIndex, ran);
        }
        List<String> values = variation.values().stream().filter(ran::containsKey).toList();
        for (String value : values) {
            Path to = out.resolve(variation.label(value));
            Path from = ranIn.get(value).dir().resolve(variation.label(value));
            if (Files.exists(to, LinkOption.NOFOLLOW_LINKS) && !same(from, to)) {
                throw new BadInput(to.toString(), 0, "exists already: merge into a folder that holds no run of "
                        + variation.label(value));
            }
        }
        Map<String, RunReport> reports = new LinkedHashMap<>();
        for (String value : values) {
            if (ran.get(value).error() == null) {
                reports.put(value, RecordedRun.read(ranIn.get(value).dir().resolve(variation.label(value))));
            }
        }
        List<ValueRun> runs = new ArrayList<>();
        for (String value : values) {
            Path from = ranIn.get(value).dir().resolve(variation.label(value));
            Path to = out.resolve(variation.label(value));
            if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS) && !same(from, to)) {
                FolderCopy.copy(from, to);
            }
            MatrixShard.Ran run = ran.get(value);
            RunReport report = run.error() == null ? reports.get(value)
                    : new RunReport(first.runbook(), null, run.target(), List.of(), run.elapsed());
            runs.add(new ValueRun(value, to, report, run.error()));
        }
        // the shards ran side by side: the matrix took as long as the longest of them
        Duration elapsed = byIndex.values().stream().map(MatrixShard::elapsed).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        MatrixResult result = new MatrixResult(first.runbook(), first.title() == null ? first.runbook() : first.title(),
                variation, Shard.WHOLE, runs, elapsed);
        MatrixReport.writeAll(result, out);
        return result;
    }

    /** Every shard of 1..N given, every value run: else one line naming the first shard missing and its values. */
    private static void requireComplete(MatrixShard first, Map<Integer, MatrixShard> byIndex,
                                        Map<String, MatrixShard.Ran> ran) {
        Variation variation = first.variation();
        int count = first.shard().count();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                List<String> its = new Shard(i, count).of(variation.values(), v -> v);
                throw new BadInput("merge", 0, "shard " + i + "/" + count + " of " + first.runbook() + " is missing"
                        + (its.isEmpty() ? "" : " (" + String.join(", ", its.stream().map(variation::label).toList())
                        + ")") + ": give its folder too, or --partial to merge without it");
            }
        }
        for (String value : variation.values()) {
            if (!ran.containsKey(value)) {
                throw new BadInput("merge", 0, "no shard ran " + variation.label(value)
                        + ": give the folder of the shard that did, or --partial to merge without it");
            }
        }
    }

    /** Where a matrix's reports go unless told otherwise, as for an unsharded run: {@code RUNBOOK-matrix}. */
    public static Path defaultFolder(Path shard) {
        return Rehearsal.reportsRoot().resolve(MatrixShard.read(shard).runbook() + "-matrix");
    }

    private static boolean same(Path a, Path b) throws IOException {
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }
}
