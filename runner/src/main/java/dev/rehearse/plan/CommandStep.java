package dev.rehearse.plan;

import dev.rehearse.model.Interaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A command typed at a shell prompt, with what the guide shows after it.
 *
 * @param command      the command as typed, continuation lines joined with their backslash-newlines kept
 * @param prompt       the prompt it was typed at
 * @param expected     the expected transcript after the command up to the next shell prompt
 * @param interactions what to type while it runs, in order
 * @param captures     values this step prints that later steps reuse (carry-forward and sidecar captures)
 * @param policy       per-step policy from the sidecar (timeout, eventually, skip, expect exit)
 */
public record CommandStep(int n, String source, int line, List<String> section, String command, ShellPrompt prompt,
                          List<ExpectedLine> expected, List<Interaction> interactions, List<Capture> captures,
                          StepPolicy policy)
        implements Step {

    @Override
    public String kind() {
        return "command";
    }

    /** The same step checked against {@code shown} and answering {@code asked}: what its transcript shows. */
    public CommandStep withShown(List<ExpectedLine> shown, List<Interaction> asked) {
        return new CommandStep(n, source, line, section, command, prompt, List.copyOf(shown), List.copyOf(asked),
                captures, policy);
    }

    /**
     * Whether the command opens a shell that takes the next commands ({@code bash}, {@code su - synapse}, {@code
     * pipenv shell}): as a step rule's {@code opens_shell} says, else as {@link ShellOpeners} reads the command.
     */
    public boolean opensShell() {
        return policy.opensShell() != null ? policy.opensShell() : ShellOpeners.opens(command);
    }

    /** The command, and the answers typed at its prompts (an end of input types nothing). */
    @Override
    public List<String> typed() {
        List<String> typed = new ArrayList<>();
        typed.add(command);
        interactions.stream().filter(i -> i.answer() != null && !i.eof()).forEach(i -> typed.add(i.answer()));
        return typed;
    }

    @Override
    public CommandStep withPolicy(StepPolicy policy) {
        return new CommandStep(n, source, line, section, command, prompt, expected, interactions, captures, policy);
    }
}
