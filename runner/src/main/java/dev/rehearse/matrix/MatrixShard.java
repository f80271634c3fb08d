package dev.rehearse.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearse.guide.BadInput;
import dev.rehearse.report.JsonFile;
import dev.rehearse.run.Shard;
import dev.rehearse.run.ShardParts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code matrix.json} of one report folder says about the matrix it belongs to and the part of it that ran
 * there: what {@link MatrixMerge} joins. A folder of a whole matrix is shard 1/1.
 *
 * @param file the matrix.json read
 * @param runs the values that ran there, in the order given
 */
record MatrixShard(Path dir, Path file, String runbook, String title, Variation variation, Shard shard,
                   List<Ran> runs, Duration elapsed) {

    /**
     * One value's run in that folder.
     *
     * @param target where it ran ("did not start" when it did not)
     * @param error  why it could not start, or null
     */
    record Ran(String value, String target, String error, Duration elapsed) {
    }

    /** @throws BadInput naming the folder or its matrix.json when it holds no matrix's report */
    static MatrixShard read(Path dir) {
        Path file = dir.resolve(MatrixReport.JSON);
        if (!Files.exists(file)) {
            throw new BadInput(dir.toString(), 0, Files.isDirectory(dir)
                    ? "no " + MatrixReport.JSON + ": not the report folder of a matrix or of a shard of one"
                    : "no such folder");
        }
        JsonNode root = JsonFile.read(file);
        if (!root.path("values").isArray() || !root.path("runs").isArray()
                || !root.path("variable").isTextual()) {
            throw new BadInput(file.toString(), 0, "not the matrix.json of a Rehearse matrix");
        }
        String runbook = root.path("runbook").asText();
        if (!ShardParts.namesAFolder(runbook)) {
            throw new BadInput(file.toString(), 0, "its runbook '" + runbook + "' is not the name of a runbook");
        }
        List<String> values = new ArrayList<>();
        root.get("values").forEach(v -> values.add(v.asText()));
        List<Ran> runs = new ArrayList<>();
        for (JsonNode run : root.get("runs")) {
            String value = run.path("value").asText();
            if (!values.contains(value)) {
                throw new BadInput(file.toString(), 0, "ran '" + value + "', which is not one of its values");
            }
            runs.add(new Ran(value, run.path("target").asText(), run.path("error").asText(null),
                    Duration.ofMillis(run.path("elapsed_ms").asLong())));
        }
        Shard which = ShardParts.recorded(root, file);
        Variation variation;
        try {
            variation = Variation.parse(root.get("variable").asText() + "=" + String.join(",", values));
        } catch (BadInput e) {
            throw new BadInput(file.toString(), 0, "its values: " + e.problem());
        }
        return new MatrixShard(dir, file, runbook, root.path("title").asText(null), variation,
                which, runs, Duration.ofMillis(root.path("elapsed_ms").asLong()));
    }

    /** This folder as one of the parts {@link ShardParts} joins. */
    ShardParts.Part part() {
        return new ShardParts.Part(dir, shard, runs.stream().map(Ran::value).toList());
    }

    /** Whether {@code other} is a part of the same matrix: the same runbook varied the same way over as many shards. */
    boolean sameMatrixAs(MatrixShard other) {
        return runbook.equals(other.runbook) && variation.equals(other.variation)
                && shard.count() == other.shard.count();
    }

    /** How the matrix is named in a line: {@code RUNBOOK over NAME=V1,V2 in N shards}. */
    String describe() {
        return runbook + " over " + variation.label(String.join(",", variation.values())) + " in " + shard.count()
                + " shard" + (shard.count() == 1 ? "" : "s");
    }
}
