package dev.rehearse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RehearseJar.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A runbook whose sidecar has a check that passes and one that fails, run by the jar on the local target: each check
 * is in every report, the passing one too, and the failing one fails its step as it always did.
 */
class SidecarChecksIT {
    private static final String GUIDE = """
            # Greeting

            ```console
            $ echo hello
            hello
            ```

            ```console
            $ echo done
            done
            ```
            """;
    private static final String SIDECAR = """
            checks:
              - name: greeting answers
                after: 1
                command: echo hello
                expect: hel+o
              - name: marker still there at the end
                command: test -e /nonexistent/rehearse-marker
            """;

    @TempDir
    Path dir;

    @Test
    void aPassingAndAFailingCheckAreInEveryReportAndTheFailingOneFailsItsStep() throws Exception {
        Path runbook = Files.createDirectories(dir.resolve("greeting"));
        Files.writeString(runbook.resolve("guide.md"), GUIDE);
        Files.writeString(runbook.resolve("runbook.yaml"), SIDECAR);
        Path reports = dir.resolve("reports");

        Outcome run = RehearseJar.run("run", runbook.toString(), "--target", "local", "--report-dir",
                reports.toString());

        assertEquals(1, run.exit(), run.both());
        assertTrue(run.out().contains("rehearse: 1 PASS, 0 DRIFT, 1 FAIL, 0 SKIP in "), run.out());
        assertTrue(run.out().contains("\nchecks: 1 PASS, 1 FAIL\n"), run.out());
        assertTrue(run.out().contains("FAIL  check  "), run.out());
        assertTrue(run.out().contains("runbook.yaml:6, after step 2  marker still there at the end\n      exit status 1\n"),
                run.out());

        String json = Files.readString(reports.resolve("results.json"));
        assertEquals(List.of(), JsonSchemas.problems("results", json));
        JsonNode checks = new ObjectMapper().readTree(json).get("checks");
        assertEquals(2, checks.size(), json);
        assertEquals(List.of("greeting answers", "PASS", "1", "null"), fields(checks.get(0)));
        assertEquals(List.of("marker still there at the end", "FAIL", "2", "exit status 1"), fields(checks.get(1)));
        assertTrue(json.contains("check 'marker still there at the end' failed: exit status 1"),
                "its step fails as before:\n" + json);

        String junit = Files.readString(reports.resolve("junit.xml"));
        assertTrue(junit.contains("tests=\"4\""), junit);
        assertTrue(junit.contains("<testcase name=\"greeting answers ("), junit);
        assertTrue(junit.contains("classname=\"greeting.checks\""), junit);
        assertTrue(junit.contains("<failure message=\"exit status 1\" type=\"CHECK\">"), junit);

        String html = Files.readString(reports.resolve("report.html"));
        assertTrue(html.contains("<span class=\"chip pass\">PASS</span> <b>greeting answers</b>"), html);
        assertTrue(html.contains("<span class=\"chip fail\">FAIL</span> <b>marker still there at the end</b>"), html);
    }

    private static List<String> fields(JsonNode check) {
        return List.of(check.get("name").asText(), check.get("verdict").asText(), check.get("after").asText(),
                check.get("reason").asText());
    }
}
