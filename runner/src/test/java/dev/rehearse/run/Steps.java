package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.ShellPrompt;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds plans by hand, in the guide's terms ({@code isabell}, {@code stardust}, {@code /home/isabell}), for
 * runner tests that must not depend on the planner.
 */
final class Steps {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ShellPrompt PROMPT = new ShellPrompt(null, "isabell", "stardust", "~", "$");
    private final List<Step> steps = new ArrayList<>();

    Steps command(String command, String... output) {
        return command(command, StepPolicy.DEFAULT, List.of(), List.of(), lines(output));
    }

    Steps command(String command, StepPolicy policy, List<Interaction> interactions, List<Capture> captures,
                  List<ExpectedLine> expected) {
        steps.add(new CommandStep(steps.size() + 1, "fixture.rst", 10 * (steps.size() + 1), List.of("Test"),
                command, PROMPT, expected, interactions, captures, policy));
        return this;
    }

    Steps step(Step step) {
        steps.add(step);
        return this;
    }

    int next() {
        return steps.size() + 1;
    }

    Plan plan(Bindings bindings) {
        return new Plan("fixture", null, List.copyOf(steps), bindings);
    }

    static List<ExpectedLine> lines(String... output) {
        List<ExpectedLine> lines = new ArrayList<>();
        for (String line : output) {
            lines.add(line.equals("[...]") ? ExpectedLine.elision(0, line) : ExpectedLine.output(0, line));
        }
        return lines;
    }

    static ExpectedLine prompt(String prompt, String answer) {
        return new ExpectedLine(0, prompt + answer, ExpectedLine.Kind.PROMPT, prompt, answer);
    }

    static ExpectedLine replInput(String prompt, String input) {
        return new ExpectedLine(0, prompt + input, ExpectedLine.Kind.REPL_INPUT, prompt, input);
    }

    static StepPolicy timeout(Duration timeout) {
        return new StepPolicy(timeout, false, null, 0);
    }

    /** isabell, stardust and /home/isabell bound to the target, as the planner binds them without a sidecar */
    static Bindings bindingsFor(TargetFacts facts) {
        return new Bindings()
                .bind(new Binding("/home/isabell", facts.home(), Binding.Origin.TARGET, false))
                .bind(new Binding("isabell", facts.user(), Binding.Origin.TARGET, false))
                .bind(new Binding("stardust", facts.host(), Binding.Origin.TARGET, false));
    }
}
