package dev.rehearse.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.cli.JsonSchemas;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.VarValue;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Shard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a matrix's pages say of the runs' vars: across hosts, the version under test follows each host's fact, and
 * matrix.html and matrix.json say so under each column, not only the value varied.
 */
class MatrixVarsTest {
    private static final Variation ACROSS_HOSTS = Variation.parse("target=container,container:stardust-real");
    private static final CommandStep INSTALL = new CommandStep(1, "guide.rst", 12, List.of("Install"),
            "pip install matrix-synapse", null, List.of(), List.of(), List.of(), StepPolicy.DEFAULT);
    private static final VarValue CHANNEL = new VarValue("channel", "stable", VarValue.From.DEFAULT, null, false);

    @TempDir
    Path dir;

    @Test
    void theVersionUnderTestThatFollowsEachHostsFactIsUnderEachColumn() throws IOException {
        MatrixResult result = matrix(List.of(
                List.of(new VarValue("synapse_version", "1.0.0", VarValue.From.DEFAULT, null, false), CHANNEL),
                List.of(new VarValue("synapse_version", "1.160.0", VarValue.From.FACT, "synapse_version", false),
                        CHANNEL)));

        MatrixReport.writeAll(result, dir);

        String html = Files.readString(dir.resolve(MatrixReport.HTML));
        String head = html.substring(html.indexOf("<thead>"), html.indexOf("</thead>"));
        String version = head.substring(head.indexOf("<tr class=\"var differs\">"));
        version = version.substring(0, version.indexOf("</tr>"));
        assertTrue(version.contains("<th colspan=\"3\">synapse_version</th>"), version);
        assertTrue(version.indexOf("<b>1.0.0</b> <small class=\"from\">default</small>")
                < version.indexOf("<b>1.160.0</b> <small class=\"from\">fact synapse_version</small>"), version);
        assertTrue(head.matches("(?s).*<tr class=\"var \">\\s*<th colspan=\"3\">channel</th>.*"),
                "few vars: the same ones are shown too, unmarked: " + head);
        String json = Files.readString(dir.resolve(MatrixReport.JSON));
        assertEquals(List.of(), JsonSchemas.problems("matrix", json));
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals("[\"synapse_version\"]", root.get("differing_vars").toString());
        assertEquals("1.160.0", root.at("/runs/1/vars/0/value").asText());
        assertEquals("synapse_version", root.at("/runs/1/vars/0/fact").asText());
    }

    @Test
    void withManyVarsOnlyThoseThatDifferAreShownAndARunThatDidNotStartChangesNone() throws IOException {
        List<VarValue> same = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            same.add(new VarValue("v" + i, "x", VarValue.From.DEFAULT, null, false));
        }
        List<VarValue> other = new ArrayList<>(same);
        other.set(3, new VarValue("v3", "y", VarValue.From.BOUND, null, false));
        MatrixResult result = matrix(List.of(same, other, List.of()));

        MatrixReport.writeAll(result, dir);

        String head = Files.readString(dir.resolve(MatrixReport.HTML)).split("</thead>")[0];
        assertEquals(1, head.split("<tr class=\"var").length - 1, head);
        assertTrue(head.contains("<th colspan=\"3\">v3</th>"), head);
        assertTrue(head.contains("<th class=\"value\">—</th>"), "the run that did not start has none: " + head);
    }

    /** One run a list of vars, the last one that did not start when it has none, each run passing its one step. */
    private MatrixResult matrix(List<List<VarValue>> vars) throws IOException {
        Variation variation = vars.size() == 2 ? ACROSS_HOSTS : Variation.parse("v=a,b,c");
        List<ValueRun> runs = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            String value = variation.values().get(i);
            Path runDir = dir.resolve(variation.label(value));
            if (vars.get(i).isEmpty()) {
                runs.add(new ValueRun(value, runDir, new RunReport("synapse", null, "did not start", List.of(),
                        Duration.ZERO), "no such image"));
                continue;
            }
            RunReport report = new RunReport("synapse", null, value, List.of(new StepResult(INSTALL, Verdict.PASS, 0,
                    "", "", "", null, Duration.ofMillis(5))), Duration.ofMillis(50), List.of(),
                    new RunReport.Origin("run-" + i, "2026-12-02T02:00:00Z", 7, null, List.of()), vars.get(i), List.of());
            Reports.writeAll(report, runDir);
            runs.add(new ValueRun(value, runDir, report, null));
        }
        return new MatrixResult("synapse", "Synapse", variation, Shard.WHOLE, runs, Duration.ofMillis(100));
    }
}
