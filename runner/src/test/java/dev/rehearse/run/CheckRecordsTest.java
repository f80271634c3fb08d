package dev.rehearse.run;

import dev.rehearse.bind.Bindings;
import dev.rehearse.check.CheckResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Runbook;
import dev.rehearse.plan.Step;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The check records a run's record holds at its end and, written while a step runs, in the middle. */
class CheckRecordsTest {
    private final Bindings bindings = new Bindings();
    private final Step first = new Steps().command("echo one", "one").plan(bindings).steps().get(0);
    private final Runbook.Check afterFirst = new Runbook.Check("after one",
            new Runbook.StepSelector(1, null, null, "runbook.yaml", 1),
            "true", null, Duration.ofSeconds(5), "runbook.yaml", 2);
    private final Runbook.Check atTheEnd = new Runbook.Check("at the end", null, "true", null, Duration.ofSeconds(5),
            "runbook.yaml", 5);

    @Test
    void aRecordWrittenMidRunSaysTheChecksNotYetMadeDidNotRunBecauseTheRunEnded() {
        CheckRecords records = new CheckRecords(List.of(afterFirst, atTheEnd), null, "not run: the plan has no step",
                bindings);
        records.add(afterFirst, first, Verdict.PASS, null, Duration.ZERO);

        assertEquals(List.of(new CheckResult("after one", "runbook.yaml", 2, 1, Verdict.PASS, null, Duration.ZERO),
                new CheckResult("at the end", "runbook.yaml", 5, 0, Verdict.SKIP, "not run: the run ended before it",
                        Duration.ZERO)), records.soFar(records.count(), "not run: the run ended before it"));
        assertEquals(List.of(Verdict.SKIP, Verdict.SKIP), records.soFar(0, "not run: the run ended before it").stream()
                .map(CheckResult::verdict).toList(), "only the records made when it was asked for");
        assertEquals("not run: the plan has no step", records.all().get(1).reason(),
                "at its end, why no step was for it");
    }

    @Test
    void theChecksFollowingAStepAreThoseItsAfterSelectsAndAtTheLastOneThoseOfTheEnd() {
        CheckRecords records = new CheckRecords(List.of(afterFirst, atTheEnd), first, null, bindings);

        assertEquals(List.of(afterFirst, atTheEnd), records.following(first));
    }
}
