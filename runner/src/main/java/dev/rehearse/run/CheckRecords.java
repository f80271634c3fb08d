package dev.rehearse.run;

import dev.rehearse.bind.Bindings;
import dev.rehearse.check.CheckResult;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Runbook.Check;
import dev.rehearse.plan.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What became of each of the sidecar's checks in a run: one record each time it ran after a step or was to and did
 * not, and one for a check no step of the run was for. A passing check leaves its step as it was and a check that
 * never ran leaves no mark on any step, so without these records a run would not tell either from a check that was
 * never declared.
 */
final class CheckRecords {
    static final String INTERRUPTED = "not run: the run was interrupted";

    /** A record with the index of its check in the sidecar, to tell which checks have none yet. */
    private record Made(int check, CheckResult result) {
    }

    private final List<Check> checks;
    private final Step last;
    private final String noEnd;
    private final Bindings bindings;
    /** the record's writer copies the records so far from its own thread */
    private final List<Made> made = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param last  the step the checks made at the end follow, or null when the run does not reach the end
     * @param noEnd why not, when {@code last} is null
     */
    CheckRecords(List<Check> checks, Step last, String noEnd, Bindings bindings) {
        this.checks = List.copyOf(checks);
        this.last = last;
        this.noEnd = noEnd;
        this.bindings = bindings;
    }

    /** The records of a run of {@code plan}'s {@code selection}, whose checks made at the end follow its last step. */
    static CheckRecords of(List<Check> checks, Plan plan, StepSelection selection, Bindings bindings) {
        Step last = lastToRun(plan, selection);
        return new CheckRecords(checks, last, last == null ? whyNoEnd(plan, selection) : null, bindings);
    }

    /** the last step of the plan this run executes, for the checks made at the end */
    private static Step lastToRun(Plan plan, StepSelection selection) {
        if (plan.steps().isEmpty() || !selection.includes(plan.steps().get(plan.steps().size() - 1).n())) {
            return null; // --only stops short of the end: a check of the end state would judge a half-done install
        }
        Step last = null;
        for (Step step : plan.steps()) {
            if (selection.includes(step.n()) && Runner.policy(step).skip() == null) {
                last = step;
            }
        }
        return last;
    }

    /** why the checks made at the end do not run when the run has no last step ({@link #lastToRun}) */
    private static String whyNoEnd(Plan plan, StepSelection selection) {
        if (plan.steps().isEmpty()) {
            return "not run: the plan has no step";
        }
        if (!selection.includes(plan.steps().get(plan.steps().size() - 1).n())) {
            return "not run: the run stops short of the plan's end (" + selection.skipReason() + ")";
        }
        return "not run: the run skips every step";
    }

    /** why a check does not run after this result, or null when it runs (the step passed or drifted) */
    static String notRunAfter(StepResult result) {
        int n = result.step().n();
        return switch (result.verdict()) {
            case PASS, DRIFT -> null;
            case FAIL -> "not run: step " + n + " failed";
            case ERROR -> "not run: step " + n + " ended in an ERROR";
            case INTERRUPTED -> INTERRUPTED;
            case SKIP -> "not run: step " + n + " was skipped (" + result.reason() + ")";
        };
    }

    /** The checks that follow {@code step}, in the sidecar's order: its {@code after} selects it, or it is the end. */
    List<Check> following(Step step) {
        List<Check> following = new ArrayList<>();
        for (Check check : checks) {
            if (check.after() == null ? step == last : check.after().matches(step)) {
                following.add(check);
            }
        }
        return following;
    }

    /** @param why null for a PASS, why it failed for a FAIL, why it did not run (to its end) for a SKIP */
    void add(Check check, Step after, Verdict verdict, String why, Duration elapsed) {
        made.add(new Made(checks.indexOf(check), record(check, after.n(), verdict, why, elapsed)));
    }

    /** how many records there are so far: what {@link #soFar} takes */
    int count() {
        return made.size();
    }

    /** Every check's records at the run's end: those made, then one for each check no step of the run was for. */
    List<CheckResult> all() {
        return soFar(count(), null);
    }

    /**
     * The first {@code count} records, then one SKIP for each check without a record among them: {@code why}, or
     * when null why no step was for it.
     */
    List<CheckResult> soFar(int count, String why) {
        List<CheckResult> records = new ArrayList<>();
        boolean[] recorded = new boolean[checks.size()];
        synchronized (made) {
            for (Made record : made.subList(0, count)) {
                recorded[record.check()] = true;
                records.add(record.result());
            }
        }
        for (int i = 0; i < checks.size(); i++) {
            if (!recorded[i]) {
                Check check = checks.get(i);
                records.add(record(check, 0, Verdict.SKIP, why != null ? why : check.after() == null ? noEnd
                        : "not run: no step of the plan matches its after:", Duration.ZERO));
            }
        }
        return records;
    }

    private CheckResult record(Check check, int after, Verdict verdict, String why, Duration elapsed) {
        // a name or a reason may hold a value bound to a secret: told in the guide's terms, as the steps are
        String name = check.title();
        return new CheckResult(bindings.reverse(name), check.file(), check.line(), after, verdict,
                why == null ? null : bindings.reverse(why), elapsed);
    }
}
