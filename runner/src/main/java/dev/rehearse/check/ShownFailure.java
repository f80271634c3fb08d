package dev.rehearse.check;

import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.terminal.TerminalText;

import java.util.List;

/**
 * Whether a command's non-zero exit is the failure its guide shows. A transcript never shows an exit status, but
 * one that shows the command's error ({@code cat: notes.txt: No such file or directory}) shows that it failed, and
 * a reader who sees the same lines has followed the guide. That holds only where the output is what the transcript
 * shows (the caller's comparison) and the transcript ends where the output ends, on a line of output: one cut
 * short ({@code ...}), ending at a prompt, or showing nothing says nothing of how the command ended.
 */
public final class ShownFailure {

    private ShownFailure() {
    }

    /** The transcript's last line is the output's last line: what the command said as it failed. */
    public static boolean shows(List<ExpectedLine> expected, String actual) {
        for (int i = expected.size() - 1; i >= 0; i--) {
            ExpectedLine line = expected.get(i);
            if (!line.text().isBlank()) {
                String last = VolatileTokens.key(TerminalText.lastNonBlankLine(actual));
                return ExpectedPattern.shownOutput(line) && VolatileTokens.key(line.text()).equals(last);
            }
        }
        return false;
    }
}
