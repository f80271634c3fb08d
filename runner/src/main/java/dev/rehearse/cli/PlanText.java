package dev.rehearse.cli;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.model.Interaction;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.NotAStep;
import dev.rehearse.plan.Placeholder;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Runbook;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan as a person reads it: bindings, then every step numbered with what it is checked against, bindings
 * applied, secrets hidden.
 */
final class PlanText {
    private static final String INDENT = "      ";
    /** how many lines of a step's expected output the plan shows */
    private static final int OUTPUT_LINES = 4;

    private PlanText() {
    }

    static String render(Plan plan, Runbook runbook) {
        return render(plan, runbook, false);
    }

    /** @param explain also list every block that yields no step, with why */
    static String render(Plan plan, Runbook runbook, boolean explain) {
        Bindings b = plan.bindings();
        StringBuilder out = new StringBuilder();
        out.append(plan.name()).append(": ").append(runbook.dir().relativize(runbook.guide()))
                .append(runbook.sidecar() == null ? " (no sidecar)" : " with " + runbook.dir().relativize(runbook.sidecar()))
                .append('\n');
        out.append("bindings:\n");
        for (Binding binding : b.all()) {
            out.append("  ").append(binding.literal()).append(" -> ")
                    .append(binding.secret() ? "(secret)" : binding.value())
                    .append("  [").append(binding.origin().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("]\n");
        }
        for (Step step : plan.steps()) {
            if (step instanceof CommandStep c) {
                for (Capture capture : c.captures()) {
                    out.append("  ").append(capture.literal()).append(" <- captured by step ").append(c.n())
                            .append(": ").append(capture.regex()).append('\n');
                }
            }
        }
        for (Placeholder p : plan.unbound()) {
            out.append("  ").append(p.literal()).append(" UNBOUND at ").append(p.source()).append(':').append(p.line())
                    .append(": ").append(p.howToBind()).append('\n');
        }
        out.append(summary(plan.steps())).append("\n\n");
        for (Step step : plan.steps()) {
            out.append(String.format("%3d %-7s %s:%d  %s%n", step.n(), step.kind(), step.source(), step.line(),
                    String.join(" > ", step.section())));
            if (step instanceof CommandStep c) {
                out.append(command(b.preview(c.command())));
                for (Interaction i : c.interactions()) {
                    out.append(INDENT).append(interaction(i, b)).append('\n');
                }
                out.append(expectedOutput(c, b));
                if (c.opensShell()) {
                    out.append(INDENT).append("opens a shell: the next commands run in it until its exit\n");
                }
                appendPolicy(out, c.policy());
            } else if (step instanceof WriteStep w) {
                out.append("    ").append(w.verb()).append(' ').append(b.preview(w.path())).append(":\n").append(indent(b.preview(w.content()), INDENT));
                appendPolicy(out, w.policy());
            } else if (step instanceof EditStep e) {
                out.append("    ").append(e.verb()).append(' ').append(b.preview(e.path())).append(" (").append(e.format()).append("):\n")
                        .append(indent(b.preview(e.fragment()), INDENT));
                appendPolicy(out, e.policy());
            }
        }
        if (explain) {
            out.append(plan.notSteps().isEmpty() ? "\nnot steps: none\n" : "\nnot steps:\n");
            for (NotAStep n : plan.notSteps()) {
                out.append("    ").append(n.source()).append(':').append(n.line()).append("  ").append(n.why()).append('\n');
            }
        }
        return out.toString();
    }

    static String summary(List<Step> steps) {
        long commands = steps.stream().filter(s -> s instanceof CommandStep).count();
        long writes = steps.stream().filter(s -> s instanceof WriteStep).count();
        long edits = steps.stream().filter(s -> s instanceof EditStep).count();
        return count(steps.size(), "step") + ": " + count(commands, "command") + ", " + count(edits, "edit") + ", "
                + count(writes, "write");
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The command as a terminal shows it typed: {@code $ } before its first line, {@code > } before the others. */
    private static String command(String command) {
        StringBuilder out = new StringBuilder();
        String[] lines = command.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "    $ " : "    > ").append(lines[i]).append('\n');
        }
        return out.toString();
    }

    /**
     * What the step is checked against, under its command as a transcript shows it: the output lines and elisions
     * (the prompts are its interactions, above), bindings applied; the first few, so that a long install log does
     * not bury the steps ({@code --json} has them all).
     */
    private static String expectedOutput(CommandStep c, Bindings b) {
        List<String> shown = new ArrayList<>();
        for (ExpectedLine e : c.expected()) {
            if (e.kind() == ExpectedLine.Kind.OUTPUT || e.kind() == ExpectedLine.Kind.ELISION) {
                shown.add(b.preview(e.text()));
            }
        }
        // a line saying one more line is no shorter than that line
        int showing = shown.size() <= OUTPUT_LINES + 1 ? shown.size() : OUTPUT_LINES;
        StringBuilder out = new StringBuilder();
        for (String line : shown.subList(0, showing)) {
            out.append(indent(line, "    "));
        }
        if (showing < shown.size()) {
            out.append(INDENT).append("(").append(count(shown.size() - showing, "more line"))
                    .append(" of output; plan --json lists them)\n");
        }
        return out.toString();
    }

    private static String interaction(Interaction i, Bindings b) {
        // what waits for no prompt is typed once the output is still (a server's Ctrl-C, what cat reads)
        String when = i.prompt().isBlank() ? "once its output is still," : "at \"" + b.preview(i.prompt()) + "\"";
        if (i.interrupts()) {
            return when + " press Ctrl-C";
        }
        if (i.leaves()) {
            return when + " leave it running and go on in a new terminal";
        }
        if (i.eof()) {
            return when + " end the input";
        }
        String answer = i.binding() != null ? i.binding() : b.preview(i.answer());
        return when + " type " + (answer.isEmpty() ? "Enter" : "\"" + answer.replace("\n", "\" Enter \"") + "\"")
                + (i.hidden() ? " (hidden)" : "");
    }

    private static String indent(String text, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty() || out.length() == 0) {
                out.append(prefix).append(line);
            }
            out.append('\n');
        }
        String s = out.toString();
        return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** The policy fields that differ from the defaults, as one line, when any does. */
    private static void appendPolicy(StringBuilder out, StepPolicy p) {
        List<String> parts = new ArrayList<>();
        if (p.skip() != null) {
            parts.add("skip: " + p.skip());
        }
        if (!p.timeout().equals(StepPolicy.DEFAULT.timeout())) {
            parts.add("timeout " + duration(p.timeout()));
        }
        if (p.eventually()) {
            parts.add("eventually");
        }
        if (p.expectExit() != 0) {
            parts.add("expect exit " + p.expectExit());
        }
        if (p.ready() != null) {
            parts.add("then waits up to " + duration(p.ready().timeout()) + " for " + p.ready().describe(p.ready().what()));
        }
        if (!parts.isEmpty()) {
            out.append(INDENT).append(String.join(", ", parts)).append('\n');
        }
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
