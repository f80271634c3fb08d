package dev.rehearse.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearse.guide.BadInput;
import dev.rehearse.report.JsonFile;
import dev.rehearse.report.RecordedRun;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.ReportedRun;
import dev.rehearse.run.Shard;
import dev.rehearse.run.ShardParts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code rehearse merge} of a folder's runs: the report folders of its shards ({@code runs FOLDER --shard I/N})
 * joined into one, as one run of the whole folder would have written it: every runbook's folder copied in, then
 * {@code runs.json} and {@code junit.xml} made from the runbooks' own reports ({@link ShardParts} checks the shards).
 */
public final class FolderMerge {
    private FolderMerge() {
    }

    /** Whether {@code dir} holds a folder run's reports (its {@code runs.json}), not a matrix's. */
    public static boolean holdsFolderRun(Path dir) {
        return Files.isRegularFile(dir.resolve(FolderReport.JSON));
    }

    /** Where a folder's reports go unless told otherwise, as for an unsharded run: {@code FOLDER-runs}. */
    public static Path defaultFolder(Path shard) {
        return Rehearsal.reportsRoot().resolve(read(shard).path("folder").asText() + "-runs");
    }

    /** @throws BadInput when the folders are not the shards of one folder's runs */
    public static FolderResult merge(List<Path> dirs, Path out, boolean partial) throws IOException {
        List<ShardParts.Part> parts = new ArrayList<>();
        Map<String, JsonNode> entries = new HashMap<>();
        JsonNode first = null;
        Duration elapsed = Duration.ZERO;
        for (Path dir : dirs) {
            JsonNode root = read(dir);
            if (first == null) {
                first = root;
            } else if (!root.path("folder").equals(first.path("folder"))
                    || !root.path("runbooks").equals(first.path("runbooks"))
                    || !root.path("variable").equals(first.path("variable"))
                    || !root.path("values").equals(first.path("values"))
                    || count(root) != count(first)) {
                throw new BadInput(dir.resolve(FolderReport.JSON).toString(), 0, "a part of other runs than "
                        + dirs.get(0) + " (another folder, other runbooks or values, or split in another number of "
                        + "shards)");
            }
            FolderPairs its = pairs(root);
            List<String> ran = new ArrayList<>();
            for (JsonNode run : root.path("runs")) {
                String label = its.label(new FolderPairs.Pair(run.path("runbook").asText(),
                        run.path("value").asText(null)));
                ran.add(label);
                entries.put(label, run);
            }
            parts.add(new ShardParts.Part(dir, ShardParts.recorded(root, dir.resolve(FolderReport.JSON)), ran));
            // the shards ran side by side: the whole took as long as the longest of them
            elapsed = elapsed.compareTo(Duration.ofMillis(root.path("elapsed_ms").asLong())) > 0 ? elapsed
                    : Duration.ofMillis(root.path("elapsed_ms").asLong());
        }
        FolderPairs pairs = pairs(first);
        Map<String, FolderPairs.Pair> byLabel = new LinkedHashMap<>();
        pairs.all().forEach(pair -> byLabel.put(pairs.label(pair), pair));
        Map<String, ShardParts.Part> ranBy = ShardParts.join(parts, List.copyOf(byLabel.keySet()),
                label -> FolderPairs.order(byLabel.get(label)), first.path("folder").asText(), label -> label,
                partial);
        Map<String, ReportedRun> runs = new HashMap<>();
        for (Map.Entry<String, ShardParts.Part> item : ranBy.entrySet()) {
            JsonNode entry = entries.get(item.getKey());
            String error = entry.path("error").asText(null);
            runs.put(item.getKey(), new ReportedRun(error == null
                    ? RecordedRun.read(item.getValue().dir().resolve(item.getKey()))
                    : new RunReport(byLabel.get(item.getKey()).runbook(), null, entry.path("target").asText(),
                    List.of(), Duration.ofMillis(entry.path("elapsed_ms").asLong())), error));
        }
        Map<String, Path> copied = ShardParts.copyInto(ranBy, label -> label, out);
        List<FolderResult.Ran> joined = new ArrayList<>();
        ranBy.keySet().forEach(label -> joined.add(new FolderResult.Ran(byLabel.get(label), copied.get(label),
                runs.get(label))));
        FolderResult result = new FolderResult(first.path("folder").asText(), pairs, Shard.WHOLE,
                first.path("strict").asBoolean(), joined, elapsed);
        FolderReport.writeAll(result, out);
        return result;
    }

    private static FolderPairs pairs(JsonNode root) {
        List<String> runbooks = new ArrayList<>();
        root.path("runbooks").forEach(name -> runbooks.add(name.asText()));
        List<String> values = new ArrayList<>();
        root.path("values").forEach(value -> values.add(value.asText()));
        return new FolderPairs(runbooks, root.path("variable").asText(null), values);
    }

    private static JsonNode read(Path dir) {
        Path file = dir.resolve(FolderReport.JSON);
        JsonNode root = JsonFile.read(file);
        if (!root.path("runbooks").isArray() || !root.path("runs").isArray()) {
            throw new BadInput(file.toString(), 0, "not the runs.json of a Rehearse folder run");
        }
        String folder = root.path("folder").asText();
        if (!ShardParts.namesAFolder(folder)) {
            throw new BadInput(file.toString(), 0, "'" + folder + "' is not the name of a folder");
        }
        // a runbook, a variable and a value make the name of a folder in the merged reports: none can lead out
        // a runbook's name is its path below the folder run; a value names one folder
        Set<String> runbooks = names(root.get("runbooks"), file, "runbook", ShardParts::namesAPath);
        Set<String> values = names(root.path("values"), file, "value", ShardParts::namesAFolder);
        String variable = root.path("variable").asText(null);
        if (variable != null && !ShardParts.namesAFolder(variable) || variable == null && !values.isEmpty()) {
            throw new BadInput(file.toString(), 0, "'" + variable + "' is not the name of a variable");
        }
        for (JsonNode run : root.get("runs")) {
            String value = run.path("value").asText(null);
            if (!runbooks.contains(run.path("runbook").asText())
                    || (variable == null ? value != null : !values.contains(value))) {
                throw new BadInput(file.toString(), 0, "ran '" + run.path("runbook").asText()
                        + (value == null ? "" : "' with '" + value) + "', which is not one of its runs");
            }
        }
        return root;
    }

    private static Set<String> names(JsonNode list, Path file, String what, Predicate<String> safe) {
        Set<String> names = new HashSet<>();
        for (JsonNode name : list) {
            if (!safe.test(name.asText())) {
                throw new BadInput(file.toString(), 0, "'" + name.asText() + "' is not the name of a " + what);
            }
            names.add(name.asText());
        }
        return names;
    }

    private static int count(JsonNode root) {
        return root.path("shard").isObject() ? root.path("shard").path("count").asInt() : 1;
    }
}
