package dev.rehearse.check;

import dev.rehearse.model.AccountPassword;
import dev.rehearse.plan.ExpectedLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Which real line each line of the guide stands for. {@code update} uses it to know which expected lines to
 * keep (they still match, volatile tokens and all, so the guide keeps its own spelling) and which to replace.
 *
 * @param expected the guide's lines, in order
 * @param actual   the real lines as a reader sees them (escape sequences and redraws resolved, trailing blanks
 *                 removed, output after a hidden prompt on its own line), in order
 * @param pairs    the alignment, in order of both lists: every expected and every actual index appears in it once,
 *                 except that an elision appears once per real line it stands for (or once with no real line)
 */
public record Alignment(List<ExpectedLine> expected, List<String> actual, List<Pair> pairs) {

    public Alignment {
        expected = List.copyOf(expected);
        actual = List.copyOf(actual);
        pairs = List.copyOf(pairs);
    }

    /** How one line of one side relates to the other side. */
    public enum Op {
        /** the guide's line matches the real one (after masking) */
        SAME,
        /** an elision of the guide stands for the real line (or, with {@code actual == -1}, for no line) */
        ELIDED,
        /** the guide shows a line the real output lacks */
        GUIDE_ONLY,
        /** the real output has a line the guide lacks */
        ACTUAL_ONLY
    }

    /**
     * One step of the alignment.
     *
     * @param expected index into {@link #expected()}, or -1 for {@link Op#ACTUAL_ONLY}
     * @param actual   index into {@link #actual()}, or -1 for {@link Op#GUIDE_ONLY} and an empty elision
     */
    public record Pair(Op op, int expected, int actual) {
    }

    /**
     * Whether the real output is what the guide shows. Blank lines and the notices of background jobs are not
     * significant: one that only one side has does not make a difference.
     */
    public boolean matches() {
        return pairs.stream().allMatch(this::insignificant);
    }

    /** Whether this pair is no difference: a match, an elision, or a blank line or job's notice only one side has. */
    boolean insignificant(Pair pair) {
        return switch (pair.op()) {
            case SAME, ELIDED -> true;
            case GUIDE_ONLY -> optional(expected.get(pair.expected()));
            case ACTUAL_ONLY -> optional(actual.get(pair.actual()));
        };
    }

    /**
     * A line whose having no counterpart on the other side is no difference: blank, a job's notice, or sudo's
     * password prompt, which sudo shows only when it has no fresh credentials, and never to a user it lets in
     * without a password.
     */
    static boolean optional(String line) {
        return line.isBlank() || JobNotices.is(line) || AccountPassword.isSudos(line);
    }

    /** A line of the guide's whose absence from the real output is no difference: one as above, or a remark. */
    static boolean optional(ExpectedLine line) {
        return line.kind() == ExpectedLine.Kind.REMARK || optional(line.text());
    }

    /**
     * What the guide should show to match the real output while changing as little as it can: its own lines where
     * they match (keeping their spelling of volatile tokens), its elisions, its blank lines, and the real lines
     * where they differ.
     */
    public List<String> revised() {
        List<String> lines = new ArrayList<>();
        int lastElision = -1;
        for (Pair pair : pairs) {
            switch (pair.op()) {
                case SAME -> lines.add(expected.get(pair.expected()).text());
                case ELIDED -> {
                    if (pair.expected() != lastElision) {
                        lines.add(expected.get(pair.expected()).text());
                        lastElision = pair.expected();
                    }
                }
                case GUIDE_ONLY -> {
                    if (insignificant(pair)) {
                        lines.add(expected.get(pair.expected()).text());
                    }
                }
                case ACTUAL_ONLY -> {
                    if (!insignificant(pair)) {
                        lines.add(actual.get(pair.actual()));
                    }
                }
            }
        }
        return lines;
    }
}
