package dev.rehearse.run;

import dev.rehearse.bind.Bindings;
import dev.rehearse.check.ColumnLayout;
import dev.rehearse.check.Comparison;
import dev.rehearse.check.OutputCheck;
import dev.rehearse.model.Interaction;
import dev.rehearse.plan.ColumnListings;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.ExpectedLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a command's output is what its step's transcript shows, in each reading the guide allows: the checker's
 * line by line, in the guide's terms or the target's, then those that depend on the command and its run.
 */
final class TranscriptJudge {
    private final Bindings bindings;

    /** @param bindings the run's, which grow as steps capture values */
    TranscriptJudge(Bindings bindings) {
        this.bindings = bindings;
    }

    /**
     * The step's output against its transcript. Where Rehearse stopped a command with Ctrl-C that the transcript
     * does not show (a server the guide leaves running), what the program printed as it stopped is none of the
     * guide's: it may follow the last line shown. A listing in columns ({@code ls}) is the same with the same
     * entries in another grid, as the terminal's width lays them out.
     */
    Comparison judge(CommandStep step, String actualOutput, String realOutput) {
        Comparison comparison = inEitherTerms(step.expected(), actualOutput, realOutput);
        List<ExpectedLine> shown = step.expected();
        if (comparison.matches() || shown.isEmpty()) {
            return comparison;
        }
        boolean same = ColumnListings.lists(step.command()) && ColumnLayout.sameEntries(shown, actualOutput);
        if (!same && step.interactions().stream().anyMatch(Interaction::interrupts)
                && shown.stream().noneMatch(line -> line.kind() == ExpectedLine.Kind.ELISION
                        && line.text().strip().startsWith(Interaction.INTERRUPT))) {
            List<ExpectedLine> stopped = new ArrayList<>(shown);
            stopped.add(ExpectedLine.elision(shown.get(shown.size() - 1).sourceLine(), Interaction.INTERRUPT));
            same = inEitherTerms(stopped, actualOutput, realOutput).matches();
        }
        return same ? new Comparison(true, comparison.expected(), comparison.actual(), "") : comparison;
    }

    /**
     * Compares in the guide's terms (real values mapped back), and where that finds a difference, once more in the
     * target's terms (the guide's lines with the bindings applied). Mapping back is ambiguous when two examples
     * stand for one value ({@code USER} and {@code isabell} are both the target's user): the guide's
     * {@code [isabell]: USER} comes back as {@code [isabell]: isabell}. Applying the bindings forward is not.
     * What is shown stays in the guide's terms either way.
     */
    private Comparison inEitherTerms(List<ExpectedLine> expected, String actualOutput, String realOutput) {
        Comparison comparison = OutputCheck.compare(expected, actualOutput);
        if (comparison.matches()) {
            return comparison;
        }
        List<ExpectedLine> bound = expected.stream().map(line -> new ExpectedLine(line.sourceLine(),
                bindings.apply(line.text()), line.kind(), bindings.apply(line.prompt()), bindings.apply(line.answer())))
                .toList();
        return OutputCheck.compare(bound, realOutput).matches()
                ? new Comparison(true, comparison.expected(), comparison.actual(), "")
                : comparison;
    }
}
