package dev.rehearse.plan;

import java.util.List;

/**
 * Output marked line by line with {@code >}, as GitHub's docs write it: {@code $ ssh-add -l} over
 * {@code > 256 SHA256:... (ED25519)} in one block, or a command's block followed by blocks of its own whose every
 * line starts with {@code >}. Such a block is never commands: typed, each of its lines would be a redirection that
 * empties the file its first word names. Among marked lines, a line that starts with {@code #} is the author's
 * remark ({@code # Lists the files in your .ssh directory}), as nothing the command prints is left unmarked there.
 */
public final class MarkedOutput {
    private static final char MARK = '>';
    /** Python's prompt, which starts a line typed into its REPL, never a mark ({@code >>> import json}) */
    private static final String PYTHONS_PROMPT = ">>>";

    private MarkedOutput() {
    }

    /**
     * Every line that is not blank starts with the mark (not Python's prompt), or is a remark among marked lines; one
     * at least is marked.
     */
    static boolean marks(List<String> lines) {
        boolean marked = false;
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || isRemark(s)) {
                continue;
            }
            if (s.charAt(0) != MARK || s.startsWith(PYTHONS_PROMPT)) {
                return false;
            }
            marked = true;
        }
        return marked;
    }

    /** A remark among marked lines, which is no output. */
    static boolean isRemark(String line) {
        return line.strip().startsWith("#");
    }

    /** The line as the command printed it: the mark and the blank after it gone. */
    static String unmarked(String line) {
        String s = line.stripLeading();
        String mark = markAtStart(s);
        return mark.isEmpty() ? line : s.substring(mark.length());
    }

    /** What the mark is on a guide's line (for writing new lines as the guide marks them), or "" when unmarked. */
    public static String markOf(String guideLine, String expectedText) {
        return expectedText.stripLeading().startsWith(String.valueOf(MARK)) ? ""
                : markAtStart(guideLine.stripLeading());
    }

    /** The mark and the blank after it that {@code s} starts with ({@code "> "}, {@code ">"}), or "". */
    private static String markAtStart(String s) {
        if (s.isEmpty() || s.charAt(0) != MARK) {
            return "";
        }
        return s.startsWith(MARK + " ") ? MARK + " " : String.valueOf(MARK);
    }
}
