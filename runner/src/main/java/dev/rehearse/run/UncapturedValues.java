package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.bind.Literals;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.Step;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a step should have captured while it ran but did not, because it FAILed or was skipped: a later
 * step that would type or write one of them is not run (SKIP, saying which and why), since it would otherwise
 * type the guide's example in its place (a hash whose password nobody knows, a port nothing listens on).
 * A value given with {@code --bind}, or taken from an earlier run, stands in and lets the later step run.
 */
final class UncapturedValues {
    /** the step that should have captured a value, and what became of it */
    private record Source(int n, Verdict verdict) {
    }

    /** literal -> the step that should have captured it */
    private final Map<String, Source> missing = new LinkedHashMap<>();

    /** Notes the captures of a step that did not run to the end; forgets those a step did capture. */
    void after(StepResult result, Bindings bindings) {
        if (!(result.step() instanceof CommandStep step)) {
            return;
        }
        boolean ran = result.verdict() == Verdict.PASS || result.verdict() == Verdict.DRIFT;
        for (Capture capture : step.captures()) {
            boolean given = bindings.get(capture.literal())
                    .map(b -> b.origin() == Binding.Origin.COMMAND_LINE || b.origin() == Binding.Origin.CAPTURED)
                    .orElse(false);
            if (ran || given) {
                missing.remove(capture.literal());
            } else {
                missing.put(capture.literal(), new Source(step.n(), result.verdict()));
            }
        }
    }

    /** Why {@code step} must not run (it needs a value that was never captured), or null. */
    String whyNotRun(Step step) {
        for (Map.Entry<String, Source> entry : missing.entrySet()) {
            if (SkippedCaptures.typed(step).stream().anyMatch(t -> Literals.occursIn(t, entry.getKey()))) {
                Source source = entry.getValue();
                return "needs " + entry.getKey() + ", which step " + source.n() + " should have captured, and step "
                        + source.n() + (source.verdict() == Verdict.FAIL ? " FAILed" : " was skipped")
                        + ": the guide's example is not typed in its place";
            }
        }
        return null;
    }
}
