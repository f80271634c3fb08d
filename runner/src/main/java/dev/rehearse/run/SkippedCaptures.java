package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Literals;
import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.WriteStep;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a {@code --from} or {@code --only} run whose steps would type a value that only a skipped step captures
 * (the port {@code uberspace port add} opened, a hash): without it they would type the guide's example instead,
 * and fail or, worse, pass against the wrong thing. The value given with {@code --bind}, or captured by that step in
 * an earlier run on the same target ({@link EarlierCaptures}), lets the run go on.
 */
final class SkippedCaptures {

    private SkippedCaptures() {
    }

    /** @throws BadInput at the first selected step that needs such a value, saying which step captures it */
    static void check(Plan plan, StepSelection selection) {
        List<Step> steps = plan.steps();
        for (Step source : steps) {
            if (selection.includes(source.n()) || !(source instanceof CommandStep capturing)) {
                continue;
            }
            for (Capture capture : capturing.captures()) {
                // given with --bind, or captured by the same step in an earlier run (EarlierCaptures)
                boolean given = plan.bindings().get(capture.literal())
                        .map(b -> b.origin() == Binding.Origin.COMMAND_LINE || b.origin() == Binding.Origin.CAPTURED)
                        .orElse(false);
                if (given) {
                    continue;
                }
                for (Step later : steps) {
                    if (later.n() > source.n() && selection.includes(later.n())
                            && typed(later).stream().anyMatch(text -> Literals.occursIn(text, capture.literal()))) {
                        throw new BadInput(later.source(), later.line(), "step " + later.n() + " needs "
                                + capture.literal() + ", which step " + source.n() + " captures while it runs, and step "
                                + source.n() + " is skipped (" + selection.skipReason() + "): give the value it "
                                + "printed with --bind '" + capture.literal() + "=VALUE'");
                    }
                }
            }
        }
    }

    /** What a step types or writes, where a value the guide shows would go in as it is: a file step's path too. */
    static List<String> typed(Step step) {
        List<String> texts = new ArrayList<>(step.typed());
        if (step instanceof WriteStep write) {
            texts.add(write.path());
        } else if (step instanceof EditStep edit) {
            texts.add(edit.path());
        }
        return texts;
    }
}
