package dev.rehearse.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.matrix.MatrixLocalIT.Cli;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed runbook on two versions of the Synapse test double, each on a fresh stardust container, two at a time:
 * the guide's {@code hash_password} (no {@code -c}) works on 1.0.0 and is refused by 1.67.0, which requires
 * {@code -c}. That one step is the regression; the psql UPDATE after it is skipped on 1.67.0 only as a consequence.
 * Needs the Docker engine and the stardust image ({@code .ci/setup}); the reports stay under
 * {@code target/rehearse/seed-matrix}.
 */
class SeedMatrixIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hashPasswordWithoutConfigIsTheOneRegressionFrom100To167() throws Exception {
        Path dir = Path.of("target", "rehearse", "seed-matrix").toAbsolutePath();
        Path seed = Path.of(System.getProperty("rehearse.root"), "runbooks", "synapse");

        deleteTree(dir);

        Cli run = Cli.run("matrix", seed.toString(), "--vary", "synapse_version=1.0.0,1.67.0", "--jobs", "2",
                "--target", "container", "--report-dir", dir.toString());

        assertNotEquals(2, run.exit(), "bad input: " + run.err());
        JsonNode matrix = JSON.readTree(dir.resolve("matrix.json").toFile());
        for (JsonNode r : matrix.get("runs")) {
            assertTrue(r.get("error").isNull(), "the run of " + r.get("value").asText() + " did not start (is the Docker "
                    + "engine up and the stardust image built? .ci/setup): " + r.get("error").asText());
        }
        assertEquals(1, run.exit(), run.out() + run.err());
        JsonNode hash = step(matrix, "~/synapse/env/bin/hash_password");
        assertEquals(List.of(hash.get("n").asInt()), MatrixLocalIT.ints(matrix.get("regressions")), run.out());
        assertEquals("PASS", hash.get("verdicts").get("1.0.0").asText());
        assertEquals("FAIL", hash.get("verdicts").get("1.67.0").asText());

        JsonNode update = step(matrix, "psql --user synapse");
        assertEquals("PASS", update.get("verdicts").get("1.0.0").asText(), "1.0.0's hash reached the UPDATE");
        assertEquals("SKIP", update.get("verdicts").get("1.67.0").asText());
        assertTrue(update.get("cascaded").get("1.67.0").asBoolean(), "skipped after the FAIL, not a regression");

        JsonNode refused = step(JSON.readTree(dir.resolve("synapse_version=1.67.0/results.json").toFile()),
                "~/synapse/env/bin/hash_password");
        assertEquals("exit status 2: hash_password: error: the following arguments are required: -c/--config",
                refused.get("reason").asText());
        assertTrue(refused.get("diff").asText().contains("+hash_password: error: the following arguments are required: "
                + "-c/--config"), refused.get("diff").asText());
        for (String version : List.of("1.0.0", "1.67.0")) {
            JsonNode install = step(JSON.readTree(dir.resolve("synapse_version=" + version + "/results.json").toFile()),
                    "pip install matrix-synapse");
            assertTrue(install.get("actual").asText().contains("Successfully installed matrix-synapse-" + version),
                    "the sidecar pinned the version under test: " + install.get("actual").asText());
        }
        assertTrue(run.out().contains("regression: step " + hash.get("n").asInt() + " (guide_synapse.rst:362) "
                + "~/synapse/env/bin/hash_password: 1.0.0 PASS, 1.67.0 FAIL"), run.out());
    }

    /** A previous run's reports must not pass for this one's. */
    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The first step (in a matrix.json or a results.json) whose title or command is {@code command}. */
    private static JsonNode step(JsonNode report, String command) {
        for (JsonNode s : report.get("steps")) {
            JsonNode shown = s.has("title") ? s.get("title") : s.get("command");
            if (shown != null && shown.asText().equals(command)) {
                return s;
            }
        }
        throw new AssertionError("no step '" + command + "' in " + report);
    }
}
