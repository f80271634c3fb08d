package dev.rehearse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed end to end, as the README runs it: {@code rehearse run runbooks/synapse --target container} on a
 * fresh stardust host, the guide unchanged, only its sidecar. Every step runs and none fails; where the output
 * differs from the 2019 transcript, the DRIFT is listed here with its reason. Then the host is looked at: the
 * homeserver runs under supervisord and answers on the bound port, the user registered through the prompts is
 * in the database, and the hash {@code hash_password} printed is the one the psql UPDATE stored.
 */
class SeedEndToEndTest {
    /** The guide's one password, given on the command line so that the stored hash can be checked against it. */
    private static final String PASSWORD = "Seed2e2eSecret7";
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
                    + "was built from its source",
            "guide_synapse.rst:342", "the guide types USER where the user is isabell's (the UPDATE below looks for "
                    + "@isabell): both stand for the target's user, and the typed name maps back to isabell");

    @Test
    void theSeedRunsOnAFreshStardustHost() throws IOException {
        Path root = Path.of(System.getProperty("rehearse.root"));
        Path reportDir = root.resolve("runner/target/rehearse/seed-end-to-end");
        try (SeedRun run = SeedRun.run(root, reportDir, "<my super secure password>=" + PASSWORD)) {
            System.out.print(run.timings());
            JsonNode summary = run.results.path("summary");
            assertEquals(0, summary.path("fail").asInt(), "no step may fail:\n" + failures(run) + run.err);
            assertEquals(0, summary.path("skip").asInt(), "every step runs");
            assertEquals(0, run.exit, run.err);
            assertEquals(DRIFTS.keySet(), drifted(run).keySet(), "the DRIFTs, with their diffs:\n" + drifted(run));

            assertTrue(run.step("supervisorctl status").path("actual").asText().matches("(?s)synapse\\s+RUNNING\\s.*"),
                    run.step("supervisorctl status").path("actual").asText());
            assertTrue(run.inContainer("supervisorctl status synapse").contains("RUNNING"));

            String port = run.inContainer("uberspace port list").strip();
            assertEquals("[" + port + ", 8008]", run.inContainer("python3 -c 'import yaml; print([l[\"port\"] for l in "
                    + "yaml.safe_load(open(\"synapse/homeserver.yaml\"))[\"listeners\"]])'").strip());
            assertTrue(run.inContainer("curl -sS https://robin.ravel.test:" + port + "/_matrix/client/versions")
                    .contains("\"versions\""));

            String registered = run.step("register_new_matrix_user").path("actual").asText();
            assertTrue(registered.contains("Password:\nConfirm password:\n") && registered.strip().endsWith("Success!"),
                    registered);
            assertEquals("@robin:robin.ravel.test\n", run.inContainer("psql -d synapse -tAc 'select name from users'"));

            assertTrue(run.step("~/synapse/env/bin/hash_password").path("actual").asText().contains(GUIDE_HASH),
                    "the real hash is captured and shown as the guide's");
            assertTrue(run.step("psql --user synapse").path("actual").asText().contains("UPDATE 1"));
            String stored = run.inContainer("psql -d synapse -tAc \"select password_hash from users\"").strip();
            assertNotEquals(GUIDE_HASH, stored, "the UPDATE stored the guide's hash, not the one hash_password printed");
            assertEquals("True\n", run.inContainer("python3 -c 'import bcrypt, sys; print(bcrypt.checkpw(sys.argv[1]"
                    + ".encode(), sys.argv[2].encode()))' " + PASSWORD + " '" + stored + "'"));

            for (String report : new String[]{"report.html", "results.json", "junit.xml"}) {
                assertFalse(Files.readString(reportDir.resolve(report)).contains(PASSWORD), report + " shows the password");
            }
            assertFalse((run.out + run.err).contains(PASSWORD), "the output shows the password");
        }
    }

    private static Map<String, String> drifted(SeedRun run) {
        return run.steps().stream().filter(s -> s.path("verdict").asText().equals("DRIFT"))
                .collect(Collectors.toMap(s -> s.path("source").asText() + ":" + s.path("line").asInt(),
                        s -> s.path("diff").asText(), (a, b) -> a, TreeMap::new));
    }

    private static String failures(SeedRun run) {
        return run.steps().stream().filter(s -> s.path("verdict").asText().equals("FAIL"))
                .map(s -> "step " + s.path("n").asInt() + ": " + s.path("reason").asText() + "\n" + s.path("diff").asText())
                .collect(Collectors.joining("\n"));
    }
}
