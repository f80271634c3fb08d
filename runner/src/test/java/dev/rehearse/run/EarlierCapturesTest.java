package dev.rehearse.run;

import dev.rehearse.bind.Bindings;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.model.TargetFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code --from} run builds on the record in its report folder only when it is of the same runbook and target and
 * covers the steps skipped; either way it says so in one line.
 */
class EarlierCapturesTest {
    private static final TargetFacts FACTS = new TargetFacts("robin", "ravel", "/home/robin", "robin.ravel.test");
    private static final String TARGET = "ssh://robin@ravel:2222";

    @TempDir
    Path reports;

    private final List<String> said = new ArrayList<>();

    /** step 1 captures the port, step 2 waits, step 3 types the port */
    private static Plan plan() {
        return new Steps()
                .command("uberspace port add", StepPolicy.DEFAULT, List.of(),
                        List.of(new Capture("40132", "Port (\\d+) will be open")), Steps.lines("Port 40132 will be open"))
                .command("until [ -e go ]; do sleep 1; done", "")
                .command("curl http://localhost:40132/", "ok")
                .plan(Steps.bindingsFor(FACTS));
    }

    private void record(String target, String covers, String interruptedAt) throws IOException {
        Files.writeString(reports.resolve("results.json"), """
                {"steps": [],
                 "captured": [{"step": 1, "literal": "40132", "value": "41999"}],
                 "run": {"id": "20261202-020000-77-1", "covers": %s, "resumes": null},
                 "summary": {"runbook": "fixture", "target": "%s", "interrupted_at": %s}}
                """.formatted(covers, target, interruptedAt));
    }

    private Optional<EarlierCaptures.Adopted> bind(Plan plan, int from) {
        return EarlierCaptures.bind(plan, StepSelection.of(from, null), reports, TARGET, said::add);
    }

    @Test
    void aRecordThatCoversTheSkippedStepsIsBuiltOnAndNamed() throws IOException {
        record(TARGET, "[1, 2]", "null");
        Plan plan = plan();

        EarlierCaptures.Adopted adopted = bind(plan, 3).orElseThrow();

        assertEquals("20261202-020000-77-1", adopted.id());
        assertEquals(List.of(1, 2), adopted.inherited());
        assertEquals("41999", adopted.plan().bindings().get("40132").orElseThrow().value());
        assertEquals(List.of("building on run 20261202-020000-77-1 (" + reports.resolve("results.json")
                + "), which did steps 1, 2; reusing what it captured: 40132=41999 (step 1)"), said);
    }

    @Test
    void aRecordInterruptedBeforeTheSkippedStepsEndedIsNotReused() throws IOException {
        record(TARGET, "[1]", "2");
        Plan plan = plan();

        assertTrue(bind(plan, 3).isEmpty());

        assertTrue(plan.bindings().get("40132").isEmpty(), "the older value is not bound");
        assertEquals(List.of("not reusing run 20261202-020000-77-1 (" + reports.resolve("results.json")
                + "): it did not complete step 2 (it was interrupted at step 2)"), said);
    }

    @Test
    void aRecordOfAnotherTargetIsNotReused() throws IOException {
        record("local /tmp/rehearse-local-1/home (user rehearse-abcdef)", "[1, 2]", "null");

        assertTrue(bind(plan(), 2).isEmpty());

        assertTrue(said.get(0).endsWith("it ran on another target (local /tmp/rehearse-local-1/home (user "
                + "rehearse-abcdef)); what its steps did is not here"), said.toString());
    }

    @Test
    void aRunFromItsFirstStepReadsNoRecord() throws IOException {
        record(TARGET, "[1, 2]", "null");

        assertTrue(EarlierCaptures.bind(plan(), StepSelection.of(null, "1"), reports, TARGET, said::add).isEmpty());

        assertEquals(List.of(), said, "nothing is skipped before it: nothing to say");
    }

    @Test
    void aRecordWithoutCoversCountsItsPassedAndDriftedSteps() throws IOException {
        Files.writeString(reports.resolve("results.json"), """
                {"steps": [{"n": 1, "verdict": "PASS"}, {"n": 2, "verdict": "FAIL"}, {"n": 3, "verdict": "SKIP"}],
                 "captured": [{"step": 1, "literal": "40132", "value": "41999"}],
                 "summary": {"runbook": "fixture", "target": "%s"}}
                """.formatted(TARGET));

        assertTrue(bind(plan(), 2).isPresent(), said.toString());
        assertTrue(bind(plan(), 3).isEmpty());
        assertTrue(said.get(1).startsWith("not reusing the earlier run ("), said.toString());
    }
}
