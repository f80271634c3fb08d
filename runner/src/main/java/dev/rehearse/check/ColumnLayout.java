package dev.rehearse.check;

import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.terminal.TerminalText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A listing laid out in columns as wide as the terminal ({@code ls}): the guide's and the target's are the same
 * listing when they hold the same entries, in whatever grid. Only for a command known to lay its output out so: in
 * other output, the same words on other lines may be another answer.
 */
public final class ColumnLayout {

    private ColumnLayout() {
    }

    /** The guide shows plain lines of output holding the same entries as the real output, masked as any line is. */
    public static boolean sameEntries(List<ExpectedLine> expected, String actual) {
        List<String> shown = new ArrayList<>();
        for (ExpectedLine line : expected) {
            if (!ExpectedPattern.shownOutput(line)) {
                return false;
            }
            shown.add(line.text());
        }
        List<String> entries = entries(shown);
        return !entries.isEmpty() && entries.equals(entries(TerminalText.lines(actual)));
    }

    private static List<String> entries(List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            String key = VolatileTokens.key(line);
            if (!key.isEmpty()) {
                Collections.addAll(entries, key.split(" "));
            }
        }
        Collections.sort(entries);
        return entries;
    }
}
