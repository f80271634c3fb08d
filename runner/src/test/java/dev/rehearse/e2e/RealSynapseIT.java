package dev.rehearse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearse.cli.Main;
import dev.rehearse.testing.Processes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed against the real Synapse, the newest Debian ships (the stardust-real host: Debian sid, its
 * matrix-synapse), the guide unchanged: {@code rehearse run runbooks/synapse --target container:stardust-real}.
 * Where the 2019 guide is wrong today the run says exactly that and nothing else; the homeserver it installed runs,
 * answers through the bound port, and holds the user registered through the prompts; the maintainer's fix goes
 * through to {@code UPDATE 1}; {@code update} from a run there writes only what holds for any reader.
 */
class RealSynapseIT {
    private static final String TARGET = "container:stardust-real";
    private static final Path ROOT = Path.of(System.getProperty("rehearse.root"));
    private static final Path REPORTS = ROOT.resolve("runner/target/rehearse/real-synapse");
    private static final String HASH_PASSWORD = "guide_synapse.rst:362";
    private static final String PSQL_UPDATE = "guide_synapse.rst:374";
    /** the fix a maintainer would make: since 1.67 hash_password requires the config (-c) */
    private static final String FIX = "hash_password=hash_password -c homeserver.yaml";

    /** Each DRIFT on the real host, by the guide's file and line, with why today's world differs from 2019's. */
    private static final Map<String, String> DRIFTS = Map.of(
            "guide_synapse.rst:62", "virtualenv 20 reports what it created (\"created virtual environment "
                    + "CPython3.14...\"); virtualenv 16 on Python 3.6 printed \"Running virtualenv with interpreter\"",
            "guide_synapse.rst:69", "no package index: pip finds the pip the virtualenv brought already installed; "
                    + "in 2019 it downloaded pip 19.1.1 over pip 9.0.1",
            "guide_synapse.rst:78", "the same upgrade of pip, typed twice in the guide: already satisfied again",
            "guide_synapse.rst:87", "the virtualenv brought no setuptools (Python 3.12 and later); Debian's is "
                    + "already satisfied; in 2019 setuptools 41.0.1 was downloaded over 28.8.0",
            "guide_synapse.rst:95", "Synapse comes from the host's package folder and its dependencies from "
                    + "Debian's python3-* packages; in 2019 pip downloaded some forty packages",
            "guide_synapse.rst:177", "Debian's python3-jinja2 already satisfies it; in 2019 Jinja2 2.10.1 and "
                    + "MarkupSafe were downloaded",
            "guide_synapse.rst:184", "Debian's python3-psycopg2 already satisfies it; in 2019 psycopg2 2.8.3 was "
                    + "built from its source");

    @Test
    void theGuideAsWrittenFailsWhereItIsWrongTodayAndNowhereElse() throws IOException {
        try (SeedRun run = SeedRun.on(TARGET, ROOT.resolve("runbooks/synapse"), REPORTS.resolve("as-written"),
                SeedChecks.passwordBinding())) {
            System.out.print(run.timings());
            JsonNode hash = byPlace(run.results, HASH_PASSWORD);
            assertEquals("FAIL", hash.path("verdict").asText(), run.out + run.err);
            assertEquals("exit status 2: hash_password: error: the following arguments are required: -c/--config",
                    hash.path("reason").asText());
            assertTrue(hash.path("actual").asText().contains("the following arguments are required: -c/--config"),
                    hash.path("actual").asText());
            JsonNode update = byPlace(run.results, PSQL_UPDATE);
            assertEquals("SKIP", update.path("verdict").asText());
            assertTrue(update.path("reason").asText().contains("which step " + hash.path("n").asInt()
                    + " should have captured, and step " + hash.path("n").asInt() + " FAILed"), update.toString());
            for (JsonNode step : SeedChecks.steps(run.results)) {
                String place = place(step);
                if (!place.equals(HASH_PASSWORD) && !place.equals(PSQL_UPDATE)) {
                    assertTrue(Stream.of("PASS", "DRIFT").anyMatch(step.path("verdict").asText()::equals),
                            place + " " + step.path("verdict").asText() + ": " + step.path("reason").asText());
                }
            }
            assertEquals(DRIFTS.keySet(), SeedChecks.drifted(run.results).keySet(),
                    "the DRIFTs, with their diffs:\n" + SeedChecks.drifted(run.results));
            assertEquals(1, run.exit);

            UnaryOperator<String> onHost = SeedChecks.inContainer(run.containerId);
            assertTrue(onHost.apply("supervisorctl status synapse").matches("(?s)synapse\\s+RUNNING\\s.*"));
            assertEquals(heldVersion(), onHost.apply("synapse/env/bin/python -c 'import synapse; "
                    + "print(synapse.__version__)'").strip(), "the pin follows the Synapse the host holds");
            String port = onHost.apply("uberspace port list").strip();
            assertTrue(onHost.apply("curl -sS https://robin.ravel.test:" + port + "/_matrix/client/versions")
                    .contains("\"versions\""));
            assertTrue(login(onHost, port).contains("\"access_token\""), "the user registered through the prompts "
                    + "logs in");
        }
    }

