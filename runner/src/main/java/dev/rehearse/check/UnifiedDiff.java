package dev.rehearse.check;

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
final class UnifiedDiff {
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
        for (Pair pair : alignment.pairs()) {
            boolean differs = pair.op() == Op.GUIDE_ONLY || pair.op() == Op.ACTUAL_ONLY;
            if (!differs) {
                if (open != null) {
                    changes.add(open);
                    open = null;
                }
                if (pair.op() == Op.SAME) {
                    shown.add(alignment.actual().get(pair.actual()));
                    g++;
                } else if (pair.expected() != lastElision) {
                    shown.add(guide.get(pair.expected()));
                    lastElision = pair.expected();
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
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("guide", "actual", guide, patch, CONTEXT);
        if (diff.size() > MAX_LINES) {
            int more = diff.size() - MAX_LINES;
            diff = new ArrayList<>(diff.subList(0, MAX_LINES));
            diff.add("[... " + more + " more lines of diff not shown ...]");
        }
        return String.join("\n", diff);
    }

    private static Change typed(Change c) {
        DeltaType type = c.startOriginal == c.endOriginal ? DeltaType.INSERT
                : c.startRevised == c.endRevised ? DeltaType.DELETE : DeltaType.CHANGE;
        return new Change(type, c.startOriginal, c.endOriginal, c.startRevised, c.endRevised);
    }
}
