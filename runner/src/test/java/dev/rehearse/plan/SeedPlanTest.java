package dev.rehearse.plan;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed guide (as docutils reads it) planned with the sidecar of runbooks/synapse. */
class SeedPlanTest {
    static final TargetFacts FACTS = new TargetFacts("alice", "box1", "/srv/alice", "alice.box1.test");
    static final Guide SEED = Checkout.seed();
    static final Runbook RUNBOOK = Runbook.load(Checkout.root().resolve("runbooks/synapse"));
    static final String SECRET = "<my super secure password>";

    private static Plan plan(Map<String, String> overrides) {
        return new Planner(FACTS, overrides).plan(RUNBOOK, SEED);
    }

    private static List<CommandStep> commands(Plan plan) {
        return plan.steps().stream().filter(s -> s instanceof CommandStep).map(s -> (CommandStep) s).toList();
    }

    private static CommandStep command(Plan plan, String command) {
        return commands(plan).stream().filter(c -> c.command().equals(command)).findFirst().orElseThrow();
    }

    @Test
    void theSeedPlansTo26Commands3EditsOfTheHomeserverYamlAnd1Write() {
        Plan plan = plan(Map.of());
        assertEquals(30, plan.steps().size());
        assertEquals(26, commands(plan).size());
        List<EditStep> edits = plan.steps().stream().filter(s -> s instanceof EditStep).map(s -> (EditStep) s).toList();
        assertEquals(List.of(227, 255, 278), edits.stream().map(EditStep::line).toList());
        assertTrue(edits.stream().allMatch(e -> e.path().equals("~/synapse/homeserver.yaml") && e.format().equals("yaml")));
        List<WriteStep> writes = plan.steps().stream().filter(s -> s instanceof WriteStep).map(s -> (WriteStep) s).toList();
        assertEquals(1, writes.size());
        assertEquals("~/etc/services.d/synapse.ini", writes.get(0).path());
        assertTrue(writes.get(0).content().startsWith("[program:synapse]\ncommand=%(ENV_HOME)s/synapse/env/bin/python3.6"));
        for (int i = 0; i < plan.steps().size(); i++) {
            assertEquals(i + 1, plan.steps().get(i).n());
        }
        assertEquals(List.of("command", "command", "command", "command", "command", "command", "command", "command",
                "command", "command", "command", "command", "command", "command", "command", "edit", "command", "edit",
                "edit", "write", "command", "command", "command", "command", "command", "command", "command", "command",
                "command", "command"), plan.steps().stream().map(Step::kind).toList());
    }

    @Test
    void includesKeepTheirOwnOrigin() {
        Plan plan = plan(Map.of());
        CommandStep portAdd = (CommandStep) plan.steps().get(14);
        assertEquals("uberspace port add", portAdd.command());
        assertEquals("includes/open-port.rst", portAdd.source());
        assertEquals(5, portAdd.line());
        assertEquals(null, portAdd.prompt().sigil());
        CommandStep backend = (CommandStep) plan.steps().get(16);
        assertEquals("includes/web-backend.rst", backend.source());
        assertEquals(List.of("Synapse", "Configuration", "Configure port"), backend.section());
    }

    @Test
    void thePortIsCapturedOnceAndBindsEveryWayTheGuideSpellsIt() {
        CommandStep portAdd = command(plan(Map.of()), "uberspace port add");
        // <port> is not among them: the web backend points at the plain-http listener, 8008, as the prose says
        assertEquals(List.of("40132", "40312", "PORT"), portAdd.captures().stream().map(Capture::literal).toList());
        Matcher m = Pattern.compile(portAdd.captures().get(0).regex()).matcher("Port 41977 will be open for TCP and UDP traffic in a few minutes.\n");
        assertTrue(m.find());
        assertEquals("41977", m.group(1));
    }

    @Test
    void theHashThatHashPasswordPrintsIsCarriedForwardIntoThePsqlUpdate() {
        Plan plan = plan(Map.of());
        CommandStep hash = command(plan, "~/synapse/env/bin/hash_password");
        assertEquals(1, hash.captures().size());
        Capture capture = hash.captures().get(0);
        assertEquals("$2b$12$yK16TMDMnvj97GFBoxF9QeP2N.U8oadindcjB0Uo9TkSI3CsgwV02", capture.literal());
        String real = "Password: \nConfirm password: \n$2b$12$Q1v.aZ9/xyzXYZ0123456789abcdefghijABCDEFGHIJklmnopqr\n";
        Matcher m = Pattern.compile(capture.regex()).matcher(real);
        assertTrue(m.find(), capture.regex());
        assertEquals("$2b$12$Q1v.aZ9/xyzXYZ0123456789abcdefghijABCDEFGHIJklmnopqr", m.group(1));

        Bindings run = plan.bindings().bind(new Binding(capture.literal(), m.group(1), Binding.Origin.CAPTURED, false));
        CommandStep psql = command(plan, "psql --user synapse");
        assertEquals("UPDATE users SET password_hash='$2b$12$Q1v.aZ9/xyzXYZ0123456789abcdefghijABCDEFGHIJklmnopqr' "
                + "WHERE name='@alice:alice.box1.test';", run.apply(psql.interactions().get(1).answer()));
    }

