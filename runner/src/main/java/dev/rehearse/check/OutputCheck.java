package dev.rehearse.check;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.rehearse.plan.ExpectedLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * TODO(session): TEMPORARY minimal stand-in for the check helper's OutputCheck (no masking of volatile tokens);
 * take theirs in the merge. Compares line by line, trailing blanks and ANSI codes ignored, an elision matching
 * any number of lines.
 */
public final class OutputCheck {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");

    private OutputCheck() {
    }

    public static Comparison compare(List<ExpectedLine> expected, String actual) {
        List<String> shown = new ArrayList<>();
        for (ExpectedLine line : expected) {
            shown.add(switch (line.kind()) {
                case PROMPT, REPL_INPUT -> line.prompt() + (line.answer() == null ? "" : line.answer());
                default -> line.text();
            });
        }
        List<String> real = actual.isEmpty() ? List.of()
                : ANSI.matcher(actual).replaceAll("").lines().map(String::stripTrailing).toList();
        boolean matches = matches(expected, shown, 0, real, 0);
        String expectedText = String.join("\n", shown);
        String actualText = String.join("\n", real);
        String diff = matches ? "" : String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("expected", "actual",
                shown, DiffUtils.diff(shown, real), 3));
        return new Comparison(matches, expectedText, actualText, diff);
    }

    private static boolean matches(List<ExpectedLine> lines, List<String> shown, int e, List<String> real, int a) {
        if (e == lines.size()) {
            return a == real.size();
        }
        if (lines.get(e).kind() == ExpectedLine.Kind.ELISION) {
            for (int skip = a; skip <= real.size(); skip++) {
                if (matches(lines, shown, e + 1, real, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < real.size() && lineMatches(lines.get(e), shown.get(e), real.get(a))
                && matches(lines, shown, e + 1, real, a + 1);
    }

    /** A REPL closed with end of input shows its prompt and whatever the program prints for it ({@code \q}). */
    private static boolean lineMatches(ExpectedLine line, String shown, String real) {
        if (line.kind() == ExpectedLine.Kind.REPL_INPUT && (line.answer() == null || line.answer().isEmpty())) {
            return real.startsWith(line.prompt().stripTrailing());
        }
        return shown.stripTrailing().equals(real);
    }
}
