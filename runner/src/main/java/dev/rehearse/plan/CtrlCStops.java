package dev.rehearse.plan;

import dev.rehearse.model.Interaction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The steps a reader stops with Ctrl-C: a program that follows its output ({@code tail -f}), a server whose output
 * says to stop it so, the same command started again later; each gets its ^C and ends with the signal's status.
 */
final class CtrlCStops {

    private CtrlCStops() {
    }

    /**
     * A command that follows its output until the reader stops it ({@code tail -f}): Ctrl-C once its output has been
     * still a while. What the guide shows of a log is what the author's log held, and its last line may never come
     * (or be the author's remark: "[...] no errors should appear"); a {@code ^C} the guide shows is kept.
     */
    static TranscriptCommand stoppedIfItFollows(TranscriptCommand c) {
        if (!CommandHints.follows(c.command()) || c.interrupts()) {
            return c;
        }
        List<Interaction> interactions = new ArrayList<>(c.interactions());
        interactions.add(Interaction.interrupt(""));
        return c.withInteractions(interactions);
    }

    /**
     * A program whose output, as the guide shows it, tells the reader to stop it with Ctrl-C ("Quit the server with
     * CONTROL-C.", "Press CTRL+C to quit") runs until someone does: it gets its ^C once the last line shown has come,
     * as where the prose says so, whether that output stands in the command's block or in one of its own after it.
     * The same command again, shown without its output (the server started anew later in the guide), gets its ^C once
     * its output has been still a while. Without them such steps waited for their timeouts, and failed.
     */
    static List<Step> stoppedAsTheySay(List<Step> steps) {
        List<Step> out = new ArrayList<>(steps);
        Set<String> stopped = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            if (!(out.get(i) instanceof CommandStep c) || c.policy().skip() != null) {
                continue;
            }
            if (c.interactions().stream().anyMatch(Interaction::interrupts)) {
                stopped.add(c.command());
            } else if (c.interactions().stream().noneMatch(Interaction::leaves) && c.expected().stream()
                    .anyMatch(e -> e.kind() == ExpectedLine.Kind.OUTPUT && CommandHints.saysCtrlC(e.text()))) {
                out.set(i, interrupted(c));
                stopped.add(c.command());
            } else if (c.interactions().isEmpty() && c.expected().isEmpty() && stopped.contains(c.command())) {
                out.set(i, stoppedWithCtrlC(c));
            }
        }
        return out;
    }

    /**
     * {@code c} stopped with Ctrl-C as a reader stops a server: once the last line the guide shows of its output has
     * come, or once its output has been still for the quiet period where the guide shows none (as {@code tail -f}).
     */
    static CommandStep stoppedWithCtrlC(CommandStep c) {
        CommandStep once = interrupted(c);
        if (once.interactions().stream().anyMatch(Interaction::interrupts)) {
            return once;
        }
        List<Interaction> interactions = new ArrayList<>(c.interactions());
        interactions.add(Interaction.interrupt(""));
        return once.withShown(once.expected(), interactions);
    }

    /** A server the guide stops with ^C ends on the interrupt: its exit status is the signal's. */
    static CommandStep interrupted(CommandStep c) {
        TranscriptCommand stopped = TranscriptReader.interrupted(new TranscriptCommand(c.line(), c.line(), c.prompt(),
                c.command(), c.expected(), c.interactions()));
        return c.withShown(c.expected(), stopped.interactions())
                .withPolicy(c.policy().skip() == null ? interrupted(c.policy()) : c.policy());
    }

    /** the status of a program ended by Ctrl-C (SIGINT) */
    static final int INTERRUPTED = 130;

    static StepPolicy interrupted(StepPolicy policy) {
        return policy.expecting(INTERRUPTED);
    }
}
