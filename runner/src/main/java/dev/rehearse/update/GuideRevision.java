package dev.rehearse.update;

import dev.rehearse.check.Alignment;
import dev.rehearse.check.Alignment.Op;
import dev.rehearse.check.Alignment.Pair;
import dev.rehearse.check.OutputCheck;
import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.MarkedOutput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What one drifted step changes in its guide file: the expected-output lines that no longer match are replaced
 * by what the target printed, and nothing else moves. A line that still matches (after masking volatile tokens)
 * keeps its exact bytes, so the guide keeps its own spelling of versions, hashes and pids; elisions and blank
 * lines stay where the author put them. New lines take the guide's indentation (and mark) of output; a line that is true of
 * the test host only (a path of it, a timing, a value the run was given) becomes an elision.
 */
final class GuideRevision {
    /** what a line that is true of the test host only becomes ({@link HostSpecific}) */
    private static final String ELISION = "[...]";

    /** a Markdown code fence's line */
    private static final Pattern FENCE = Pattern.compile(" {0,3}(?:```|~~~)");

    private GuideRevision() {
    }

    /**
     * @param step   a command step that drifted
     * @param actual its real output, already in the guide's terms (bindings reversed, secrets hidden)
     * @param file   the lines of the step's source file, without line endings
     * @param host   what is true of the test host only
     * @param name   the file's name, for the line that says why a step's lines cannot be rewritten
     * @throws BadInput where a line to drop, or to write after, holds markup beside its text ({@link #keepsItsMarkup})
     */
    static List<LineSplice.Replacement> of(CommandStep step, String actual, List<String> file, HostSpecific host,
                                           String name) {
        List<ExpectedLine> expected = step.expected();
        if (expected.isEmpty()) {
            return List.of(); // the guide shows no output for it, so there is nothing it can be stale about
        }
        Alignment alignment = OutputCheck.align(expected, actual);
        // the guide's own indentation of output, as its output lines have it in the file (4 spaces in the seed's pip
        // blocks, where the commands have 2); the command's when it shows none but blank lines
        String start = expected.stream().map(e -> file.get(e.sourceLine() - 1)).filter(l -> !l.isBlank())
                .map(GuideRevision::leadingBlanks).min((a, b) -> a.length() - b.length())
                .orElse(leadingBlanks(file.get(step.line() - 1)))
                // and its mark, where the guide marks output ("> " in GitHub's docs)
                + expected.stream().filter(e -> !e.text().isBlank())
                .map(e -> MarkedOutput.markOf(file.get(e.sourceLine() - 1), e.text())).findFirst().orElse("");
        // in an HTML <pre> block a browser shows &lt; as <: a line of real output is written as it is to be shown
        UnaryOperator<String> shownAs = insidePre(file, step.line()) ? GuideRevision::escapedHtml : line -> line;
        List<LineSplice.Replacement> replacements = new ArrayList<>();
        Hunk hunk = null;
        int anchor = expected.get(0).sourceLine() - 1; // the last guide line kept so far
        for (Pair pair : nearElisions(alignment)) {
            boolean changed = significant(alignment, pair);
            if (!changed) {
                if (hunk != null) {
                    replacements.add(hunk.replacement());
                    hunk = null;
                }
                if (pair.expected() >= 0) {
                    anchor = expected.get(pair.expected()).sourceLine();
                }
                continue;
            }
            if (hunk == null) {
                hunk = new Hunk(anchor);
                int after = anchor;
                expected.stream().filter(e -> e.sourceLine() == after).findFirst()
                        .ifPresent(e -> keepsItsMarkup(step, name, file.get(after - 1), e, false, shownAs));
            }
            if (pair.op() == Op.GUIDE_ONLY) {
                int sourceLine = expected.get(pair.expected()).sourceLine();
                keepsItsMarkup(step, name, file.get(sourceLine - 1), expected.get(pair.expected()), true, shownAs);
                hunk.drop(sourceLine);
                if (untyped(expected.get(pair.expected()), alignment.actual())) {
                    hunk.keep(file.get(sourceLine - 1));
                }
                anchor = sourceLine;
            } else {
                String line = alignment.actual().get(pair.actual());
                hunk.add(host.test(line) ? start + ELISION : start + shownAs.apply(line));
            }
        }
        if (hunk != null) {
            replacements.add(hunk.replacement());
        }
        return replacements;
    }

    /**
     * A line of the guide that {@code update} drops (or writes after) must hold the step's text alone, with only its
     * indentation and output mark beside it: one that also holds markup (an HTML {@code <pre>} block's {@code </pre>}
     * or a tag, an AsciiDoc callout or attribute) would lose it, and the guide would break. In a {@code <pre>} block
     * the line's text is compared as written there ({@code &lt;} for {@code <}).
     */
    private static void keepsItsMarkup(CommandStep step, String name, String raw, ExpectedLine line, boolean dropped,
                                       UnaryOperator<String> shownAs) {
        String text = shownAs.apply(line.text().strip());
        String shown = raw.strip();
        String marked = (MarkedOutput.markOf(raw, line.text()) + text).strip();
        boolean alone = dropped ? shown.equals(text) || shown.equals(marked) : shown.endsWith(text);
        if (!alone) {
            throw new BadInput(name, line.sourceLine(), "step " + step.n() + ": this line holds more than the output "
                    + "it shows (markup such as </pre>, <b>, an attribute or a callout), which update would lose: "
                    + "change it by hand (the report shows what the step printed)");
        }
    }

