package dev.rehearse.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearse.files.AtomicFiles;
import dev.rehearse.report.JunitSuites;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunEntryJson;
import dev.rehearse.run.ShardParts;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder run's own files beside its runs' folders: {@code runs.json} (every runbook of the folder, every value, the
 * shard, each run's status and counts: what {@code rehearse merge} joins), {@code runs.html} ({@link FolderPage}) and
 * {@code junit.xml}, the runs' own in one.
 */
final class FolderReport {
    static final String JSON = "runs.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FolderReport() {
    }

    static void writeAll(FolderResult result, Path dir) throws IOException {
        AtomicFiles.replace(dir.resolve(JSON), json(result));
        AtomicFiles.replace(dir.resolve(FolderResult.HTML), FolderPage.html(result, dir));
        FolderPairs pairs = result.pairs();
        AtomicFiles.replace(dir.resolve(Reports.JUNIT), JunitSuites.join(result.folder(), result.runs().stream()
                .map(ran -> new JunitSuites.Run(ran.pair().runbook(), pairs.binding(ran.pair()), ran.dir(),
                        ran.run().error())).toList()));
    }

    static String json(FolderResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("folder", result.folder());
        ArrayNode runbooks = root.putArray("runbooks");
        result.pairs().runbooks().forEach(runbooks::add);
        root.put("variable", result.pairs().variable());
        ArrayNode values = root.putArray("values");
        result.pairs().values().forEach(values::add);
        ShardParts.put(root, result.shard());
        root.put("strict", result.strict());
        ArrayNode runs = root.putArray("runs");
        for (FolderResult.Ran ran : result.runs()) {
            ObjectNode r = runs.addObject();
            r.put("runbook", ran.pair().runbook());
            r.put("value", ran.pair().value());
            r.put("dir", result.pairs().label(ran.pair()));
            RunEntryJson.put(r, ran.run().report(), ran.run().error());
        }
        root.put("failed", result.failed());
        root.put("elapsed_ms", result.elapsed().toMillis());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + JSON, e);
        }
    }
}
