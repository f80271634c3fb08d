package dev.rehearse.plan;

import dev.rehearse.bind.Bindings;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;

import java.util.ArrayList;
import java.util.List;

/**
 * A runbook turned into steps: the guide, its numbered steps and the bindings that apply to them; the blocks that
 * yield no step, with why; the placeholders no binding fills; and the values the sidecar's vars took (secrets as
 * their placeholders), for the reports; the sidecar's answers, which a run also gives wherever their prompts come.
 * Immutable: its bindings are its own copy and
 * {@link #bindings()} hands out a copy, so what a run binds (captures) stays in the run; a plan with more bindings is
 * a new plan ({@link #withBindings}).
 */
public record Plan(String name, Guide guide, List<Step> steps, Bindings bindings, List<NotAStep> notSteps,
                   List<Placeholder> unbound, List<VarValue> vars, List<AnswerRule> answers) {

    public Plan(String name, Guide guide, List<Step> steps, Bindings bindings) {
        this(name, guide, steps, bindings, List.of(), List.of(), List.of(), List.of());
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
        List<String> places = unbound.stream().map(p -> p.literal() + " at " + p.source() + ":" + p.line())
                .distinct().toList();
        // one placeholder has its place at the head of the line already, as lint words it
        throw new BadInput(first.source(), first.line(), places.size() == 1
                ? "unbound placeholder " + first.literal() + ": bind it with " + first.howToBind()
                : "unbound placeholders " + String.join(", ", places) + "; bind each with " + first.howToBind());
    }

    public Plan {
        steps = List.copyOf(steps);
        bindings = bindings.copy();
        notSteps = List.copyOf(notSteps);
        unbound = List.copyOf(unbound);
        vars = List.copyOf(vars);
        answers = List.copyOf(answers);
    }

    /** A copy of the plan's bindings, for whoever applies or adds to them. */
    @Override
    public Bindings bindings() {
        return bindings.copy();
    }

    /** The same steps with {@code more} as their bindings. */
    public Plan withBindings(Bindings more) {
        return new Plan(name, guide, steps, more, notSteps, unbound, vars, answers);
    }

    /**
     * This plan, when it has a step and its guide is whole: an empty guide, or one that shows nothing to type and no
     * file to write, is a mistake (the wrong file, a page of prose), never a run of nothing that passes; so is a
     * guide that includes a file that is not there, whose steps and files are not all the guide's.
     *
     * @throws BadInput naming the guide, or the include
     */
    public Plan runnable() {
        for (Finding finding : guide.findings()) {
            if (finding.rule().equals(Finding.MISSING_INCLUDE)) {
                throw new BadInput(finding.source(), finding.line(), finding.message());
            }
        }
        if (steps.isEmpty()) {
            throw new BadInput(guide.file().toString(), 0,
                    "no step to run: the guide shows no command to type and no file to write");
        }
        return this;
    }

    /**
     * Holds every binding to every command of {@code steps}: a value may not hold a newline, nor change the shell
     * syntax of a command it goes into. What the planner binds, what a step captures and what an earlier run
     * captured all pass here before anything is typed.
     *
     * @throws BadInput naming the binding and the command
     */
    public static void checkBindings(Bindings bindings, List<Step> steps) {
        checkBindings(bindings, steps, List.of());
    }

    /** As {@link #checkBindings(Bindings, List)}, and the sidecar's checks too: they run in the same shell. */
    public static void checkBindings(Bindings bindings, List<Step> steps, List<Runbook.Check> checks) {
        bindings.validateValues();
        for (Command command : commands(steps, checks)) {
            bindings.validate(command.text(), command.where());
        }
    }

    /** A command bindings go into as the guide shows it, and its place ({@code file:line}) for messages. */
    record Command(String text, String where) {
    }

    /** The commands of {@code steps} (their readiness probes too) and of {@code checks}, in order. */
    static List<Command> commands(List<Step> steps, List<Runbook.Check> checks) {
        List<Command> commands = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof CommandStep c) {
                commands.add(new Command(c.command(), c.source() + ":" + c.line()));
            }
            Readiness ready = step.policy() != null ? step.policy().ready() : null;
            if (ready != null) {
                commands.add(new Command(ready.probe(ready.what()), step.source() + ":" + step.line() + " (ready)"));
            }
        }
        for (Runbook.Check check : checks) {
            commands.add(new Command(check.command(), check.file() + ":" + check.line()));
        }
        return commands;
    }
}
