package dev.rehearse.plan;

import dev.rehearse.bind.Bindings;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Guide;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A runbook turned into steps: the guide, its numbered steps and the bindings that apply to them; the blocks that
 * yield no step, with why; and the placeholders no binding fills.
 */
public record Plan(String name, Guide guide, List<Step> steps, Bindings bindings, List<NotAStep> notSteps,
                   List<Placeholder> unbound) {

    public Plan(String name, Guide guide, List<Step> steps, Bindings bindings) {
        this(name, guide, steps, bindings, List.of(), List.of());
    }

    /**
     * @throws BadInput at the first unbound placeholder, listing every one with its place and how to bind it:
     *                  typed as it stands, bash would read {@code <user} as a redirection
     */
    public void requireBound() {
        if (unbound.isEmpty()) {
            return;
        }
        Placeholder first = unbound.get(0);
        String all = unbound.stream().map(p -> p.literal() + " at " + p.source() + ":" + p.line())
                .distinct().collect(Collectors.joining(", "));
        throw new BadInput(first.source(), first.line(), "unbound placeholder" + (unbound.size() > 1 ? "s " : " ") + all
                + "; bind each with " + first.howToBind());
    }

    /**
     * Holds every binding to every command of {@code steps}: a value may not hold a newline, nor change the shell
     * syntax of a command it goes into. What the planner binds, what a step captures and what an earlier run
     * captured all pass here before anything is typed.
     *
     * @throws BadInput naming the binding and the command
     */
    public static void checkBindings(Bindings bindings, List<Step> steps) {
        bindings.validateValues();
        for (Step step : steps) {
            if (step instanceof CommandStep c) {
                bindings.validate(c.command(), c.source() + ":" + c.line());
            }
        }
    }
}
