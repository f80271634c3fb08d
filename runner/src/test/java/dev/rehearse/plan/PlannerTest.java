package dev.rehearse.plan;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.TargetFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.rehearse.testing.Blocks.block;
import static dev.rehearse.testing.Blocks.guide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner on small guides written here. */
class PlannerTest {
    private static final TargetFacts FACTS = new TargetFacts("bob", "devbox", "/home/bob", "bob.devbox.test");

    @TempDir
    Path dir;

    private static final Guide PORT_GUIDE = guide(
            block("console", 10, "Open a port:", """
                    [isabell@stardust ~]$ uberspace port add
                    Port 40132 will be open for TCP and UDP traffic in a few minutes.
                    [isabell@stardust ~]$"""),
            block("ini", 20, "Create ``~/etc/services.d/demo.ini`` with the following content:", """
                    [program:demo]
                    command=%(ENV_HOME)s/demo/bin/serve --port 40132"""),
            block("yaml", 30, "Set the port in the config file ``~/demo/config.yaml``:", "listen:\n  port: 40132"),
            block("python", 40, "The app itself looks like this:", "print('hello')"),
            block("console", 50, "Check it:", """
                    [isabell@stardust ~]$ curl -s http://localhost:40132/
                    hello
                    [isabell@stardust ~]$"""));

    private Runbook bare() throws IOException {
        return Runbook.load(Files.writeString(dir.resolve("guide.rst"), "x\n"));
    }

    private Runbook withSidecar(String... lines) throws IOException {
        Files.writeString(dir.resolve("guide.rst"), "x\n");
        Files.writeString(dir.resolve("runbook.yaml"), String.join("\n", lines) + "\n");
        return Runbook.load(dir);
    }

    @Test
    void aPortShownInOutputAndReusedLaterIsCarriedForwardWithoutASidecar() throws IOException {
        Plan plan = new Planner(FACTS, Map.of()).plan(bare(), PORT_GUIDE);
        assertEquals(List.of("command", "write", "edit", "command"), plan.steps().stream().map(Step::kind).toList());
        CommandStep portAdd = (CommandStep) plan.steps().get(0);
        assertEquals(List.of(new Capture("40132", "Port\\s+(\\d+)")), portAdd.captures());

        Bindings run = plan.bindings();
        Captures.Result result = Captures.bind(run, new CaptureUses(plan.steps(), List.of()), portAdd,
                "Port 41234 will be open for TCP and UDP traffic in a few minutes.\r\n");
        assertEquals(List.of(new Binding("40132", "41234", Binding.Origin.CAPTURED, false)), result.bound());
        CommandStep curl = (CommandStep) plan.steps().get(3);
        assertEquals("curl -s http://localhost:41234/", run.apply(curl.command()));
        assertEquals("curl -s http://localhost:40132/", plan.bindings().apply(curl.command()), "the plan is unchanged");
        WriteStep ini = (WriteStep) plan.steps().get(1);
        assertEquals("[program:demo]\ncommand=%(ENV_HOME)s/demo/bin/serve --port 41234\n", run.apply(ini.content()));
        assertEquals("~/etc/services.d/demo.ini", ini.path());
        EditStep yaml = (EditStep) plan.steps().get(2);
        assertEquals("~/demo/config.yaml", yaml.path());
        assertEquals(30 + 2, yaml.line(), "a file step starts at its first content line");
        assertEquals("Port 40132 will be open", run.reverse("Port 41234 will be open"));
    }

