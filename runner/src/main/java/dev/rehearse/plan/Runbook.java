package dev.rehearse.plan;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.SourceRoots;
import dev.rehearse.model.BoundedText;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A guide plus what its sidecar {@code runbook.yaml} says about running it (documented in docs/runbook.md).
 * A bare guide is a runbook with defaults: no sidecar, target facts and carry-forward bind what they can.
 *
 * @param name     the runbook's name: its folder's name, or the guide's file name without extension
 * @param dir      the folder the guide and its sidecar live in (the guide's source root)
 * @param guide    the guide file
 * @param sidecar  the sidecar file, or null when there is none
 * @param vars     variables the sidecar declares, settable with {@code --bind NAME=VALUE}; null means unset
 * @param varFacts variable -> the target fact it follows where the target has it (over its default, under --bind)
 * @param bindings the sidecar's bindings, in file order
 * @param answers  the sidecar's answers to prompts
 * @param steps    per-step policies, applied in order over {@code defaults}
 * @param defaults the policy of a step no rule selects
 * @param checks   extra checks the runner makes after a step (or at the end)
 * @param target   target defaults ({@code kind}: local, container, ssh://...; further options by name)
 * @param effects  the runbook's own effect lines, each a pattern with a group named {@code effect} (and maybe one
 *                 named {@code subject}), on top of the built-in ones (docs/checking.md)
 * @param includeRoots folders beyond {@code dir} the guide's includes may read from ({@code include_roots})
 */
public record Runbook(String name, Path dir, Path guide, Path sidecar, Map<String, String> vars,
                      Map<String, String> varFacts, List<BindingRule> bindings, List<AnswerRule> answers, List<StepRule> steps, StepPolicy defaults,
                      List<Check> checks, Map<String, String> target, List<Pattern> effects, List<Path> includeRoots) {

    /** Where the guide's files may come from: this folder and the sidecar's {@code include_roots}. */
    public SourceRoots roots() {
        return new SourceRoots(dir, includeRoots);
    }

    /**
     * Loads a runbook from a folder (its guide and {@code runbook.yaml}), a {@code runbook.yaml}, or a guide file
     * (with the {@code runbook.yaml} beside it when there is one for it).
     *
     * @throws dev.rehearse.guide.BadInput when the path or the sidecar is wrong, with the sidecar's file:line
     */
    public static Runbook load(Path path) {
        return SidecarReader.load(path);
    }

    /** A runbook of a guide alone: no sidecar, every default. */
    public static Runbook bare(String name, Path dir, Path guide) {
        return new Runbook(name, dir, guide, null, Map.of(), Map.of(), List.of(), List.of(), List.of(),
                StepPolicy.DEFAULT, List.of(), Map.of(), List.of(), List.of());
    }

    /**
     * This runbook with every step's timeout {@code timeout} ({@code run --timeout}) where its sidecar's
     * {@code steps:} rules set none: over {@code defaults.timeout}, under a rule's own.
     */
    public Runbook withTimeout(Duration timeout) {
        return new Runbook(name, dir, guide, sidecar, vars, varFacts, bindings, answers, steps,
                new StepPolicy(timeout, defaults.eventually(), defaults.skip(), defaults.expectExit(), defaults.ready(),
                        defaults.maxOutput(), defaults.opensShell()),
                checks, target, effects, includeRoots);
    }

    /** How a sidecar binding gets its value. */
    public enum ValueSource {
        /** {@code value:} (or a plain scalar): a literal value, {@code ${var}} and {@code ${user}} etc. expanded */
        VALUE,
        /** {@code fact:} one of user, host, home, domain of the target */
        FACT,
        /** {@code generate:} secret (random alphanumeric) or port (free on loopback) */
        GENERATE,
        /** {@code capture:} a regex searched in a step's real output; group 1 (or the match) is the value */
        CAPTURE,
        /** {@code same_as:} whatever another binding's literal is bound to, captured ones included */
        SAME_AS
    }

    /**
     * One sidecar binding.
     *
     * @param argument the value, fact name, generator, regex or other literal, as {@code source} says
     * @param step     for a capture: the step whose output is searched (null: the first step that shows the literal)
     */
    public record BindingRule(String literal, ValueSource source, String argument, boolean secret, StepSelector step,
                              String file, int line) {
    }

    /**
     * Which steps a rule applies to; every given criterion must hold.
     *
     * @param n       the step number in the plan, or null
     * @param command searched in a command step's command as the guide shows it, or null
     * @param section searched in each title of the step's section path, or null
     */
    public record StepSelector(Integer n, Pattern command, Pattern section, String file, int line) {

        /** @throws BadInput when an expression backtracks without end on the guide's text, which would hold the plan */
        public boolean matches(Step step) {
            if (n != null && step.n() != n) {
                return false;
            }
            try {
                if (command != null && !(step instanceof CommandStep c
                        && command.matcher(BoundedText.of(c.command())).find())) {
                    return false;
                }
                return section == null || step.section().stream()
                        .anyMatch(t -> section.matcher(BoundedText.of(t)).find());
            } catch (BoundedText.TooSlow slow) {
                throw new BadInput(file, line, BoundedText.TooSlow.told("the step's "
                        + (command != null ? "command" : "section") + " expression", "the guide's text"));
            }
        }
    }

    /**
     * Per-step policy: the fields given override what earlier rules or the defaults set. {@code skip: false} runs a
     * step the planner skips (one for another machine). {@code interrupt: true} stops a command with Ctrl-C as a
     * reader stops a server the guide leaves running in the foreground: once the last line the guide shows of its
     * output has come, or once its output has been still a while where the guide shows none.
     */
    public record StepRule(StepSelector selector, Duration timeout, Boolean eventually, String skip, Integer expectExit,
                           Readiness ready, Boolean opensShell, boolean interrupt, String file, int line) {

        public static final String RUN_ANYWAY = "false";

        public StepPolicy over(StepPolicy base) {
            return new StepPolicy(timeout != null ? timeout : base.timeout(),
                    eventually != null ? eventually : base.eventually(),
                    skip == null ? base.skip() : skip.equals(RUN_ANYWAY) ? null : skip,
                    expectExit != null ? expectExit : base.expectExit(),
                    ready != null ? ready : base.ready(), base.maxOutput(),
                    opensShell != null ? opensShell : base.opensShell());
        }
    }

    /**
     * A check the guide does not show: {@code command} runs after the step {@code after} selects (at the end when
     * null) and passes when it exits 0 and its output contains a match of {@code expect} (when given).
     */
    public record Check(String name, StepSelector after, String command, Pattern expect, Duration timeout,
                        String file, int line) {

        /** its name, or its command where the sidecar gives it none */
        public String title() {
            return name != null ? name : command;
        }
    }
}