    @Test
    void theMaintainersFixGoesThroughToTheUpdate() throws IOException {
        try (SeedRun run = SeedRun.on(TARGET, ROOT.resolve("runbooks/synapse"), REPORTS.resolve("fixed"),
                SeedChecks.passwordBinding(), FIX)) {
            System.out.print(run.timings());
            assertEquals(0, run.exit, run.out + run.err);
            assertEquals(0, run.results.path("summary").path("fail").asInt());
            assertEquals(0, run.results.path("summary").path("skip").asInt());
            assertTrue(byPlace(run.results, PSQL_UPDATE).path("actual").asText().contains("UPDATE 1"));
            UnaryOperator<String> onHost = SeedChecks.inContainer(run.containerId);
            String stored = onHost.apply("psql -d synapse -tAc \"select password_hash from users\"").strip();
            assertTrue(stored.startsWith("$2b$"), stored);
            assertNotEquals("$2b$12$yK16TMDMnvj97GFBoxF9QeP2N.U8oadindcjB0Uo9TkSI3CsgwV02", stored);
            assertEquals("True\n", onHost.apply("python3 -c 'import bcrypt, sys; print(bcrypt.checkpw(sys.argv[1]"
                    + ".encode(), sys.argv[2].encode()))' " + SeedChecks.PASSWORD + " '" + stored + "'"));
            assertTrue(login(onHost, onHost.apply("uberspace port list").strip()).contains("\"access_token\""),
                    "the password behind the stored hash logs in");
        }
    }

    @Test
    void updateFromTheRealHostWritesOnlyWhatHoldsForAnyReader() throws IOException {
        Path copy = Files.createTempDirectory("rehearse-real-update");
        Processes.run(ROOT, Map.of(), "cp", "-r", ROOT.resolve("runbooks/synapse").toString(), copy.toString());
        Path runbook = copy.resolve("synapse");
        Path guide = runbook.resolve("guide_synapse.rst");
        String before = Files.readString(guide);
        List<Integer> touched;
        try (SeedRun first = SeedRun.on(TARGET, runbook, REPORTS.resolve("before-update"), SeedChecks.passwordBinding(), FIX)) {
            touched = SeedChecks.steps(first.results).stream().filter(s -> s.path("verdict").asText().equals("DRIFT"))
                    .map(s -> s.path("n").asInt()).toList();
            assertEquals(DRIFTS.size(), touched.size(), "the DRIFTs on the real host: " + touched);
            StringWriter out = new StringWriter();
            int exit = Main.execute(new String[]{"update", runbook.toString(), "--from-report",
                    first.reportDir.toString(), "--bind", FIX}, new PrintWriter(out, true), new PrintWriter(out, true));
            assertEquals(0, exit, out.toString());
        }
        String after = Files.readString(guide);
        assertNotEquals(before, after, "the drifted steps are updated");
        // the test host's paths and package source, virtualenv's timing, what --bind gave
        for (String hostOnly : List.of("/usr/lib", "dist-packages", "/opt/wheels", "file:", "\\d+ms\\b",
                "matrix-synapse==", "-c homeserver\\.yaml")) {
            assertFalse(Pattern.compile(hostOnly).matcher(added(before, after)).find(),
                    "update wrote '" + hostOnly + "':\n" + added(before, after));
        }
        for (String line : added(before, after).lines().toList()) {
            assertTrue(line.startsWith("    ") || line.isBlank(), "the guide's indentation of output (4): '" + line + "'");
        }
        try (SeedRun second = SeedRun.on(TARGET, runbook, REPORTS.resolve("after-update"), SeedChecks.passwordBinding(), FIX)) {
            // the steps keep their numbers; their lines moved up where the update wrote fewer lines
            Map<Integer, String> verdicts = new TreeMap<>();
            for (int n : touched) {
                verdicts.put(n, SeedChecks.steps(second.results).get(n - 1).path("verdict").asText());
            }
            assertTrue(verdicts.values().stream().allMatch("PASS"::equals), "after update: " + verdicts
                    + "\n" + SeedChecks.drifted(second.results));
        }
    }

    /** POST /_matrix/client/v3/login with the user's password, through the bound port; the answer */
    private static String login(UnaryOperator<String> onHost, String port) {
        return onHost.apply("curl -sS -X POST -H 'Content-Type: application/json' -d '{\"type\": \"m.login.password\", "
                + "\"identifier\": {\"type\": \"m.id.user\", \"user\": \"robin\"}, \"password\": \"" + SeedChecks.PASSWORD
                + "\"}' https://robin.ravel.test:" + port + "/_matrix/client/v3/login");
    }

    /** the Synapse version the stardust-real image says it holds */
    private static String heldVersion() {
        return Processes.run(ROOT, Map.of(), "docker", "image", "inspect", "-f",
                "{{index .Config.Labels \"dev.rehearse.fact.synapse_version\"}}", "rehearse/stardust-real:latest").strip();
    }

    private static JsonNode byPlace(JsonNode results, String place) {
        return SeedChecks.steps(results).stream().filter(s -> place(s).equals(place)).findFirst()
                .orElseThrow(() -> new AssertionError("no step at " + place));
    }

    private static String place(JsonNode step) {
        return step.path("source").asText() + ":" + step.path("line").asInt();
    }

    /** the lines {@code after} has that {@code before} has not */
    private static String added(String before, String after) {
        List<String> old = before.lines().toList();
        StringBuilder added = new StringBuilder();
        after.lines().filter(l -> !old.contains(l)).forEach(l -> added.append(l).append('\n'));
        return added.toString();
    }
}