    /** A shell the command opens is read from the command; a step rule's opens_shell says otherwise either way. */
    @Test
    void aStepRuleSaysWhetherACommandOpensAShellWhereTheCommandDoesNotTell() throws IOException {
        Guide shells = guide(block("console", 10, "Enter the environment:", """
                [isabell@stardust ~]$ sudo -iu synapse
                [synapse@stardust ~]$ ./enter-env.sh
                (env) [synapse@stardust ~]$ bash
                [synapse@stardust ~]$ bash install.sh
                [synapse@stardust ~]$"""));
        List<Boolean> read = new Planner(FACTS, Map.of()).plan(bare(), shells).steps().stream()
                .map(step -> ((CommandStep) step).opensShell()).toList();
        assertEquals(List.of(true, false, true, false), read);
        Runbook ruled = withSidecar("steps:", "  - command: 'enter-env'", "    opens_shell: true",
                "  - command: '^bash$'", "    opens_shell: no");
        List<Boolean> ruledRead = new Planner(FACTS, Map.of()).plan(ruled, shells).steps().stream()
                .map(step -> ((CommandStep) step).opensShell()).toList();
        assertEquals(List.of(true, true, false, false), ruledRead);
    }

    /**
     * A server the guide leaves running in the foreground, which nothing in the guide says to stop: a step rule's
     * interrupt: true stops it with Ctrl-C once its shown output has come, or once still where none is shown; an
     * expect_exit of the rule's own stands; on a file step the rule is one line and exit 2.
     */
    @Test
    void aStepRulesInterruptStopsACommandAsAReaderStopsAServer() throws IOException {
        Guide servers = guide(block("console", 10, "Start them:", """
                [isabell@stardust ~]$ ./serve --port 40132
                Listening on port 40132
                [isabell@stardust ~]$ ./worker
                [isabell@stardust ~]$ ./other"""));
        List<Step> plain = new Planner(FACTS, Map.of()).plan(bare(), servers).steps();
        assertTrue(plain.stream().allMatch(s -> ((CommandStep) s).interactions().isEmpty()), "nothing says to stop");

        Runbook ruled = withSidecar("steps:", "  - command: 'serve'", "    interrupt: true",
                "  - command: 'worker'", "    interrupt: yes", "    expect_exit: 3");
        List<Step> steps = new Planner(FACTS, Map.of()).plan(ruled, servers).steps();
        CommandStep serve = (CommandStep) steps.get(0);
        assertEquals(List.of(Interaction.interrupt("on port")), serve.interactions());
        assertEquals(130, serve.policy().expectExit());
        CommandStep worker = (CommandStep) steps.get(1);
        assertEquals(List.of(Interaction.interrupt("")), worker.interactions(), "no output shown: once still");
        assertEquals(3, worker.policy().expectExit(), "the rule's own expect_exit");
        assertEquals(List.of(), ((CommandStep) steps.get(2)).interactions());

        Runbook onAFile = withSidecar("steps:", "  - n: 2", "    interrupt: true");
        BadInput bad = assertThrows(BadInput.class, () -> new Planner(FACTS, Map.of()).plan(onAFile, PORT_GUIDE));
        assertTrue(bad.getMessage().contains("interrupt: stops a command"), bad.getMessage());
    }

    @Test
    void aCaptureThatFindsNothingLeavesTheGuidesValue() throws IOException {
        Plan plan = new Planner(FACTS, Map.of()).plan(bare(), PORT_GUIDE);
        Bindings run = plan.bindings();
        Captures.Result result = Captures.bind(run, new CaptureUses(plan.steps(), List.of()),
                (CommandStep) plan.steps().get(0),
                "uberspace: command not found\n");
        assertEquals(1, result.missed().size());
        assertTrue(run.get("40132").isEmpty());
    }

