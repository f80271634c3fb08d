package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.model.Interaction;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Runbook;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.local.LocalTarget;
import dev.rehearse.targets.shell.ShellSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.rehearse.run.Steps.lines;
import static dev.rehearse.run.Steps.prompt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner on a real login shell in the local sandbox: verdicts, bindings, captures, prompts, the run's flow. */
class RunnerTest {
    private static final String SECRET = "Qx7-not-for-any-eyes";
    private LocalTarget target;

    @BeforeEach
    void open() {
        target = LocalTarget.open(null, false, ShellSettings.DEFAULT.withQuietPeriod(Duration.ofMillis(1500)));
    }

    @AfterEach
    void close() {
        target.close();
    }

    private RunReport run(Steps steps, Bindings bindings, StepSelection selection, boolean keepGoing) {
        return new Runner(target, selection, keepGoing, RunListener.NONE).run(steps.plan(bindings));
    }

    private RunReport run(Steps steps) {
        return run(steps, Steps.bindingsFor(target.facts()), StepSelection.ALL, false);
    }

    private static List<Verdict> verdicts(RunReport report) {
        return report.results().stream().map(StepResult::verdict).toList();
    }

    @Test
    void cdAndAVirtualenvCarryOverAndRealValuesAreMappedBack() {
        RunReport report = run(new Steps()
                .command("mkdir -p ~/synapse && cd ~/synapse")
                .command("python3 -m venv --without-pip env")
                .command("source env/bin/activate")
                .command("which python; pwd", "/home/isabell/synapse/env/bin/python", "/home/isabell/synapse")
                .command("echo \"$USER@$(hostname)\"", "isabell@stardust"));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS), verdicts(report),
                () -> report.results().toString());
    }

    @Test
    void aDriftRunsOnAndCarriesADiff() {
        RunReport report = run(new Steps()
                .command("echo 'Hello, World!'", "Hello, world")
                .command("echo after", "after"));
        assertEquals(List.of(Verdict.DRIFT, Verdict.PASS), verdicts(report));
        StepResult drift = report.results().get(0);
        assertTrue(drift.diff().contains("-Hello, world") && drift.diff().contains("+Hello, World!"), drift.diff());
        assertEquals(0, drift.exit());
    }

    @Test
    void aFailStopsTheRunUnlessToldToKeepGoing() {
        Steps steps = new Steps()
                .command("echo one", "one")
                .command("ls /no/such/folder")
                .command("echo three", "three");
        RunReport stopped = run(steps);
        assertEquals(List.of(Verdict.PASS, Verdict.FAIL, Verdict.SKIP), verdicts(stopped));
        StepResult fail = stopped.results().get(1);
        assertEquals("exit status 2", fail.reason());
        assertTrue(fail.diff().contains("+ls: cannot access '/no/such/folder'"), fail.diff());
        assertEquals("after the FAIL of an earlier step", stopped.results().get(2).reason());

        RunReport goingOn = run(steps, Steps.bindingsFor(target.facts()), StepSelection.ALL, true);
        assertEquals(List.of(Verdict.PASS, Verdict.FAIL, Verdict.PASS), verdicts(goingOn));
    }

    @Test
    void aShellThatGoesAwayFailsItsStepAndALaterStepGetsAFreshOne() {
        RunReport report = run(new Steps().command("exit 4").command("echo fresh", "fresh"),
                Steps.bindingsFor(target.facts()), StepSelection.ALL, true);
        assertEquals(List.of(Verdict.FAIL, Verdict.PASS), verdicts(report));
        assertTrue(report.results().get(0).reason().startsWith("lost the shell during step 1: "),
                report.results().get(0).reason());
    }

    @Test
    void sidecarChecksRunAfterTheirStepAndAtTheEnd() {
        Steps steps = new Steps().command("touch ~/made").command("echo two", "two").command("echo three", "three");
        Runbook.Check madeIt = new Runbook.Check("file made", new Runbook.StepSelector(1, null, null),
                "test -f ~/made", null, null, "runbook.yaml", 12);
        Runbook.Check atTheEnd = new Runbook.Check(null, null, "echo \"still $USER\"",
                Pattern.compile("still isabell"), null, "runbook.yaml", 15);
        RunReport passed = new Runner(target, StepSelection.ALL, false, RunListener.NONE)
                .run(steps.plan(Steps.bindingsFor(target.facts())), List.of(madeIt, atTheEnd));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.PASS), verdicts(passed));

        Runbook.Check missing = new Runbook.Check("config there", new Runbook.StepSelector(null,
                Pattern.compile("^echo two"), null), "test -f ~/config.yaml", null, null, "runbook.yaml", 20);
        Runbook.Check wrongUser = new Runbook.Check("user", null, "echo \"$USER\"", Pattern.compile("^stardust$"),
                null, "runbook.yaml", 25);
        RunReport failed = new Runner(target, StepSelection.ALL, true, RunListener.NONE)
                .run(steps.plan(Steps.bindingsFor(target.facts())), List.of(missing, wrongUser));
        assertEquals(List.of(Verdict.PASS, Verdict.FAIL, Verdict.FAIL), verdicts(failed));
        assertEquals("check 'config there' failed: exit status 1 (runbook.yaml:20)", failed.results().get(1).reason());
        assertEquals("check 'user' failed: its output has nothing like /^stardust$/ (runbook.yaml:25)",
                failed.results().get(2).reason());

        // a run that stops short of the end (--only) does not judge the end state
        RunReport part = new Runner(target, StepSelection.of(null, "1..2"), false, RunListener.NONE)
                .run(steps.plan(Steps.bindingsFor(target.facts())), List.of(wrongUser));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.SKIP), verdicts(part));
    }

    @Test
    void fromAndOnlySkipTheOthers() {
        Steps steps = new Steps().command("echo 1", "1").command("echo 2", "2").command("echo 3", "3")
                .command("echo 4", "4");
        Bindings bindings = Steps.bindingsFor(target.facts());
        assertEquals(List.of(Verdict.SKIP, Verdict.SKIP, Verdict.PASS, Verdict.PASS),
                verdicts(run(steps, bindings, StepSelection.of(3, null), false)));
        RunReport only = run(steps, bindings, StepSelection.of(null, "2..3"), false);
        assertEquals(List.of(Verdict.SKIP, Verdict.PASS, Verdict.PASS, Verdict.SKIP), verdicts(only));
        assertEquals("outside --only 2..3", only.results().get(0).reason());
    }

    @Test
    void aHiddenPromptGetsTheBoundSecretWhichNeverShows() {
        Bindings bindings = Steps.bindingsFor(target.facts())
                .bind(new Binding("<my super secure password>", SECRET, Binding.Origin.GENERATED, true));
        List<RunListenerRecord> seen = new ArrayList<>();
        Steps steps = new Steps().command(
                "read -s -p 'Password: ' pw; echo; read -s -p 'Confirm password: ' again; echo; "
                        + "[ \"$pw\" = \"$again\" ] && echo \"match, ${#pw} characters\"; echo \"$pw\" > ~/pw.txt",
                StepPolicy.DEFAULT,
                List.of(new Interaction("Password:", null, true, false, "<my super secure password>"),
                        new Interaction("Confirm password:", null, true, false, "<my super secure password>")),
                List.of(), lines("Password: ", "Confirm password: ", "match, 20 characters"))
                .command("cat ~/pw.txt", "<my super secure password>");
        RunReport report = new Runner(target, StepSelection.ALL, false, new RunListenerRecord(seen))
                .run(steps.plan(bindings));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS), verdicts(report), () -> report.results().toString());
        assertEquals(SECRET + "\n", target.readFile("~/pw.txt").orElseThrow());
        for (StepResult r : report.results()) {
            assertFalse((r.expected() + r.actual() + r.diff()).contains(SECRET));
        }
        assertFalse(String.join("", RunListenerRecord.texts(seen)).contains(SECRET));
    }

    @Test
    void aVisiblePromptGetsTheGuidesAnswerWithBindingsApplied() {
        RunReport report = run(new Steps().command(
                "read -p 'New user localpart [isabell]: ' who; read -p 'Make admin [no]: ' admin; "
                        + "echo \"Sending registration request for @$who (admin: $admin)\"",
                StepPolicy.DEFAULT,
                List.of(new Interaction("New user localpart [isabell]:", "isabell", false, false, null),
                        new Interaction("Make admin [no]:", "no", false, false, null)),
                List.of(), List.of(prompt("New user localpart [isabell]: ", "isabell"),
                        prompt("Make admin [no]: ", "no"),
                        dev.rehearse.plan.ExpectedLine.output(0, "Sending registration request for @isabell (admin: no)"))));
        assertEquals(List.of(Verdict.PASS), verdicts(report), () -> report.results().toString());
        assertTrue(report.results().get(0).actual().contains("New user localpart [isabell]: isabell"));
    }

    @Test
    void aProgramWaitingForInputTheGuideDoesNotShowFailsWithinSeconds() {
        long start = System.nanoTime();
        RunReport report = run(new Steps()
                .command("echo 'Config exists.'; read -p 'Overwrite isabell config? [y/N] ' answer", "Config exists.")
                .command("echo never", "never"));
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(List.of(Verdict.FAIL, Verdict.SKIP), verdicts(report));
        assertEquals("waiting for input at: Overwrite isabell config? [y/N]", report.results().get(0).reason());
        assertTrue(took < 8000, "took " + took + " ms");
    }

    @Test
    void aStepThatOutlivesItsTimeoutFails() {
        RunReport report = run(new Steps()
                .command("sleep 30", Steps.timeout(Duration.ofSeconds(1)), List.of(), List.of(), List.of())
                .command("echo next", "next"));
        assertEquals(List.of(Verdict.FAIL, Verdict.SKIP), verdicts(report));
        assertEquals("timed out after 1 s", report.results().get(0).reason());
    }

    @Test
    void eventuallyRetriesUntilTheOutputMatches() {
        RunReport report = run(new Steps()
                .command("date +%s > ~/t0")
                .command("if [ $(( $(date +%s) - $(cat ~/t0) )) -ge 2 ]; then echo RUNNING; else echo STARTING; (exit 3); fi",
                        new StepPolicy(Duration.ofSeconds(15), true, null, 0), List.of(), List.of(), lines("RUNNING")));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS), verdicts(report), () -> report.results().toString());
        assertTrue(report.results().get(1).elapsed().toMillis() >= 1000);
    }

    @Test
    void aCapturedValueIsCarriedIntoLaterStepsAndMappedBack() {
        RunReport report = run(new Steps()
                .command("echo \"Port $((40000 + RANDOM % 1000 + 1000)) will be open for TCP traffic.\"",
                        StepPolicy.DEFAULT, List.of(), List.of(new Capture("40132", "Port (\\d+) will be open")),
                        lines("Port 40132 will be open for TCP traffic."))
                .command("echo 'listen 40132' > ~/port.conf; cat ~/port.conf", "listen 40132"));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS), verdicts(report), () -> report.results().toString());
        String real = target.readFile("~/port.conf").orElseThrow().strip();
        assertTrue(real.matches("listen 4[01]\\d\\d\\d") && !real.equals("listen 40132"), real);
    }

    @Test
    void writeAndEditStepsGoThroughTheTargetWithBindingsApplied() {
        RunReport report = run(new Steps()
                .command("mkdir -p ~/synapse && cd ~/synapse")
                .step(new WriteStep(2, "fixture.rst", 20, List.of("Test"), "~/etc/services.d/app.ini",
                        "[program:app]\ndirectory=/home/isabell/synapse\n", StepPolicy.DEFAULT))
                .step(new WriteStep(3, "fixture.rst", 30, List.of("Test"), "homeserver.yaml",
                        "# server\nserver_name: stardust\nlisteners:\n  - port: 8008\n", StepPolicy.DEFAULT))
                .step(new EditStep(4, "fixture.rst", 40, List.of("Test"), "~/synapse/homeserver.yaml", "yaml",
                        "listeners:\n  - port: 40132\n", StepPolicy.DEFAULT))
                .command("cat ~/etc/services.d/app.ini; grep -c 40132 homeserver.yaml",
                        "[program:app]", "directory=/home/isabell/synapse", "1"));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS), verdicts(report),
                () -> report.results().toString());
        assertTrue(target.readFile("~/synapse/homeserver.yaml").orElseThrow()
                .contains("server_name: " + target.facts().host()));
        assertTrue(target.readFile("~/synapse/homeserver.yaml.rehearse-bak").isPresent());
    }

    /** records what a listener sees */
    private record RunListenerRecord(List<RunListenerRecord> into, String text) implements RunListener {
        RunListenerRecord(List<RunListenerRecord> into) {
            this(into, null);
        }

        @Override
        public void output(dev.rehearse.plan.Step step, String chunk) {
            into.add(new RunListenerRecord(into, chunk));
        }

        static List<String> texts(List<RunListenerRecord> seen) {
            return seen.stream().map(RunListenerRecord::text).toList();
        }
    }
}
