package dev.rehearse.report;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.UnifiedDiff;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.WriteStep;

import java.util.ArrayList;
import java.util.List;

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
        return verb(step) + " " + subject(step);
    }

    /** What a file step does to its file ({@code create}, {@code append}, {@code merge}); null for a command. */
    public static String verb(Step step) {
        if (step instanceof WriteStep write) {
            return write.verb();
        }
        return step instanceof EditStep edit ? edit.verb() : null;
    }

    /** The command (whole) or the path a file step works on. */
    static String subject(Step step) {
        if (step instanceof CommandStep command) {
            return command.command();
        }
        return step instanceof WriteStep write ? write.path() : ((EditStep) step).path();
    }

    /**
     * The diff's lines without its {@code --- guide}/{@code +++ actual} header, at most {@code max} of them (all when
     * {@code max} is negative) and a line saying how many more there are.
     */
    public static List<String> diffHead(String diff, int max) {
        List<String> lines = UnifiedDiff.hunkLines(diff);
        if (max < 0 || lines.size() <= max) {
            return lines;
        }
        List<String> head = new ArrayList<>(lines.subList(0, max));
        head.add("... " + (lines.size() - max) + " more line" + (lines.size() - max == 1 ? "" : "s"));
        return head;
    }

    /**
     * A DRIFT in one line as a CI page lists it: {@code drift: guide shows X, host printed Y}, the first line the
     * guide shows that the host did not print, and the first the host printed instead.
     */
    public static String driftMessage(StepResult result) {
        List<String> lines = diffHead(result.diff(), -1);
        String shows = lines.stream().filter(l -> l.startsWith("-")).findFirst().map(l -> l.substring(1)).orElse(null);
        String printed = lines.stream().filter(l -> l.startsWith("+")).findFirst().map(l -> l.substring(1)).orElse(null);
        return "drift: guide shows " + quoted(shows) + ", host printed " + quoted(printed);
    }

    private static String quoted(String line) {
        return line == null ? "nothing there" : "'" + line.strip() + "'";
    }

    public static String where(Step step) {
        return step.source() + ":" + step.line();
    }

    /** The id of the step's mark in {@code report.html}: where its verdict, reason and diff are. */
    public static String anchor(Step step) {
        return "step-" + step.n();
    }
}
