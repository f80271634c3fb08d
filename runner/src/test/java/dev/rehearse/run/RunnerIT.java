package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.model.Interaction;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Readiness;
import dev.rehearse.plan.Runbook;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.local.LocalTarget;
import dev.rehearse.targets.shell.ShellSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.rehearse.run.Steps.lines;
import static dev.rehearse.run.Steps.prompt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner on a real login shell in the local sandbox: verdicts, bindings, captures, prompts, the run's flow;
 * waiting for what a step started, values a FAILed step should have captured, effect lines that contradict the guide.
 */
class RunnerIT {
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
        return run(steps, bindings, selection, keepGoing, RunListener.NONE);
    }

    private RunReport run(Steps steps, Bindings bindings, StepSelection selection, boolean keepGoing,
                          RunListener listener) {
        return new Runner(target, selection, keepGoing, listener).run(steps.plan(bindings));
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
        assertEquals("exit status 2: ls: cannot access '/no/such/folder': No such file or directory", fail.reason());
        assertTrue(fail.diff().contains("+ls: cannot access '/no/such/folder'"), fail.diff());
        assertEquals("after the FAIL of an earlier step", stopped.results().get(2).reason());

        RunReport goingOn = run(steps, Steps.bindingsFor(target.facts()), StepSelection.ALL, true);
        assertEquals(List.of(Verdict.PASS, Verdict.FAIL, Verdict.PASS), verdicts(goingOn));
    }

    @Test
    void aShellThatGoesAwayFailsItsStepAndALaterStepGetsAFreshOne() {
        RunReport report = run(new Steps().command("exit 4").command("kill -9 $$").command("echo fresh", "fresh"),
                Steps.bindingsFor(target.facts()), StepSelection.ALL, true);
        assertEquals(List.of(Verdict.FAIL, Verdict.FAIL, Verdict.PASS), verdicts(report));
        assertEquals("lost the shell during step 1: the shell ended with exit status 4",
                report.results().get(0).reason());
        assertEquals("lost the shell during step 2: the shell ended with exit status 137 (as when killed by SIGKILL)",
                report.results().get(1).reason());
    }

    @Test
    void sidecarChecksRunAfterTheirStepAndAtTheEnd() {
        Steps steps = new Steps().command("touch ~/made").command("echo two", "two").command("echo three", "three");
        Runbook.Check madeIt = new Runbook.Check("file made",
                new Runbook.StepSelector(1, null, null, "runbook.yaml", 1),
                "test -f ~/made", null, null, "runbook.yaml", 12);
        Runbook.Check atTheEnd = new Runbook.Check(null, null, "echo \"still $USER\"",
                Pattern.compile("still isabell"), null, "runbook.yaml", 15);
        RunReport passed = new Runner(target, StepSelection.ALL, false, RunListener.NONE)
                .run(steps.plan(Steps.bindingsFor(target.facts())), List.of(madeIt, atTheEnd));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.PASS), verdicts(passed));

        Runbook.Check missing = new Runbook.Check("config there", new Runbook.StepSelector(null,
                Pattern.compile("^echo two"), null, "runbook.yaml", 19), "test -f ~/config.yaml", null, null,
                "runbook.yaml", 20);
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
        assertEquals("waiting for input at: Overwrite isabell config? [y/N]"
                + " (no answer of the plan's is for this prompt, which the guide does not show: the plan answers"
                + " a prompt the transcript shows, by what follows it there;"
                + " an answers: rule of the runbook answers it wherever it comes)",
                report.results().get(0).reason());
        assertTrue(took < 8000, "took " + took + " ms");
    }

    /** A program that asks otherwise than the guide shows: the reason names the prompt the guide answers there. */
    @Test
    void aProgramAskingSomethingElseThanTheGuideShowsFailsNamingTheGuidesPrompt() {
        RunReport report = run(new Steps().command("read -p 'Overwrite config? [y/N] ' answer", StepPolicy.DEFAULT,
                List.of(new Interaction("Make admin [no]:", "no", false, false, null)), List.of(),
                List.of(prompt("Make admin [no]: ", "no"))));
        assertEquals(List.of(Verdict.FAIL), verdicts(report));
        assertEquals("waiting for input at: Overwrite config? [y/N] (the guide shows \"Make admin [no]:\" to be"
                + " answered here, and the program asks otherwise: the plan answers a prompt in the words the"
                + " transcript shows, or in most of them; an answers: rule of the runbook answers it wherever it comes)",
                report.results().get(0).reason());
    }

    @Test
    void aStepThatOutlivesItsTimeoutFails() {
        RunReport report = run(new Steps()
                .command("sleep 30", Steps.timeout(Duration.ofSeconds(1)), List.of(), List.of(), List.of())
                .command("echo next", "next"));
        assertEquals(List.of(Verdict.FAIL, Verdict.SKIP), verdicts(report));
        assertEquals("timed out after 1 s (the step's timeout: --timeout, or the sidecar's timeout:)",
                report.results().get(0).reason());
    }

    /**
     * A guide that sets PROMPT_COMMAND anew, or puts a command before what was in it (the history tip), keeps the
     * shell's end-of-command sentinel and each command's own status (bash 5.1 and later: the sentinel is the second
     * of an array's commands).
     */
    @Test
    void aGuidesPromptCommandLeavesEachCommandsEndAndStatusAsTheyWere() {
        RunReport report = run(new Steps()
                .command("PROMPT_COMMAND='false'")
                .command("echo next", "next")
                .command("export PROMPT_COMMAND=\"history -a; $PROMPT_COMMAND\"")
                .command("(exit 3)"));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.FAIL), verdicts(report));
        assertTrue(report.results().get(3).reason().startsWith("exit status 3"), report.results().get(3).reason());
    }

    @Test
    void anInterruptStopsTheRunningStepAndTheRecordSaidWhereTheRunWasAllAlong() throws Exception {
        Interruption stop = new Interruption();
        List<RunReport> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void stepStarted(dev.rehearse.plan.Step step, int total, String shown) {
                if (step.n() == 2) {
                    new Thread(() -> {
                        pause(700);
                        stop.request("the test");
                    }).start();
                }
            }

            @Override
            public void recorded(java.util.function.Supplier<RunReport> soFar) {
                records.add(soFar.get());
            }

            @Override
            public void ended(RunReport report) {
                records.add(report);
            }
        };
        long start = System.nanoTime();
        RunReport report = new Runner(target, StepSelection.ALL, false, listener).interruptibleBy(stop)
                .run(new Steps().command("echo one", "one").command("echo waiting; sleep 300", "waiting")
                        .command("echo three", "three").plan(Steps.bindingsFor(target.facts())));
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertEquals(List.of(Verdict.PASS, Verdict.INTERRUPTED, Verdict.SKIP), verdicts(report));
        assertTrue(report.results().get(1).reason().startsWith("interrupted by the test after "),
                report.results().get(1).reason());
        assertTrue(report.results().get(1).actual().contains("waiting"), "what it printed before it was stopped");
        assertEquals("after the interrupt at step 2", report.results().get(2).reason());
        assertTrue(took < 60_000, "the step's sleep of 300 s was cut short: " + took + " ms");
        assertEquals(3, records.size(), "before each step that ran, and the end");
        assertEquals(List.of(Verdict.INTERRUPTED, Verdict.SKIP, Verdict.SKIP), verdicts(records.get(0)));
        assertEquals(List.of(Verdict.PASS, Verdict.INTERRUPTED, Verdict.SKIP), verdicts(records.get(1)));
        assertTrue(records.get(1).results().get(1).reason().contains("was killed or lost"));
        assertEquals(report.results(), records.get(2).results());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** A secret refused for the command it would go into is hidden all the same in the output it came from. */
    @Test
    void aRefusedSecretCaptureIsHiddenInTheOutputItCameFrom() {
        RunReport report = run(new Steps()
                .command("echo 'Token ab;cd issued'", StepPolicy.DEFAULT, List.of(),
                        List.of(new Capture("<token>", "Token (\\S+) issued")), lines("Token <token> issued"))
                .command("echo <token>", "<token>"));
        assertEquals(List.of(Verdict.FAIL, Verdict.SKIP), verdicts(report), () -> report.results().toString());
        StepResult refused = report.results().get(0);
        assertTrue(refused.reason().startsWith("captured value refused: "), refused.reason());
        assertEquals("Token <token> issued", refused.actual().strip());
    }

    @Test
    void writeAndEditStepsGoThroughTheTargetWithBindingsApplied(@TempDir Path reports) throws IOException {
        Path originals = reports.resolve("backups");
        Steps steps = new Steps()
                .command("mkdir -p ~/synapse && cd ~/synapse")
                .step(new WriteStep(2, "fixture.rst", 20, List.of("Test"), "~/etc/services.d/app.ini",
                        "[program:app]\ndirectory=/home/isabell/synapse\n", StepPolicy.DEFAULT))
                .command("printf '# server\\nserver_name: stardust\\nlisteners:\\n  - port: 8008\\n' > homeserver.yaml")
                .step(new EditStep(4, "fixture.rst", 40, List.of("Test"), "~/synapse/homeserver.yaml", "yaml",
                        "listeners:\n  - port: 40132\n", StepPolicy.DEFAULT))
                .step(new EditStep(5, "fixture.rst", 50, List.of("Test"), "~/synapse/homeserver.yaml", "yaml",
                        "listeners:\n  - port: 40133\n", StepPolicy.DEFAULT))
                .step(new WriteStep(6, "fixture.rst", 60, List.of("Test"), "~/etc/services.d/app.ini",
                        "autostart=yes\n", StepPolicy.DEFAULT, true))
                .command("cat ~/etc/services.d/app.ini; grep -c 40133 homeserver.yaml",
                        "[program:app]", "directory=/home/isabell/synapse", "autostart=yes", "1");
        RunReport report = new Runner(target, StepSelection.ALL, false, RunListener.NONE).keepingOriginalsIn(originals)
                .run(steps.plan(Steps.bindingsFor(target.facts())));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS,
                Verdict.PASS), verdicts(report), () -> report.results().toString());
        assertTrue(target.readFile("~/synapse/homeserver.yaml").orElseThrow()
                .contains("server_name: " + target.facts().host()));
        assertTrue(target.readFile("~/synapse/homeserver.yaml.rehearse-bak").isEmpty(), "nothing beside the file");
        Path original = originals.resolve(target.facts().home().substring(1)).resolve("synapse/homeserver.yaml");
        assertEquals("# server\nserver_name: " + target.facts().host() + "\nlisteners:\n  - port: 8008\n",
                Files.readString(original), "two edits of one file: the first original is the one kept");
        assertFalse(Files.exists(original.resolveSibling("homeserver.yaml.1")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(original)));
        // a file the guide creates that was not there before the run holds only what the run put there
        assertFalse(Files.exists(originals.resolve(target.facts().home().substring(1)).resolve("etc/services.d/app.ini")),
                "no backup of what the run itself wrote (a secret it bound, often)");
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

    private static StepPolicy ready(Readiness.Kind kind, String what, Duration timeout) {
        return new StepPolicy(Steps.TIMEOUT, false, null, 0, new Readiness(kind, what, timeout), null, null);
    }

    @Test
    void theRunWaitsUntilWhatTheStepStartedIsReadyAndSaysWhatItWaitsFor() {
        List<String> waits = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void waiting(Step step, String what, Duration timeout) {
                waits.add(step.n() + " " + what + " " + timeout.toSeconds());
            }
        };
        RunReport report = run(new Steps()
                        .command("(sleep 1; touch ~/started) >/dev/null 2>&1 &",
                                ready(Readiness.Kind.COMMAND, "test -e ~/started", Duration.ofSeconds(10)), List.of(),
                                List.of(), lines())
                        .command("ls ~/started >/dev/null && echo there", "there"),
                Steps.bindingsFor(target.facts()), StepSelection.ALL, false, listener);
        assertEquals(List.of(Verdict.PASS, Verdict.PASS), report.results().stream().map(StepResult::verdict).toList(),
                () -> report.results().toString());
        assertEquals(List.of("1 `test -e ~/started` succeeding 10"), waits);
        assertTrue(report.results().get(0).elapsed().toMillis() >= 900, "the wait is the step's time");
    }

    @Test
    void whatNeverBecomesReadyIsAFailThatSaysWhat() {
        RunReport report = run(new Steps()
                        .command("true", ready(Readiness.Kind.PORT, "1", Duration.ofSeconds(1)), List.of(), List.of(),
                                lines())
                        .command("echo next", "next"),
                Steps.bindingsFor(target.facts()), StepSelection.ALL, false);
        StepResult waited = report.results().get(0);
        assertEquals(Verdict.FAIL, waited.verdict());
        assertTrue(waited.reason().startsWith("never became ready within 1 s: port 1 listening"), waited.reason());
        assertEquals(Verdict.SKIP, report.results().get(1).verdict());
    }

    @Test
    void aValueAFailedStepShouldHaveCapturedIsNeverTypedAsTheGuidesExample() {
        Steps steps = new Steps()
                .command("echo 'hash: Hx9aB7cD5eF3'; exit 3", StepPolicy.DEFAULT, List.of(),
                        List.of(new Capture("Gz1yX2wV3uT4", "hash: (\\S+)")), lines("hash: Gz1yX2wV3uT4"))
                .command("echo \"stored Gz1yX2wV3uT4\"", "stored Gz1yX2wV3uT4")
                .command("echo unrelated", "unrelated");
        RunReport report = run(steps, Steps.bindingsFor(target.facts()), StepSelection.ALL, true);
        assertEquals(List.of(Verdict.FAIL, Verdict.SKIP, Verdict.PASS),
                report.results().stream().map(StepResult::verdict).toList(), () -> report.results().toString());
        assertEquals("needs Gz1yX2wV3uT4, which step 1 should have captured, and step 1 FAILed: the guide's example "
                + "is not typed in its place", report.results().get(1).reason());

        Bindings given = Steps.bindingsFor(target.facts())
                .bind(new Binding("Gz1yX2wV3uT4", "Given0value1", Binding.Origin.COMMAND_LINE, false));
        RunReport withBind = run(steps, given, StepSelection.ALL, true);
        assertEquals(Verdict.PASS, withBind.results().get(1).verdict(), "a value given with --bind stands in");
    }

    @Test
    void anEffectOrStateThatContradictsTheGuideIsAFailNotADrift() {
        RunReport report = run(new Steps()
                        .command("printf 'UPDATE 0\\n'", "UPDATE 1")
                        .command("printf 'synapse                          BACKOFF   Exited too quickly\\n'",
                                "synapse                            RUNNING   pid 26020, uptime 0:03:14")
                        .command("printf 'UPDATE 1\\nINSERT 0 2\\n'", "UPDATE 1", "INSERT 0 1")
                        .command("printf 'UPDATE 1\\nsome other line\\n'", "UPDATE 1", "another line"),
                Steps.bindingsFor(target.facts()), StepSelection.ALL, true);
        List<StepResult> r = report.results();
        assertEquals(List.of(Verdict.FAIL, Verdict.FAIL, Verdict.FAIL, Verdict.DRIFT),
                r.stream().map(StepResult::verdict).toList(), r::toString);
        assertEquals("psql command tag: UPDATE 0 where the guide shows UPDATE 1", r.get(0).reason());
        assertEquals("supervisord state of synapse: BACKOFF where the guide shows RUNNING", r.get(1).reason());
        assertEquals("psql command tag: INSERT 0 2 where the guide shows INSERT 0 1", r.get(2).reason());
        assertTrue(r.get(0).diff().contains("+UPDATE 0"), r.get(0).diff());
    }
}
