package dev.rehearse.check;

import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.terminal.TerminalText;

import java.util.List;

/**
 * Compares what a command really printed with what the guide shows after it. The checker knows nothing of
 * guides or targets: it gets the expected lines and the real output, already mapped back to the guide's example
 * values by the bindings.
 *
 * <ul>
 *   <li>The real output is read as a terminal shows it: escape sequences dropped, carriage-return redraws and
 *       backspaces resolved, trailing blanks and trailing blank lines removed.</li>
 *   <li>Volatile tokens are masked on both sides ({@link VolatileTokens}); blanks are not significant.</li>
 *   <li>An elision line ({@code [...]}, {@code [\u2026]}, {@code ...}, {@code (...)}) stands for any number of lines.</li>
 *   <li>A prompt line matches the prompt with the echo of the typed answer, or nothing after a hidden prompt
 *       (the program's next output may then follow on the same line); the line that closes a REPL matches its
 *       prompt with whatever the program echoes for end of input ({@link PromptEchoes}).</li>
 *   <li>A blank line only one side has is no difference.</li>
 *   <li>A guide that shows no output for a command makes no claim about it: any output matches. Nor does one that
 *       shows only its author's remarks ({@code # Lists the files...}) where the command printed no such line
 *       ({@link Remarks}).</li>
 *   <li>A REPL's greeting and the prompt where its input ends are no claim where the guide shows neither
 *       ({@link ReplEdges}).</li>
 * </ul>
 */
public final class OutputCheck {

    private OutputCheck() {
    }

    public static Comparison compare(List<ExpectedLine> expected, String actual) {
        List<String> lines = TerminalText.lines(actual);
        String shown = String.join("\n", expected.stream().map(ExpectedLine::text).toList());
        if (toTheLetter(expected, lines)) {
            // most steps print what the guide shows: the alignment would pair each line with itself
            return new Comparison(true, shown, String.join("\n", lines), "");
        }
        Alignment alignment = align(expected, lines);
        boolean matches = expected.isEmpty() || alignment.matches() || Remarks.only(expected, lines);
        return new Comparison(matches, shown, String.join("\n", alignment.actual()),
                matches ? "" : UnifiedDiff.render(alignment));
    }

    /** Whether the guide's lines are plain output lines, each the same as the real line in its place. */
    private static boolean toTheLetter(List<ExpectedLine> expected, List<String> lines) {
        if (expected.size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            ExpectedLine line = expected.get(i);
            if (line.kind() != ExpectedLine.Kind.OUTPUT || !line.text().equals(lines.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The unified diff guide -> real output even where {@link #compare} finds no difference to claim (a guide that
     * shows nothing after a command): a FAIL always shows what really happened.
     */
    public static String diff(List<ExpectedLine> expected, String actual) {
        return UnifiedDiff.render(align(expected, actual));
    }

    /** The line-by-line alignment behind {@link #compare}: what {@code update} needs to rewrite a drifted step. */
    public static Alignment align(List<ExpectedLine> expected, String actual) {
        return align(expected, TerminalText.lines(actual));
    }

    private static Alignment align(List<ExpectedLine> expected, List<String> shownLines) {
        List<ExpectedPattern> patterns = expected.stream().map(ExpectedPattern::new).toList();
        List<String> lines = PromptEchoes.layOut(ReplEdges.trimmed(expected, shownLines), patterns);
        List<String> keys = lines.stream().map(VolatileTokens::key).toList();
        return new Alignment(expected, lines, Aligner.align(patterns, keys));
    }
}