    /**
     * Whether the line {@code line} (1-based) of the file stands in an HTML {@code <pre>} block: the last {@code <pre>}
     * or {@code </pre>} tag or code fence at it or above it is a {@code <pre>} (a fence's block shows its text as
     * it is, markup and all).
     */
    static boolean insidePre(List<String> file, int line) {
        for (int i = Math.min(line, file.size()) - 1; i >= 0; i--) {
            String text = file.get(i).toLowerCase(Locale.ROOT);
            int open = Math.max(text.lastIndexOf("<pre>"), text.lastIndexOf("<pre "));
            int close = text.lastIndexOf("</pre>");
            if (open >= 0 || close >= 0) {
                return open > close;
            }
            if (FENCE.matcher(text).lookingAt()) {
                return false;
            }
        }
        return false;
    }

    private static String escapedHtml(String line) {
        return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The alignment's pairs, where the guide's lines dropped right before an elision that stands for real lines
     * take the first of those lines, and those dropped right after it the last: "uno", "[...]" against "one", "two"
     * becomes "one", "[...]", not "[...]" alone, which would show less than the author did. Such an elision may
     * stand for no line, so the guide still matches.
     */
    private static List<Pair> nearElisions(Alignment alignment) {
        List<Pair> before = takenFromElisions(alignment, alignment.pairs());
        return reversed(takenFromElisions(alignment, reversed(before)));
    }

    /** One direction of {@link #nearElisions}: dropped lines, then an elision's real lines, in {@code pairs}' order. */
    private static List<Pair> takenFromElisions(Alignment alignment, List<Pair> pairs) {
        List<Pair> out = new ArrayList<>();
        int i = 0;
        while (i < pairs.size()) {
            int dropped = i;
            while (dropped < pairs.size() && pairs.get(dropped).op() == Op.GUIDE_ONLY
                    && significant(alignment, pairs.get(dropped))) {
                dropped++;
            }
            int elided = dropped;
            while (elided < pairs.size() && pairs.get(elided).op() == Op.ELIDED && pairs.get(elided).actual() >= 0
                    && pairs.get(elided).expected() == pairs.get(dropped).expected()) {
                elided++;
            }
            if (dropped == i || elided == dropped) {
                // no elision after these: each pair as it is, and the next look after them (one scan of a long run)
                int next = Math.max(dropped, i + 1);
                out.addAll(pairs.subList(i, next));
                i = next;
                continue;
            }
            out.addAll(pairs.subList(i, dropped));
            int taken = Math.min(dropped - i, elided - dropped);
            for (int k = dropped; k < dropped + taken; k++) {
                out.add(new Pair(Op.ACTUAL_ONLY, -1, pairs.get(k).actual()));
            }
            if (taken == elided - dropped) {
                out.add(new Pair(Op.ELIDED, pairs.get(dropped).expected(), -1)); // it stands for no line now
            } else {
                out.addAll(pairs.subList(dropped + taken, elided));
            }
            i = elided;
        }
        return out;
    }

    private static List<Pair> reversed(List<Pair> pairs) {
        List<Pair> reversed = new ArrayList<>(pairs);
        Collections.reverse(reversed);
        return reversed;
    }

    /** A difference worth writing: blank lines only one side has are not (the checker ignores them too). */
    private static boolean significant(Alignment alignment, Pair pair) {
        return switch (pair.op()) {
            case SAME, ELIDED -> false;
            case GUIDE_ONLY -> !alignment.expected().get(pair.expected()).text().isBlank()
                    && alignment.expected().get(pair.expected()).kind() != ExpectedLine.Kind.REMARK;
            case ACTUAL_ONLY -> !alignment.actual().get(pair.actual()).isBlank();
        };
    }

    /**
     * A line typed into a REPL that no real line shows typed, at its start or after output: the run never typed it
     * (its prompt never came), which says nothing of the guide's command, and a guide that lost it would no longer
     * be followed: it stays, after the real lines that take the place of the others around it. Where a real line
     * shows it typed, that line takes its place and the command stays.
     */
    private static boolean untyped(ExpectedLine line, List<String> actual) {
        if (line.kind() != ExpectedLine.Kind.REPL_INPUT || line.answer() == null || line.answer().isBlank()) {
            return false;
        }
        String typed = line.prompt() + " " + line.answer();
        return actual.stream().noneMatch(real -> real.stripTrailing().endsWith(typed));
    }

    private static String leadingBlanks(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /** A run of guide lines to drop and real lines to put in their place, after guide line {@code anchor}. */
    private static final class Hunk {
        private final int anchor;
        private int lastDropped = -1;
        private final List<String> lines = new ArrayList<>();
        /** the guide's commands among the dropped lines that no real line replaces, as the file has them */
        private final List<String> kept = new ArrayList<>();

        Hunk(int anchor) {
            this.anchor = anchor;
        }

        void drop(int sourceLine) {
            lastDropped = sourceLine;
        }

        /** one elision stands for a run of host-specific lines */
        void add(String line) {
            if (!(line.endsWith(ELISION) && !lines.isEmpty() && lines.get(lines.size() - 1).equals(line))) {
                lines.add(line);
            }
        }

        void keep(String fileLine) {
            kept.add(fileLine);
        }

        LineSplice.Replacement replacement() {
            List<String> lines = new ArrayList<>(this.lines);
            lines.addAll(kept);
            return lastDropped < 0
                    ? new LineSplice.Replacement(anchor + 1, anchor, lines)
                    : new LineSplice.Replacement(anchor + 1, lastDropped, lines);
        }
    }
}
