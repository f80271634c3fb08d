package dev.rehearse.report;

import dev.rehearse.check.CheckResult;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.CapturedValue;
import dev.rehearse.plan.VarValue;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything the reports need of one run: which runbook on which target, one result per planned step (in plan
 * order, skipped ones included), the values its steps captured, the values the runbook's vars took, and what
 * became of each of the sidecar's checks (one record per step it followed, one for a check that followed none). Holds
 * no secret: results are already in the guide's terms, a captured value bound to a secret is left out, and a var a
 * secret uses shows as its placeholder.
 */
public record RunReport(String runbook, Guide guide, String target, List<StepResult> results, Duration elapsed,
                        List<CapturedValue> captured, Origin origin, List<VarValue> vars, List<CheckResult> checks) {

    /**
     * Which run this is and what it builds on: what a later {@code --from} run checks before it reuses anything.
     *
     * @param id        the run's id, also on the container or user it made ({@code dev.rehearse.targets.RunStamp})
     * @param startedAt when it started, ISO-8601 UTC
     * @param pid       the process that ran it
     * @param resumes   the id of the run whose steps this one builds on ({@code --from}), or null
     * @param inherited the steps that run (or those it built on) did on the same target and this one skips
     */
    public record Origin(String id, String startedAt, long pid, String resumes, List<Integer> inherited) {
        public Origin {
            inherited = List.copyOf(inherited);
        }
    }

    public RunReport {
        captured = List.copyOf(captured);
        vars = List.copyOf(vars);
        checks = List.copyOf(checks);
    }

    /** A run of a runbook without vars or checks. */
    public RunReport(String runbook, Guide guide, String target, List<StepResult> results, Duration elapsed,
                     List<CapturedValue> captured, Origin origin) {
        this(runbook, guide, target, results, elapsed, captured, origin, List.of(), List.of());
    }

    /** A run without an origin or vars: one the tests or the matrix put together. */
    public RunReport(String runbook, Guide guide, String target, List<StepResult> results, Duration elapsed,
                     List<CapturedValue> captured) {
        this(runbook, guide, target, results, elapsed, captured, null);
    }

    /** A run that captured nothing. */
    public RunReport(String runbook, Guide guide, String target, List<StepResult> results, Duration elapsed) {
        this(runbook, guide, target, results, elapsed, List.of());
    }

    /**
     * The steps done on this run's target, by this run (PASS, DRIFT) or by the runs it built on: what a later
     * {@code --from} run may skip and still reuse what they captured.
     */
    public List<Integer> covered() {
        TreeSet<Integer> covered = new TreeSet<>(origin == null ? List.of() : origin.inherited());
        for (StepResult result : results) {
            if (result.verdict() == Verdict.PASS || result.verdict() == Verdict.DRIFT) {
                covered.add(result.step().n());
            }
        }
        return List.copyOf(covered);
    }
}
