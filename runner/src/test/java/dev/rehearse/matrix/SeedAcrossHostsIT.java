package dev.rehearse.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.matrix.MatrixLocalIT.Cli;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One comparison of the seed across hosts: the Synapse test double as 1.0.0 and as 1.67.0 on the stardust host, and
 * the real Synapse Debian sid ships on the stardust-real host. The guide's bare {@code hash_password} is the one
 * regression (1.67 and later require {@code -c}); the psql UPDATE that needs its hash is skipped as a consequence,
 * not counted. The page stays for CI in {@code runner/target/rehearse/seed-across-hosts/matrix.html}.
 */
class SeedAcrossHostsIT {
    private static final String DOUBLE_100 = "container;synapse_version=1.0.0";
    private static final String DOUBLE_167 = "container;synapse_version=1.67.0";
    private static final String REAL = "container:stardust-real";

    @Test
    void hashPasswordIsTheOneRegressionFromTheDoubleToTheRealSynapse() throws Exception {
        Path root = Path.of(System.getProperty("rehearse.root"));
        Path dir = root.resolve("runner/target/rehearse/seed-across-hosts");
        Cli run = Cli.run("matrix", root.resolve("runbooks/synapse").toString(), "--vary",
                "target=" + String.join(",", DOUBLE_100, DOUBLE_167, REAL), "--jobs", "2",
                "--report-dir", dir.toString());

        JsonNode matrix = new ObjectMapper().readTree(dir.resolve("matrix.json").toFile());
        for (JsonNode r : matrix.get("runs")) {
            assertTrue(r.get("error").isNull(), r.get("value").asText() + " did not start: " + r.get("error").asText());
        }
        assertEquals(1, run.exit(), run.out() + run.err());
        JsonNode hash = step(matrix, "~/synapse/env/bin/hash_password");
        assertEquals(List.of(hash.get("n").asInt()), MatrixLocalIT.ints(matrix.get("regressions")), run.out());
        assertEquals("PASS", hash.get("verdicts").get(DOUBLE_100).asText());
        assertEquals("FAIL", hash.get("verdicts").get(DOUBLE_167).asText());
        assertEquals("FAIL", hash.get("verdicts").get(REAL).asText());
        JsonNode update = step(matrix, "psql --user synapse");
        assertEquals("PASS", update.get("verdicts").get(DOUBLE_100).asText());
        for (String value : List.of(DOUBLE_167, REAL)) {
            assertEquals("SKIP", update.get("verdicts").get(value).asText());
            assertTrue(update.get("cascaded").get(value).asBoolean(), value + ": a consequence, not a regression");
        }
        assertTrue(dir.resolve("matrix.html").toFile().isFile());
    }

    private static JsonNode step(JsonNode matrix, String title) {
        for (JsonNode s : matrix.get("steps")) {
            if (s.get("title").asText().equals(title)) {
                return s;
            }
        }
        throw new AssertionError("no step '" + title + "' in " + matrix);
    }
}
