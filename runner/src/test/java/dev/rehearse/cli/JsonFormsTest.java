package dev.rehearse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code blocks --json}, {@code plan --json} and {@code lint --format json|sarif} print, checked against the
 * schemas in docs/schemas that document them (results.json: TerminalIT, on a real run). Through the real command
 * line, in this process, on the repository's own guides.
 */
class JsonFormsTest {
    private static final Path ROOT = Path.of(System.getProperty("rehearse.root", ".."));
    private static final List<String> GUIDES = List.of("runbooks/synapse", "fixtures/workers", "fixtures/guides/greeter.md",
            "fixtures/guides/greeter.rst", "fixtures/guides/greeter.adoc", "fixtures/guides/prompts.rst",
            "fixtures/guides/port-later", "docs/first-guide.md", "fixtures/guides/untuned/doctest.md");

    private static String rehearse(String... args) {
        CliRun run = CliRun.of(args);
        assertTrue(run.exit() == 0 || args[0].equals("lint") && run.exit() == 1, run.err());
        return run.out();
    }

    @Test
    void blocksLinesFollowTheirSchema() {
        for (String guide : List.of("runbooks/synapse/guide_synapse.rst", "fixtures/guides/greeter.md",
                "fixtures/guides/greeter.adoc")) {
            List<String> lines = rehearse("blocks", "--json", ROOT.resolve(guide).toString()).lines().toList();
            assertFalse(lines.isEmpty(), guide);
            for (String line : lines) {
                assertEquals(List.of(), JsonSchemas.problems("blocks", line), line);
            }
        }
    }

    @Test
    void plansFollowTheirSchemaWithCommandsEditsWritesAndSecrets() throws Exception {
        List<String> kinds = new ArrayList<>();
        int withoutPrompt = 0;
        for (String guide : GUIDES) {
            String plan = rehearse("plan", "--json", ROOT.resolve(guide).toString());
            assertEquals(List.of(), JsonSchemas.problems("plan", plan), guide);
            for (JsonNode step : new ObjectMapper().readTree(plan).get("steps")) {
                kinds.add(step.get("kind").asText());
                withoutPrompt += step.has("prompt") && step.get("prompt").isNull() ? 1 : 0;
            }
        }
        assertTrue(kinds.containsAll(List.of("command", "edit", "write")), kinds.toString());
        // a REPL started for a block of its lines shows no shell prompt (doctest.md): null, not a crash
        assertEquals(1, withoutPrompt);
    }

    @Test
    void lintFindingsFollowTheirSchemaAsJsonAndAsSarif() throws Exception {
        List<String> args = new ArrayList<>(List.of("lint"));
        GUIDES.forEach(guide -> args.add(ROOT.resolve(guide).toString()));
        args.add(ROOT.resolve("fixtures/guides/broken/defects.md").toString());
        args.add(ROOT.resolve("fixtures/guides/broken/defects.adoc").toString());

        String json = rehearse(concat(args, "--format", "json"));
        assertEquals(List.of(), JsonSchemas.problems("lint", json));
        JsonNode findings = new ObjectMapper().readTree(json).get("findings");
        assertTrue(findings.size() > 10, json);

        String sarif = rehearse(concat(args, "--format", "sarif"));
        assertEquals(List.of(), JsonSchemas.problems("lint.sarif", sarif));
        JsonNode results = new ObjectMapper().readTree(sarif).get("runs").get(0).get("results");
        assertEquals(findings.size(), results.size());
        JsonNode first = results.get(0);
        JsonNode finding = findings.get(0);
        assertEquals(finding.get("rule").asText(), first.get("ruleId").asText());
        assertEquals(finding.get("line").asInt(),
                first.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
    }

    @Test
    void aDocumentThatBreaksItsSchemaIsReported() {
        assertEquals(List.of("/findings/0/level: does not have a value in the enumeration [\"error\", \"warning\", \"info\"]"),
                JsonSchemas.problems("lint", "{\"findings\": [{\"file\": \"a.md\", \"line\": 1, \"column\": 1, "
                        + "\"level\": \"fatal\", \"rule\": \"x\", \"message\": \"m\"}], \"summary\": {\"errors\": 0, "
                        + "\"warnings\": 0, \"infos\": 0, \"guides\": 1}}"));
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
