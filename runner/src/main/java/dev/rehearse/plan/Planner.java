package dev.rehearse.plan;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.bind.FactBindings;
import dev.rehearse.bind.Generated;
import dev.rehearse.bind.Literals;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.BindingResolver.CaptureRule;
import dev.rehearse.plan.Runbook.StepRule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a runbook into its plan: every block in guide order (includes inlined, each with its own origin)
 * becomes command steps (one per prompt where something is typed), a write, an edit, or nothing; the sidecar's
 * policies, answers and captures are attached; values the guide shows in one step's output and reuses later
 * are captured and carried forward; and every binding is checked against every command it may stand in.
 */
public final class Planner {

    /** The placeholder hidden prompts get when the sidecar binds no secret; it is bound to a generated one. */
    public static final String GENERATED_SECRET = "<password>";

    private final TargetFacts facts;
    private final Map<String, String> overrides;

    /**
     * @param facts     the target's facts, for the example values every guide uses
     * @param overrides {@code --bind NAME=VALUE}: a sidecar variable, or else an example value, by name
     */
    public Planner(TargetFacts facts, Map<String, String> overrides) {
        this.facts = facts;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * What of a plan does not depend on the target or the values bound: the guide's steps with the sidecar's
     * policies and answers, before anything is bound or captured. A run drafts once, checks the guide with a plan of
     * its example values before its target is open, then plans the draft again against the target's facts.
     */
    public record Draft(Runbook runbook, Guide guide, List<Step> steps, List<NotAStep> notSteps) {
        public Draft {
            steps = List.copyOf(steps);
            notSteps = List.copyOf(notSteps);
        }
    }

    /** @throws BadInput when the sidecar's step rules or answers do not fit the guide */
    public static Draft draft(Runbook runbook, Guide guide) {
        String secret = BindingResolver.defaultSecret(runbook);
        List<NotAStep> notSteps = new ArrayList<>();
        List<Step> steps = BlockSteps.of(guide, new TranscriptReader(runbook.answers(), secret != null ? secret
                : GENERATED_SECRET), runbook.defaults(), notSteps);
        steps = ServiceNames.filledIn(ShownStatuses.expected(CtrlCStops.stoppedAsTheySay(steps)));
        return new Draft(runbook, guide, withPolicies(steps, runbook), notSteps);
    }

    /** @throws BadInput when the sidecar asks for something the guide does not have, or a value is unsafe */
    public Plan plan(Runbook runbook, Guide guide) {
        return plan(draft(runbook, guide));
    }

    /** @throws BadInput when the sidecar asks for something the guide does not have, or a value is unsafe */
    public Plan plan(Draft draft) {
        Runbook runbook = draft.runbook();
        BindingResolver resolver = new BindingResolver(runbook, facts, overrides,
                FactBindings.examplesOf(typedAndShown(draft.steps())));
        Bindings bindings = resolver.bindings();
        String secret = resolver.defaultSecret() != null ? resolver.defaultSecret() : GENERATED_SECRET;
        List<Step> steps = withCaptures(draft.steps(), resolver.captures(), bindings, draft.guide());
        if (bindings.get(secret).isEmpty() && usesBinding(steps, secret)) {
            // the secret typed at hidden prompts is the one the guide writes as <password> in its commands too
            bindings.bind(new Binding(secret, Generated.secret(), Binding.Origin.GENERATED, true));
        }
        checkAnswerBindings(runbook, bindings);
        BoundNames.check(runbook, overrides.keySet(), steps);
        Plan.checkBindings(bindings, steps, runbook.checks());
        return new Plan(runbook.name(), draft.guide(), List.copyOf(steps), bindings, draft.notSteps(),
                Placeholders.unbound(steps, bindings), resolver.vars(), runbook.answers());
    }

    /** What the steps type, show and write: where a guide's example values stand. */
    private static List<String> typedAndShown(List<Step> steps) {
        List<String> texts = new ArrayList<>();
        for (Step step : steps) {
            texts.addAll(step.typed());
            if (step instanceof CommandStep c) {
                c.expected().forEach(line -> texts.add(line.text()));
                if (c.prompt() != null) {
                    // [isabell@stardust ~]$: the guide's example user and host, where nothing else names them
                    texts.add(c.prompt().account());
                }
            }
        }
        return texts;
    }

    private static List<Step> withPolicies(List<Step> steps, Runbook runbook) {
        for (StepRule rule : runbook.steps()) {
            if (steps.stream().noneMatch(rule.selector()::matches)) {
                throw new BadInput(rule.file(), rule.line(), "this step rule selects no step of the plan");
            }
        }
        for (Runbook.Check check : runbook.checks()) {
            // a check that would never run passes nothing by saying nothing
            if (check.after() != null && steps.stream().noneMatch(check.after()::matches)) {
                throw new BadInput(check.file(), check.line(), "this check's after: selects no step of the plan");
            }
        }
        List<Step> out = new ArrayList<>();
        for (Step step : steps) {
            List<StepRule> rules = runbook.steps().stream().filter(rule -> rule.selector().matches(step)).toList();
            Step stopped = step;
            for (StepRule rule : rules) {
                if (!rule.interrupt()) {
                    continue;
                }
                if (!(step instanceof CommandStep c)) {
                    throw new BadInput(rule.file(), rule.line(), "interrupt: stops a command, and this rule selects "
                            + "step " + step.n() + ", which writes or edits a file");
                }
                if (c.interactions().stream().noneMatch(Interaction::interrupts)) {
                    stopped = CtrlCStops.stoppedWithCtrlC(c);
                }
            }
            // the rules' own fields over the stopped step's (an expect_exit of theirs over the interrupt's 130)
            StepPolicy policy = stopped.policy();
            for (StepRule rule : rules) {
                policy = rule.over(policy);
            }
            out.add(stopped.withPolicy(policy));
        }
        return out;
    }

    private List<Step> withCaptures(List<Step> steps, List<CaptureRule> rules, Bindings bindings, Guide guide) {
        Map<Integer, List<Capture>> captures = new LinkedHashMap<>();
        Set<String> bound = new HashSet<>();
        bindings.all().forEach(b -> bound.add(b.literal()));
        for (CaptureRule rule : rules) {
            CommandStep step = stepFor(steps, rule);
            captures.computeIfAbsent(step.n(), k -> new ArrayList<>()).add(new Capture(rule.literal(), rule.regex()));
            bound.add(rule.literal());
        }
        CarryForward.find(steps, bound).forEach((n, found) -> captures.computeIfAbsent(n, k -> new ArrayList<>()).addAll(found));
        Placeholders.bindChoices(steps, bindings);
        Placeholders.bindFromGuide(guide, steps, bindings, facts, captures)
                .forEach((n, found) -> captures.computeIfAbsent(n, k -> new ArrayList<>()).addAll(found));
        List<Step> out = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof CommandStep c && captures.containsKey(c.n())) {
                out.add(new CommandStep(c.n(), c.source(), c.line(), c.section(), c.command(), c.prompt(), c.expected(),
                        c.interactions(), List.copyOf(captures.get(c.n())), c.policy()));
            } else {
                out.add(step);
            }
        }
        return out;
    }

    /** The step a capture reads: the one its rule selects, or the first that shows the literal in its output. */
    private static CommandStep stepFor(List<Step> steps, CaptureRule rule) {
        for (Step step : steps) {
            if (!(step instanceof CommandStep c)) {
                continue;
            }
            boolean chosen = rule.step() != null ? rule.step().matches(c)
                    : c.expected().stream().anyMatch(e -> Literals.occursIn(e.text(), rule.shownAs()));
            if (chosen) {
                return c;
            }
        }
        String why = rule.step() != null ? "its step: selects no command step"
                : "no command step shows \"" + rule.shownAs() + "\" in its output; name the step with step:";
        throw new BadInput(rule.declared().file(), rule.declared().line(), "capture for \"" + rule.literal() + "\": " + why);
    }

    private static boolean usesBinding(List<Step> steps, String literal) {
        return steps.stream().filter(s -> s instanceof CommandStep).map(s -> (CommandStep) s)
                .anyMatch(c -> c.interactions().stream().anyMatch(i -> literal.equals(i.binding()))
                        || Placeholders.literalsIn(c.command()).contains(literal));
    }

    private static void checkAnswerBindings(Runbook runbook, Bindings bindings) {
        for (AnswerRule rule : runbook.answers()) {
            if (rule.binding() != null && bindings.get(rule.binding()).isEmpty()) {
                throw new BadInput(rule.file(), rule.line(), "answer uses binding \"" + rule.binding()
                        + "\", which nothing binds");
            }
        }
    }
}
