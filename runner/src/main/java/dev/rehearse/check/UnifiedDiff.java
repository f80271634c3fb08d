package dev.rehearse.check;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.Change;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import dev.rehearse.check.Alignment.Op;
import dev.rehearse.check.Alignment.Pair;
import dev.rehearse.plan.ExpectedLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an alignment as a unified diff from the guide to the real output (java-diff-utils writes the hunks).
 * Lines that matched after masking show as context in the guide's spelling; an elision shows as one context line
 * and the real lines it stands for are left out, so the diff shows only what really differs. Line numbers on
 * the {@code +} side count an elided run as one line.
 */
public final class UnifiedDiff {
    static final int CONTEXT = 3;
    /** a diff longer than this is cut: a command that printed megabytes must not make a report of megabytes */
    static final int MAX_LINES = 400;

    private UnifiedDiff() {
    }

    static String render(Alignment alignment) {
        List<String> guide = alignment.expected().stream().map(ExpectedLine::text).toList();
        List<String> shown = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        int g = 0;
        int lastElision = -1;
        Change open = null;
        List<Pair> pairs = alignment.pairs();
        boolean[] shownAdded = elidedBesideAChange(pairs);
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            if (pair.op() == Op.ELIDED && pair.expected() != lastElision) {
                // the guide's elision once, as it stands
                if (open != null) {
                    changes.add(open);
                    open = null;
                }
                shown.add(guide.get(pair.expected()));
                lastElision = pair.expected();
                g++;
            }
            // a real line an elision took beside a change shows as one the guide does not
            // and a remark of the guide's, which claims no line, as context where the output lacks it
            boolean remark = pair.op() == Op.GUIDE_ONLY
                    && alignment.expected().get(pair.expected()).kind() == ExpectedLine.Kind.REMARK;
            boolean differs = shownAdded[i] || !remark && (pair.op() == Op.GUIDE_ONLY || pair.op() == Op.ACTUAL_ONLY);
            if (!differs) {
                if (open != null) {
                    changes.add(open);
                    open = null;
                }
                if (pair.op() == Op.SAME || remark) {
                    shown.add(remark ? guide.get(pair.expected()) : alignment.actual().get(pair.actual()));
                    g++;
                }
                continue;
            }
            if (open == null) {
                open = new Change(DeltaType.CHANGE, g, g, shown.size(), shown.size());
            }
            if (pair.op() == Op.GUIDE_ONLY) {
                open = open.withEndOriginal(++g);
            } else {
                shown.add(alignment.actual().get(pair.actual()));
                open = open.withEndRevised(shown.size());
            }
        }
        if (open != null) {
            changes.add(open);
        }
        Patch<String> patch = Patch.generate(guide, shown, changes.stream().map(UnifiedDiff::typed).toList());
        return String.join("\n", cut(UnifiedDiffUtils.generateUnifiedDiff("guide", "actual", guide, patch, CONTEXT)));
    }

    /**
     * The real lines an elision took where it stands beside a change (no matching line between it and a line only
     * one side has): hidden, a drifted step's diff could show only the guide's lines removed, the real output
     * nowhere. An elision between two matching lines stands for what it says and stays hidden.
     */
    private static boolean[] elidedBesideAChange(List<Pair> pairs) {
        boolean[] shown = new boolean[pairs.size()];
        for (int i = 0; i < pairs.size(); ) {
            if (pairs.get(i).op() != Op.ELIDED) {
                i++;
                continue;
            }
            int end = i;
            while (end < pairs.size() && pairs.get(end).op() == Op.ELIDED) {
                end++;
            }
            if (differs(pairs, i - 1, -1) || differs(pairs, end, 1)) {
                for (int k = i; k < end; k++) {
                    shown[k] = pairs.get(k).actual() >= 0;
                }
            }
            i = end;
        }
        return shown;
    }

    /** Whether the first pair from {@code at} on, going {@code step}, that is no blank line nor elision differs. */
    private static boolean differs(List<Pair> pairs, int at, int step) {
        for (int i = at; i >= 0 && i < pairs.size(); i += step) {
            Op op = pairs.get(i).op();
            if (op == Op.GUIDE_ONLY || op == Op.ACTUAL_ONLY) {
                return true;
            }
            if (op == Op.SAME) {
                return false;
            }
        }
        return false;
    }

    /**
     * The lines of a diff without its header, the two lines {@code --- guide} and {@code +++ actual} it starts with:
     * a line the guide shows as {@code -- Logs begin} is {@code --- Logs begin} in the diff, and no header.
     */
    public static List<String> hunkLines(String diff) {
        List<String> lines = diff == null ? List.of() : diff.lines().toList();
        boolean header = lines.size() > 1 && lines.get(0).startsWith("--- ") && lines.get(1).startsWith("+++ ");
        return header ? lines.subList(2, lines.size()) : lines;
    }

    private static List<String> cut(List<String> diff) {
        if (diff.size() <= MAX_LINES) {
            return diff;
        }
        List<String> shown = new ArrayList<>(diff.subList(0, MAX_LINES));
        shown.add("[... " + (diff.size() - MAX_LINES) + " more lines of diff not shown ...]");
        return shown;
    }

    /** Lines the middle of two texts may have for it to be compared line by line (Myers' time grows with both). */
    private static final int COMPARED = 2_000;

    /**
     * The unified diff of two versions of a file, cut as every diff is. The lines both start and end with are set
     * aside first; what is left between them is compared line by line where it is short, else shown removed and
     * added whole: a file of 60,000 lines written anew must not take minutes to show.
     */
    public static String of(String beforeTitle, String afterTitle, List<String> before, List<String> after) {
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        int beforeEnd = before.size() - tail;
        int afterEnd = after.size() - tail;
        List<Change> changes = new ArrayList<>();
        if (beforeEnd - head <= COMPARED && afterEnd - head <= COMPARED) {
            List<String> was = before.subList(head, beforeEnd);
            for (var delta : DiffUtils.diff(was, after.subList(head, afterEnd)).getDeltas()) {
                int from = head + delta.getSource().getPosition();
                int to = head + delta.getTarget().getPosition();
                changes.add(typed(new Change(delta.getType(), from, from + delta.getSource().size(), to,
                        to + delta.getTarget().size())));
            }
        } else if (head < beforeEnd || head < afterEnd) {
            changes.add(typed(new Change(DeltaType.CHANGE, head, beforeEnd, head, afterEnd)));
        }
        Patch<String> patch = Patch.generate(before, after, changes);
        return String.join("\n", cut(UnifiedDiffUtils.generateUnifiedDiff(beforeTitle, afterTitle, before, patch,
                CONTEXT))) + "\n";
    }

    private static Change typed(Change c) {
        DeltaType type = c.startOriginal == c.endOriginal ? DeltaType.INSERT
                : c.startRevised == c.endRevised ? DeltaType.DELETE : DeltaType.CHANGE;
        return new Change(type, c.startOriginal, c.endOriginal, c.startRevised, c.endRevised);
    }
}
