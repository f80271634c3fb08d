package dev.rehearse.report;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counts every report shows at the top.
 *
 * @param status the run's verdict: INTERRUPTED when it was stopped, else ERROR when Rehearse itself went wrong in a
 *               step, else FAIL when a step failed, else DRIFT when one drifted, else PASS (a run of skipped steps
 *               only is a PASS: nothing it ran went wrong)
 * @param interruptedAt the step the run was stopped at (its one INTERRUPTED step), or 0
 */
public record Summary(int total, int pass, int drift, int fail, int skip, int error, int interrupted, int interruptedAt,
                      Verdict status, Duration elapsed) {

    public static Summary of(RunReport report) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        List<StepResult> results = report.results();
        results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        int interruptedAt = results.stream().filter(r -> r.verdict() == Verdict.INTERRUPTED)
                .mapToInt(r -> r.step().n()).findFirst().orElse(0);
        Verdict status = interruptedAt > 0 ? Verdict.INTERRUPTED : counts.get(Verdict.ERROR) > 0 ? Verdict.ERROR
                : counts.get(Verdict.FAIL) > 0 ? Verdict.FAIL : counts.get(Verdict.DRIFT) > 0 ? Verdict.DRIFT : Verdict.PASS;
        return new Summary(results.size(), counts.get(Verdict.PASS), counts.get(Verdict.DRIFT),
                counts.get(Verdict.FAIL), counts.get(Verdict.SKIP), counts.get(Verdict.ERROR),
                counts.get(Verdict.INTERRUPTED), interruptedAt, status,
                report.elapsed() == null ? Duration.ZERO : report.elapsed());
    }
}
