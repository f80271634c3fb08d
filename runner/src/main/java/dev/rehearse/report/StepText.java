package dev.rehearse.report;

import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.WriteStep;

/**
 * How the reports name a step in one line: its command, or what it writes or edits; and where {@code report.html}
 * shows it (the matrix page links there).
 */
public final class StepText {

    private StepText() {
    }

    public static String title(Step step) {
        if (step instanceof CommandStep command) {
            String first = command.command().lines().findFirst().orElse("");
            return command.command().contains("\n") ? first.replaceAll("\\s*\\\\$", "") + " ..." : first;
        }
        if (step instanceof WriteStep write) {
            return write.verb() + " " + write.path();
        }
        EditStep edit = (EditStep) step;
        return edit.verb() + " " + edit.path();
    }

    /** The command (whole) or the path a file step works on. */
    static String subject(Step step) {
        if (step instanceof CommandStep command) {
            return command.command();
        }
        return step instanceof WriteStep write ? write.path() : ((EditStep) step).path();
    }

    public static String where(Step step) {
        return step.source() + ":" + step.line();
    }

    /** The id of the step's mark in {@code report.html}: where its verdict, reason and diff are. */
    public static String anchor(Step step) {
        return "step-" + step.n();
    }
}