    @Test
    void everyHiddenPromptGetsTheGuidesPasswordAndTheReplIsClosed() {
        Plan plan = plan(Map.of());
        List<Interaction> hidden = commands(plan).stream().flatMap(c -> c.interactions().stream()).filter(Interaction::hidden).toList();
        assertEquals(7, hidden.size(), "createuser 2, register 2, hash_password 2, psql 1");
        assertTrue(hidden.stream().allMatch(i -> SECRET.equals(i.binding())));
        Binding secret = plan.bindings().get(SECRET).orElseThrow();
        assertTrue(secret.secret());
        assertTrue(secret.value().matches("[A-Za-z0-9]{24}"));
        CommandStep psql = command(plan, "psql --user synapse");
        assertTrue(psql.interactions().get(2).eof());
        EditStep database = (EditStep) plan.steps().get(17);
        assertTrue(plan.bindings().apply(database.fragment()).contains("password: \"" + secret.value() + "\""));
        assertFalse(plan.bindings().preview(database.fragment()).contains(secret.value()), "a preview never shows the secret");
    }

    @Test
    void targetFactsAndTheSidecarBindTheExampleValues() {
        Plan plan = plan(Map.of());
        Bindings b = plan.bindings();
        assertEquals("virtualenv -p python3 ~/synapse/env", b.apply("virtualenv -p python3.6 ~/synapse/env"));
        assertEquals("--server-name alice.box1.test", b.apply("--server-name my.domain.name"));
        assertEquals("--report-stats=no", b.apply("--report-stats=[yes|no]"));
        assertEquals("PATH=\"/srv/alice/synapse/env/bin:%(ENV_HOME)s/opt/postgresql/bin/:$PATH\",\nPGPORT=5432",
                b.apply("PATH=\"/home/matrites/synapse/env/bin:%(ENV_HOME)s/opt/postgresql/bin/:$PATH\",\nPGPORT=5432"));
        assertEquals("(env) [alice@box1 ~]$", b.apply("(env) [matrites@clark ~]$"));
        assertEquals("/srv/alice/etc/certificates/alice.box1.test.crt", b.apply("/home/isabell/etc/certificates/my.domain.name.crt"));
        assertEquals("New user localpart [alice]: alice", b.apply("New user localpart [isabell]: USER"));
        assertEquals("uberspace web backend set / --http --port 8008",
                b.apply("uberspace web backend set / --http --port <port>"));
        assertEquals("pip install matrix-synapse==1.0.0", b.apply("pip install matrix-synapse"),
                "the sidecar's default version: the one the guide was tested on");
    }

    @Test
    void aSynapseVersionFromTheCommandLineIsPinnedIntoPipInstall() {
        Plan plan = plan(Map.of("synapse_version", "1.67.0"));
        CommandStep install = command(plan, "pip install matrix-synapse");
        assertEquals("pip install matrix-synapse==1.67.0", plan.bindings().apply(install.command()));
        assertEquals("pip install -U matrix-synapse==1.67.0", plan.bindings().apply("pip install -U matrix-synapse"),
                "the update stays on the version under test");
    }

    @Test
    void sidecarPoliciesSelectTheirSteps() {
        Plan plan = plan(Map.of());
        assertEquals(Duration.ofMinutes(15), command(plan, "pip install matrix-synapse").policy().timeout());
        StepPolicy status = command(plan, "supervisorctl status").policy();
        assertTrue(status.eventually());
        assertEquals(Duration.ofMinutes(2), status.timeout());
        assertEquals(StepPolicy.DEFAULT, command(plan, "mkdir -p ~/synapse").policy());
        assertEquals(1, RUNBOOK.checks().size());
        assertEquals(Map.of("kind", "container"), RUNBOOK.target());
    }

    @Test
    void aValueThatWouldInjectShellSyntaxIsRejectedNamingItsBinding() {
        BadInput e = assertThrows(BadInput.class, () -> plan(Map.of("python3.6", "python3; rm -rf ~")));
        assertEquals("--bind python3.6", e.file());
        assertTrue(e.problem().contains("binding \"python3.6\"") && e.problem().contains("guide_synapse.rst:62"), e.getMessage());
        BadInput version = assertThrows(BadInput.class, () -> plan(Map.of("synapse_version", "1.0.0 $(id)")));
        assertTrue(version.getMessage().startsWith(RUNBOOK.sidecar() + ":"), version.getMessage());
        assertTrue(version.problem().contains("\"pip install matrix-synapse\""), version.getMessage());
        BadInput secret = assertThrows(BadInput.class, () -> plan(Map.of(SECRET, "two\nlines")));
        assertTrue(secret.problem().contains("newline"));
        assertFalse(secret.getMessage().contains("two"), "a secret's value never appears in a message");
    }

    @Test
    void aTargetFactIsJudgedWhereItStandsInACommand() {
        TargetFacts oddHost = new TargetFacts("alice", "box`id`", "/srv/alice", "alice.box1.test");
        assertEquals(26, commands(new Planner(oddHost, Map.of()).plan(RUNBOOK, SEED)).size(),
                "stardust only stands in prompts, never in a command: no value of it can inject anything");
        TargetFacts oddDomain = new TargetFacts("alice", "box1", "/srv/alice", "alice.test;id");
        BadInput e = assertThrows(BadInput.class, () -> new Planner(oddDomain, Map.of()).plan(RUNBOOK, SEED));
        assertTrue(e.getMessage().startsWith("the target's domain: binding \"my.domain.name\""), e.getMessage());
        assertTrue(e.getMessage().endsWith("guide_synapse.rst:210"), e.getMessage());
    }
}
