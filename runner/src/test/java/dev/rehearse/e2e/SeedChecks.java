package dev.rehearse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearse.testing.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a run of the seed runbook on a stardust host must have done, whichever way it reached the host (the
 * container target, or SSH into the container): every step ran and none failed; where the output differs from
 * the 2019 transcript, the DRIFT is listed here with its reason. Then the host is looked at: the homeserver runs
 * under supervisord and answers on the bound port, the user registered through the prompts is in the database,
 * and the hash {@code hash_password} printed is the one the psql UPDATE stored.
 */
final class SeedChecks {
    /** The guide's one password, given on the command line so that the stored hash can be checked against it. */
    static final String PASSWORD = "Seed2e2eSecret7";
    /** The hash the guide shows; the run must carry the real one forward in its place. */
    private static final String GUIDE_HASH = "$2b$12$yK16TMDMnvj97GFBoxF9QeP2N.U8oadindcjB0Uo9TkSI3CsgwV02";

    /** Each DRIFT of the run, by the guide's file and line, with why today's world differs from the transcript. */
    private static final Map<String, String> DRIFTS = Map.of(
            "guide_synapse.rst:62", "virtualenv 20 on Python 3.11 reports what it created (\"created virtual "
                    + "environment CPython3.11...\"); virtualenv 16 on Python 3.6 printed \"Running virtualenv with "
                    + "interpreter...\"",
            "guide_synapse.rst:69", "no package index: pip finds the pip 23 the virtualenv brought already installed; "
                    + "in 2019 it downloaded pip 19.1.1 over pip 9.0.1",
            "guide_synapse.rst:78", "the same upgrade of pip, typed twice in the guide: already satisfied again",
            "guide_synapse.rst:87", "setuptools 66 came with the virtualenv and is already satisfied; in 2019 "
                    + "setuptools 41.0.1 was downloaded over 28.8.0",
            "guide_synapse.rst:95", "matrix-synapse comes from the local package folder and its dependencies from "
                    + "Debian's python3-* packages (system site packages); in 2019 pip downloaded some forty packages",
            "guide_synapse.rst:177", "Debian's python3-jinja2 3.1.2 already satisfies it; in 2019 Jinja2 2.10.1 and "
                    + "MarkupSafe were downloaded",
            "guide_synapse.rst:184", "Debian's python3-psycopg2 2.9.5 already satisfies it; in 2019 psycopg2 2.8.3 "
                    + "was built from its source");

    private SeedChecks() {
    }

    /** {@code rehearse run}'s {@code --bind} that gives the guide's password its known value */
    static String passwordBinding() {
        return "<my super secure password>=" + PASSWORD;
    }

    /** A command in a login shell of the stardust user in the container; fails the test on a non-zero exit. */
    static UnaryOperator<String> inContainer(String containerId) {
        return inContainer(containerId, Map.of());
    }

    /** As {@link #inContainer(String)}, {@code docker} run with {@code env} added (DOCKER_HOST for another engine). */
    static UnaryOperator<String> inContainer(String containerId, Map<String, String> env) {
        return command -> Processes.run(Path.of("."), env, "docker", "exec", "-u", "robin", "-w", "/home/robin",
                containerId, "bash", "-lc", command);
    }

    /**
     * @param results   the run's results.json
     * @param printed   everything the run printed on stdout and stderr
     * @param reportDir where its reports are
     * @param onHost    runs a command in a login shell of the host's user, returns its output
     */
    static void assertTheSeedRan(JsonNode results, int exit, String printed, Path reportDir, UnaryOperator<String> onHost)
            throws IOException {
        JsonNode summary = results.path("summary");
        assertEquals(0, summary.path("fail").asInt(), "no step may fail:\n" + failures(results) + printed);
        assertEquals(0, summary.path("skip").asInt(), "every step runs");
        assertEquals(0, exit, printed);
        assertEquals(DRIFTS.keySet(), drifted(results).keySet(), "the DRIFTs, with their diffs:\n" + drifted(results));

        String status = step(results, "supervisorctl status").path("actual").asText();
        assertTrue(status.matches("(?s)synapse\\s+RUNNING\\s.*"), status);
        assertTrue(onHost.apply("supervisorctl status synapse").contains("RUNNING"));

        String port = onHost.apply("uberspace port list").strip();
        assertEquals("[" + port + ", 8008]", onHost.apply("python3 -c 'import yaml; print([l[\"port\"] for l in "
                + "yaml.safe_load(open(\"synapse/homeserver.yaml\"))[\"listeners\"]])'").strip());
        assertTrue(onHost.apply("curl -sS https://robin.ravel.test:" + port + "/_matrix/client/versions")
                .contains("\"versions\""));

        String registered = step(results, "register_new_matrix_user").path("actual").asText();
        assertTrue(registered.contains("Password:\nConfirm password:\n") && registered.strip().endsWith("Success!"),
                registered);
        assertEquals("@robin:robin.ravel.test\n", onHost.apply("psql -d synapse -tAc 'select name from users'"));

        String hashed = step(results, "~/synapse/env/bin/hash_password").path("actual").asText();
        assertTrue(hashed.lines().anyMatch(GUIDE_HASH::equals), "the real hash is captured and shown as the guide's, "
                + "whole: " + hashed);
        assertTrue(step(results, "psql --user synapse").path("actual").asText().contains("UPDATE 1"));
        String stored = onHost.apply("psql -d synapse -tAc \"select password_hash from users\"").strip();
        assertNotEquals(GUIDE_HASH, stored, "the UPDATE stored the guide's hash, not the one hash_password printed");
        assertEquals("True\n", onHost.apply("python3 -c 'import bcrypt, sys; print(bcrypt.checkpw(sys.argv[1]"
                + ".encode(), sys.argv[2].encode()))' " + PASSWORD + " '" + stored + "'"));

        for (String report : new String[]{"report.html", "results.json", "junit.xml"}) {
            assertFalse(Files.readString(reportDir.resolve(report)).contains(PASSWORD), report + " shows the password");
        }
        assertFalse(printed.contains(PASSWORD), "the output shows the password");
    }

    /** the steps of results.json, in plan order */
    static List<JsonNode> steps(JsonNode results) {
        List<JsonNode> steps = new ArrayList<>();
        results.path("steps").forEach(steps::add);
        return steps;
    }

    /** the one step whose command starts with {@code prefix} */
    static JsonNode step(JsonNode results, String prefix) {
        List<JsonNode> found = steps(results).stream().filter(s -> s.path("command").asText().startsWith(prefix)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " steps start with '" + prefix + "'");
        }
        return found.get(0);
    }

    static Map<String, String> drifted(JsonNode results) {
        return steps(results).stream().filter(s -> s.path("verdict").asText().equals("DRIFT"))
                .collect(Collectors.toMap(s -> s.path("source").asText() + ":" + s.path("line").asInt(),
                        s -> s.path("diff").asText(), (a, b) -> a, TreeMap::new));
    }

    private static String failures(JsonNode results) {
        return steps(results).stream().filter(s -> s.path("verdict").asText().equals("FAIL"))
                .map(s -> "step " + s.path("n").asInt() + ": " + s.path("reason").asText() + "\n" + s.path("diff").asText())
                .collect(Collectors.joining("\n"));
    }
}