    /**
     * A captured value is checked against every command it goes into, a sidecar's check too, and only there: the
     * guide's own commands here never type it.
     */
    @Test
    void aCapturedValueIsCheckedWhereverItGoesASidecarsCheckToo() throws IOException {
        Runbook r = withSidecar("bindings:", "  \"40132\": {capture: 'Port (.*) will'}");
        Guide portOnly = guide(block("console", 10, "Open a port:", """
                [isabell@stardust ~]$ uberspace port add
                Port 40132 will be open for TCP and UDP traffic in a few minutes.
                [isabell@stardust ~]$"""));
        Plan plan = new Planner(FACTS, Map.of()).plan(r, portOnly);
        List<Runbook.Check> checks = List.of(new Runbook.Check("port", null, "nc -z localhost 40132", null,
                Duration.ofSeconds(5), "runbook.yaml", 9));
        CommandStep portAdd = (CommandStep) plan.steps().get(0);
        Bindings safe = plan.bindings();
        Captures.bind(safe, new CaptureUses(plan.steps(), checks), portAdd, "Port 41234 will be open");
        assertEquals("41234", safe.get("40132").orElseThrow().value());
        Bindings run = plan.bindings();
        BadInput e = assertThrows(BadInput.class, () -> Captures.bind(run, new CaptureUses(plan.steps(), checks),
                portAdd, "Port 1;reboot will be open"));
        assertTrue(e.getMessage().endsWith("could change the command at runbook.yaml:9"), e.getMessage());
        assertTrue(run.get("40132").isEmpty(), "the unsafe value is not bound");
        Captures.bind(plan.bindings(), new CaptureUses(plan.steps(), List.of()), portAdd, "Port 1;reboot will be open");
    }

    @Test
    void aCapturedValueThatWouldInjectShellSyntaxIsRefused() throws IOException {
        Runbook r = withSidecar("bindings:", "  \"40132\": {capture: 'Port (.*) will'}");
        Plan plan = new Planner(FACTS, Map.of()).plan(r, PORT_GUIDE);
        Bindings run = plan.bindings();
        BadInput e = assertThrows(BadInput.class, () -> Captures.bind(run, new CaptureUses(plan.steps(), List.of()),
                (CommandStep) plan.steps().get(0), "Port 1;reboot will be open"));
        assertTrue(e.getMessage().contains("binding \"40132\"") && e.getMessage().endsWith("guide.rst:52"), e.getMessage());
        assertTrue(run.get("40132").isEmpty(), "the unsafe value is not bound");
    }

    @Test
    void hiddenPromptsWithoutASidecarSecretGetAGeneratedOne() throws IOException {
        Guide g = guide(block("console", 1, null, """
                [isabell@stardust ~]$ mysqladmin password
                New password:
                Confirm new password:"""));
        Plan plan = new Planner(FACTS, Map.of()).plan(bare(), g);
        CommandStep step = (CommandStep) plan.steps().get(0);
        assertTrue(step.interactions().stream().allMatch(i -> i.hidden() && Planner.GENERATED_SECRET.equals(i.binding())));
        Binding secret = plan.bindings().get(Planner.GENERATED_SECRET).orElseThrow();
        assertTrue(secret.secret());
        assertEquals("New password: <password>", plan.bindings().redact("New password: " + secret.value()));
    }

    @Test
    void sidecarAnswersAndTheirBindings() throws IOException {
        Guide g = guide(block("console", 1, null, """
                [isabell@stardust ~]$ ./install
                Admin user: isabell
                Admin token:
                Installed."""));
        Runbook r = withSidecar("bindings:", "  <token>: {generate: secret}", "answers:",
                "  - {prompt: '^Admin user:', answer: admin}", "  - {prompt: '^Admin token:', binding: <token>, hidden: true}");
        CommandStep step = (CommandStep) new Planner(FACTS, Map.of()).plan(r, g).steps().get(0);
        assertEquals(List.of(new Interaction("Admin user:", "admin", false, false, null),
                new Interaction("Admin token:", "<token>", true, false, "<token>")), step.interactions());
        assertEquals(ExpectedLine.Kind.OUTPUT, step.expected().get(2).kind());
    }

