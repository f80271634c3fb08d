package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.Readiness;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.local.LocalTarget;
import dev.rehearse.targets.shell.ShellSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.rehearse.run.Steps.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner on a real login shell in the local sandbox: waiting for what a step started (readiness), a step that
 * needs a value a FAILed step should have captured, and effect lines that contradict the guide.
 */
class RunnerWaitsAndEffectsTest {
    private LocalTarget target;

    @BeforeEach
    void open() {
        target = LocalTarget.open(null, false, ShellSettings.DEFAULT.withQuietPeriod(Duration.ofMillis(1500)));
    }

    @AfterEach
    void close() {
        target.close();
    }

    private static StepPolicy ready(Readiness.Kind kind, String what, Duration timeout) {
        return new StepPolicy(Steps.TIMEOUT, false, null, 0, new Readiness(kind, what, timeout));
    }

    private RunReport run(Steps steps, Bindings bindings, boolean keepGoing, RunListener listener) {
        return new Runner(target, StepSelection.ALL, keepGoing, listener).run(steps.plan(bindings));
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
                Steps.bindingsFor(target.facts()), false, listener);
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
                Steps.bindingsFor(target.facts()), false, RunListener.NONE);
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
        RunReport report = run(steps, Steps.bindingsFor(target.facts()), true, RunListener.NONE);
        assertEquals(List.of(Verdict.FAIL, Verdict.SKIP, Verdict.PASS),
                report.results().stream().map(StepResult::verdict).toList(), () -> report.results().toString());
        assertEquals("needs Gz1yX2wV3uT4, which step 1 should have captured, and step 1 FAILed: the guide's example "
                + "is not typed in its place", report.results().get(1).reason());

        Bindings given = Steps.bindingsFor(target.facts())
                .bind(new Binding("Gz1yX2wV3uT4", "Given0value1", Binding.Origin.COMMAND_LINE, false));
        RunReport withBind = run(steps, given, true, RunListener.NONE);
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
                Steps.bindingsFor(target.facts()), true, RunListener.NONE);
        List<StepResult> r = report.results();
        assertEquals(List.of(Verdict.FAIL, Verdict.FAIL, Verdict.FAIL, Verdict.DRIFT),
                r.stream().map(StepResult::verdict).toList(), r::toString);
        assertEquals("psql command tag: UPDATE 0 where the guide shows UPDATE 1", r.get(0).reason());
        assertEquals("supervisord state of synapse: BACKOFF where the guide shows RUNNING", r.get(1).reason());
        assertEquals("psql command tag: INSERT 0 2 where the guide shows INSERT 0 1", r.get(2).reason());
        assertTrue(r.get(0).diff().contains("+UPDATE 0"), r.get(0).diff());
    }
}
