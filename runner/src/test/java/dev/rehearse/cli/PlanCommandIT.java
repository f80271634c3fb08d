package dev.rehearse.cli;

import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RehearseJar.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.testing.Checkout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCommandIT {
    private static final String RUNBOOK = Checkout.root().resolve("runbooks/synapse").toString();
    private static final String SECRET = "Sup3rS3cretValue";

    @Test
    void textShowsEveryStepWithBindingsAppliedAndNeverTheSecret() {
        Outcome run = RehearseJar.run("plan", RUNBOOK, "--bind", "<my super secure password>=" + SECRET);
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("synapse: guide_synapse.rst with runbook.yaml\n"), out);
        assertTrue(out.contains("30 steps: 26 commands, 3 edits, 1 write\n"), out);
        assertTrue(out.contains("  1 command guide_synapse.rst:42  Synapse > Prerequisites\n    $ createuser synapse -P\n"
                + "      at \"Enter password for new role:\" type \"<my super secure password>\" (hidden)\n"), out);
        assertTrue(out.contains("    $ createdb \\\n    >   --encoding=UTF8 \\\n"), "a command's lines as typed: " + out);
        assertTrue(out.contains("    $ virtualenv -p python3 ~/synapse/env\n      Running virtualenv with interpreter "
                + "/usr/bin/python3.6\n"), "the output it is checked against, as the guide shows it: " + out);
        assertTrue(out.contains("      Installing collected packages: pip\n      (4 more lines of output; plan --json "
                + "lists them)\n"), "a long output's first lines only: " + out);
        assertFalse(out.contains("Successfully installed pip-19.1.1"), out);
        assertTrue(out.contains(" 15 command includes/open-port.rst:5"), out);
        assertTrue(out.contains("  40312 <- captured by step 15: Port (\\d+) will be open\n"), out);
        assertTrue(out.contains(" 20 write   guide_synapse.rst:288"), out);
        assertTrue(out.contains("    $ pip install -U matrix-synapse==1.0.0\n"), out);
        assertTrue(out.contains("password: \"<my super secure password>\""), "the edit shows the placeholder");
        assertTrue(out.contains("  <my super secure password> -> (secret)  [command-line]\n"), out);
        assertFalse(out.contains(SECRET) || run.err().contains(SECRET));
    }

    /** Before, --explain printed the one line alone, where what each block is instead is the answer sought. */
    @Test
    void explainingAGuideWithNoStepListsWhatItsBlocksAreBeforeTheError(@TempDir Path dir) throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.md"), "# Try it\n\nFor example:\n\n```python\n"
                + "print(1 + 1)\n```\n");
        Outcome run = RehearseJar.run("plan", "--explain", guide.toString());
        assertEquals(2, run.exit(), run.both());
        assertTrue(run.out().contains("0 steps: 0 commands, 0 edits, 0 writes\n"), run.out());
        assertTrue(run.out().contains("not steps:\n    guide.md:6  python: prose example\n"), run.out());
        assertEquals(guide + ": no step to run: the guide shows no command to type and no file to write",
                run.err().strip());
    }

    /**
     * With --target, the bindings are the target's own, as a run there types them: the target opens to learn its
     * user, home and host, and closes. Standard output stays the plan alone (JSON too); what it was planned for goes
     * to standard error.
     */
    @Test
    void onATargetTheBindingsAreTheTargetsOwn() throws IOException {
        String hello = Checkout.root().resolve("fixtures/guides/hello.rst").toString();
        Outcome offline = RehearseJar.run("plan", hello);
        assertTrue(offline.out().contains("  isabell -> rehearse  [target]\n"), offline.out());
        Outcome text = RehearseJar.run("plan", hello, "--target", "local");
        assertEquals(0, text.exit(), text.both());
        Matcher planned = Pattern.compile("rehearse: planned for local (\\S+) \\(user (\\S+?)[,)]").matcher(text.err());
        assertTrue(planned.find(), text.err());
        String home = planned.group(1);
        String user = planned.group(2);
        assertTrue(text.out().contains("  isabell -> " + user + "  [target]\n"), text.out());
        assertTrue(text.out().contains("  /home/isabell -> " + home + "  [target]\n"), text.out());
        Outcome json = RehearseJar.run("plan", hello, "--target", "local", "--json");
        assertEquals(0, json.exit(), json.both());
        JsonNode bindings = new ObjectMapper().readTree(json.out()).get("bindings");
        assertEquals(user, bindings.get(0).get("value").asText());
        assertEquals(home, bindings.get(2).get("value").asText());
    }

    @Test
    void jsonHasTheStepsTheirKindsAndPlacesAndNoSecret() throws IOException {
        Outcome run = RehearseJar.run("plan", RUNBOOK, "--json", "--bind", "synapse_version=1.67.0",
                "--bind", "<my super secure password>=" + SECRET);
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.out().contains(SECRET));
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode steps = root.get("steps");
        assertEquals(30, steps.size());
        JsonNode first = steps.get(0);
        assertEquals(1, first.get("n").asInt());
        assertEquals("command", first.get("kind").asText());
        assertEquals("guide_synapse.rst", first.get("source").asText());
        assertEquals(42, first.get("line").asInt());
        assertEquals("createuser synapse -P", first.get("command").asText());
        assertEquals("<my super secure password>", first.get("interactions").get(0).get("answer").asText());
        assertEquals("pip install matrix-synapse==1.67.0", steps.get(8).get("command").asText());
        assertEquals("edit", steps.get(15).get("kind").asText());
        assertEquals("~/synapse/homeserver.yaml", steps.get(15).get("path").asText());
        assertEquals("write", steps.get(19).get("kind").asText());
        assertEquals("~/etc/services.d/synapse.ini", steps.get(19).get("path").asText());
        assertEquals("includes/web-backend.rst", steps.get(16).get("source").asText());
        for (JsonNode b : root.get("bindings")) {
            if (b.get("secret").asBoolean()) {
                assertFalse(b.has("value"), b.toString());
            }
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Outcome missing = RehearseJar.run("plan", "no/such/runbook");
        assertEquals(2, missing.exit());
        assertEquals("no/such/runbook: no such file or folder\n", missing.err());
        Outcome unsafe = RehearseJar.run("plan", RUNBOOK, "--bind", "[yes|no]=no;reboot");
        assertEquals(2, unsafe.exit());
        assertEquals(1, unsafe.err().lines().count(), unsafe.err());
        assertTrue(unsafe.err().startsWith("--bind [yes|no]: binding \"[yes|no]\": the value \"no;reboot\" has a character"), unsafe.err());
        Outcome malformed = RehearseJar.run("plan", RUNBOOK, "--bind", "novalue");
        assertEquals(2, malformed.exit());
        assertEquals("--bind novalue: expected NAME=VALUE\n", malformed.err());
    }

    /** A guide's bytes reach a person's terminal as text: no escape sequence in it retitles the window or clears it. */
    @Test
    void controlCharactersOfAGuideArePrintedAsText(@TempDir Path dir) throws IOException {
        Path guide = Files.writeString(dir.resolve("hostile.md"),
                "# Hostile\n\n```console\n$ echo \u001b]0;pwned\u0007hi\u001b[2J\n```\n");
        Outcome plan = RehearseJar.run("plan", guide.toString());
        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().contains("$ echo \\e]0;pwned\\x07hi\\e[2J\n"), plan.out());
        Outcome lint = RehearseJar.run("lint", guide.toString());
        assertFalse((plan.out() + lint.out() + lint.err()).chars().anyMatch(c -> c == 0x1b || c == 0x07));
    }
}