    @Test
    void sidecarRulesThatMissThePlanAreReportedAtTheirLine() throws IOException {
        Runbook noStep = withSidecar("steps:", "  - command: '^make install$'", "    timeout: 5m");
        BadInput e = assertThrows(BadInput.class, () -> new Planner(FACTS, Map.of()).plan(noStep, PORT_GUIDE));
        assertEquals(2, e.line());
        Runbook noShow = withSidecar("bindings:", "  \"8443\": {capture: 'port (\\d+)'}");
        BadInput capture = assertThrows(BadInput.class, () -> new Planner(FACTS, Map.of()).plan(noShow, PORT_GUIDE));
        assertEquals(2, capture.line());
        assertTrue(capture.problem().contains("no command step shows \"8443\""), capture.getMessage());
        Runbook unbound = withSidecar("answers:", "  - {prompt: 'x', binding: <nothing>}");
        assertEquals(2, assertThrows(BadInput.class, () -> new Planner(FACTS, Map.of()).plan(unbound, PORT_GUIDE)).line());
    }

    @Test
    void commandLineBindingsWinAndKeepASecretSecret() throws IOException {
        Runbook r = withSidecar("bindings:", "  <pw>: {generate: secret}", "  \"40132\": \"40000\"");
        Plan plan = new Planner(FACTS, Map.of("<pw>", "chosen-by-hand", "40132", "40999")).plan(r, PORT_GUIDE);
        assertEquals(new Binding("<pw>", "chosen-by-hand", Binding.Origin.COMMAND_LINE, true), plan.bindings().get("<pw>").orElseThrow());
        assertEquals("40999", plan.bindings().get("40132").orElseThrow().value());
        assertTrue(((CommandStep) plan.steps().get(0)).captures().isEmpty(), "a bound value is not carried forward");
    }

    /** A check that would never run said nothing, and the run passed without it. */
    @Test
    void aCheckAfterAStepThePlanDoesNotHaveIsRefusedAtItsLine() throws IOException {
        for (String after : List.of("99", "0", "-1", "{command: '^nomatch'}")) {
            Runbook runbook = withSidecar("checks:", "  - {command: 'echo hi', expect: hi, after: " + after + "}");
            BadInput refused = assertThrows(BadInput.class, () -> new Planner(FACTS, Map.of()).plan(runbook, PORT_GUIDE));
            assertEquals(2, refused.line(), after);
            assertEquals("this check's after: selects no step of the plan", refused.problem(), after);
        }
        Runbook fine = withSidecar("checks:", "  - {command: 'echo hi', expect: hi, after: 4}");
        assertEquals(4, new Planner(FACTS, Map.of()).plan(fine, PORT_GUIDE).steps().size());
    }

    @Test
    void thePlanSaysWhatEachVarTookAndWhereFromWithASecretsVarAsItsPlaceholder() throws IOException {
        Runbook runbook = withSidecar(
                "vars:",
                "  version: {default: 1.0.0, fact: app_version}",
                "  channel: stable",
                "  mirror: ~",
                "  token: ~",
                "bindings:",
                "  uberspace port add: \"uberspace port add --channel ${channel} --version ${version}\"",
                "  curl -s: \"curl -s --proxy ${mirror}\"",
                "  hello: {value: \"${token}\", secret: true}");
        TargetFacts withVersion = new TargetFacts("bob", "devbox", "/home/bob", "bob.devbox.test",
                Map.of("app_version", "2.3.4"));

        List<VarValue> vars = new Planner(withVersion, Map.of("channel", "beta", "token", "s3cr3t-t0ken"))
                .plan(runbook, PORT_GUIDE).vars();

        assertEquals(List.of(new VarValue("version", "2.3.4", VarValue.From.FACT, "app_version", false),
                new VarValue("channel", "beta", VarValue.From.BOUND, null, false),
                new VarValue("mirror", null, VarValue.From.DEFAULT, null, false),
                new VarValue("token", "hello", VarValue.From.BOUND, null, true)), vars);
        assertEquals(List.of("fact app_version", "--bind", "default", "--bind"),
                vars.stream().map(VarValue::origin).toList());
        assertEquals(new VarValue("version", "1.0.0", VarValue.From.DEFAULT, null, false),
                new Planner(FACTS, Map.of()).plan(runbook, PORT_GUIDE).vars().get(0), "no such fact: the default");
    }
}
