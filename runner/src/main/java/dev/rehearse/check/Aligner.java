package dev.rehearse.check;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import dev.rehearse.check.Alignment.Op;
import dev.rehearse.check.Alignment.Pair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Aligns the guide's lines with the real ones at the least cost: a line only one side has costs 1 (0 when
 * blank or a {@linkplain JobNotices job's notice}), a match costs nothing, and an elision may stand for any number
 * of real lines. Among alignments with as few differences, the one whose elisions stand for the fewest lines wins,
 * so that a line the guide shows after an elision is matched rather than swallowed. A plain diff cannot do this: an
 * elision is a wildcard, and where it ends is only known by what follows it, so this is a small dynamic programme
 * over both lists (a longest common subsequence with wildcards).
 *
 * <p>Equal lines at both ends are aligned first. When what is left would need more than {@link #MAX_CELLS}
 * cells (a command that printed tens of thousands of lines against a long transcript), java-diff-utils' Myers
 * diff in linear space aligns it instead, and an elision then takes the real lines of the change it stands in.
 */
final class Aligner {
    static final long MAX_CELLS = 16_000_000L;

    private static final byte MATCH = 1;
    private static final byte ABSORB = 2;
    private static final byte PASS = 3;
    private static final byte DROP = 4;
    private static final byte ADD = 5;

    private final List<ExpectedPattern> expected;
    private final List<String> actualKeys;

    private Aligner(List<ExpectedPattern> expected, List<String> actualKeys) {
        this.expected = expected;
        this.actualKeys = actualKeys;
    }

    static List<Pair> align(List<ExpectedPattern> expected, List<String> actualKeys) {
        return new Aligner(expected, actualKeys).align();
    }

    private List<Pair> align() {
        int n = expected.size();
        int m = actualKeys.size();
        int head = 0;
        while (head < n && head < m && matches(head, head)) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && matches(n - 1 - tail, m - 1 - tail)) {
            tail++;
        }
        List<Pair> pairs = new ArrayList<>(n + m);
        for (int k = 0; k < head; k++) {
            pairs.add(new Pair(Op.SAME, k, k));
        }
        int e1 = n - tail;
        int a1 = m - tail;
        if ((long) (e1 - head + 1) * (a1 - head + 1) <= MAX_CELLS) {
            cheapest(head, e1, head, a1, pairs);
        } else {
            myers(head, e1, head, a1, pairs);
        }
        for (int k = tail; k > 0; k--) {
            pairs.add(new Pair(Op.SAME, n - k, m - k));
        }
        return pairs;
    }

    private boolean matches(int e, int a) {
        return expected.get(e).matches(actualKeys.get(a));
    }

    private long dropCost(int e, long difference) {
        return expected.get(e).optional() ? 0 : difference;
    }

    private long addCost(int a, long difference) {
        return Alignment.optional(actualKeys.get(a)) ? 0 : difference;
    }

    /** The least-cost alignment of expected [e0, e1) with actual [a0, a1), appended to {@code out}. */
    private void cheapest(int e0, int e1, int a0, int a1, List<Pair> out) {
        int rows = e1 - e0;
        int cols = a1 - a0;
        int width = cols + 1;
        byte[] move = new byte[(rows + 1) * width];
        // a difference outweighs any number of lines elided: costs compare by differences first
        long difference = cols + 1L;
        // cost[j]: the least cost of aligning expected [i, e1) with actual [a0 + j, a1), filled from the bottom row up
        long[] below = new long[width];
        long[] cost = new long[width];
        for (int j = cols - 1; j >= 0; j--) {
            below[j] = below[j + 1] + addCost(a0 + j, difference);
            move[rows * width + j] = ADD;
        }
        for (int i = rows - 1; i >= 0; i--) {
            ExpectedPattern line = expected.get(e0 + i);
            int row = i * width;
            if (line.elision()) {
                cost[cols] = below[cols];
                move[row + cols] = PASS;
                for (int j = cols - 1; j >= 0; j--) {
                    if (cost[j + 1] + 1 < below[j]) {
                        cost[j] = cost[j + 1] + 1;
                        move[row + j] = ABSORB;
                    } else {
                        cost[j] = below[j];
                        move[row + j] = PASS;
                    }
                }
            } else {
                long drop = dropCost(e0 + i, difference);
                cost[cols] = below[cols] + drop;
                move[row + cols] = DROP;
                for (int j = cols - 1; j >= 0; j--) {
                    long best = below[j] + drop;
                    byte how = DROP;
                    long add = cost[j + 1] + addCost(a0 + j, difference);
                    if (add < best) {
                        best = add;
                        how = ADD;
                    }
                    if (below[j + 1] <= best && line.matches(actualKeys.get(a0 + j))) {
                        best = below[j + 1];
                        how = MATCH;
                    }
                    cost[j] = best;
                    move[row + j] = how;
                }
            }
            long[] swap = below;
            below = cost;
            cost = swap;
        }
        int i = 0;
        int j = 0;
        while (i < rows || j < cols) {
            switch (move[i * width + j]) {
                case MATCH -> out.add(new Pair(Op.SAME, e0 + i++, a0 + j++));
                case ABSORB -> out.add(new Pair(Op.ELIDED, e0 + i, a0 + j++));
                case PASS -> {
                    if (out.isEmpty() || out.get(out.size() - 1).expected() != e0 + i) {
                        out.add(new Pair(Op.ELIDED, e0 + i, -1));
                    }
                    i++;
                }
                case DROP -> out.add(new Pair(Op.GUIDE_ONLY, e0 + i++, -1));
                default -> out.add(new Pair(Op.ACTUAL_ONLY, -1, a0 + j++));
            }
        }
    }

    /** A linear-space Myers alignment of expected [e0, e1) with actual [a0, a1), appended to {@code out}. */
    private void myers(int e0, int e1, int a0, int a1, List<Pair> out) {
        List<Object> source = new ArrayList<>(expected.subList(e0, e1));
        List<Object> target = new ArrayList<>(actualKeys.subList(a0, a1));
        List<Change> changes = new MyersDiffWithLinearSpace<Object>(
                (e, a) -> ((ExpectedPattern) e).matches((String) a)).computeDiff(source, target, null);
        int i = 0;
        int j = 0;
        for (Change change : mergeAdjacent(changes)) {
            while (i < change.startOriginal) {
                out.add(new Pair(Op.SAME, e0 + i++, a0 + j++));
            }
            int elision = -1;
            for (int k = change.startOriginal; k < change.endOriginal; k++) {
                boolean isElision = expected.get(e0 + k).elision();
                if (isElision && elision < 0) {
                    elision = e0 + k;
                }
                if (!isElision) {
                    out.add(new Pair(Op.GUIDE_ONLY, e0 + k, -1));
                } else if (elision != e0 + k || change.startRevised == change.endRevised) {
                    out.add(new Pair(Op.ELIDED, e0 + k, -1));
                }
            }
            for (int k = change.startRevised; k < change.endRevised; k++) {
                out.add(elision >= 0 ? new Pair(Op.ELIDED, elision, a0 + k) : new Pair(Op.ACTUAL_ONLY, -1, a0 + k));
            }
            i = change.endOriginal;
            j = change.endRevised;
        }
        while (i < e1 - e0) {
            out.add(new Pair(Op.SAME, e0 + i++, a0 + j++));
        }
    }

    /** Myers reports a replaced run as a deletion and an insertion; one change lets an elision take both sides. */
    private static List<Change> mergeAdjacent(List<Change> changes) {
        List<Change> merged = new ArrayList<>();
        for (Change change : changes) {
            Change last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.endOriginal == change.startOriginal && last.endRevised == change.startRevised) {
                merged.set(merged.size() - 1, last.withEndOriginal(change.endOriginal).withEndRevised(change.endRevised));
            } else {
                merged.add(change);
            }
        }
        return Collections.unmodifiableList(merged);
    }
}
