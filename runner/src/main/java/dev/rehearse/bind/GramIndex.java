package dev.rehearse.bind;

import java.util.Arrays;
import java.util.List;

/**
 * Finds in a text every run of characters it shares with one of a few known texts, at least as long as that text
 * asks, in time linear in the text: every four-character piece of the known texts is indexed with where it stands,
 * and the text is looked up only every {@code shortest - 3} characters (any run that long holds a piece starting at
 * such a place), each piece found then extended both ways. Searching each known text's every piece at every place
 * would cost the hundreds of them a secret's forms make for each character a run prints.
 */
final class GramIndex {
    static final int GRAM = 4;

    /** Reports a run: {@code chars[start, end)} stands in known text {@code known}. */
    interface RunFound {
        void run(int start, int end, int known);
    }

    private final char[][] known;
    private final int[] shortestRun;
    /** every {@code step}-th place of a text is looked up */
    private final int step;
    /** open addressing, by a piece's four characters packed in a long; {@code firstAt} -1 where no key is */
    private final long[] keys;
    private final int[] firstAt;
    /** the places of the pieces, as linked lists: known text, offset in it, next place of the same piece or -1 */
    private final int[] placeText;
    private final int[] placeOffset;
    private final int[] nextPlace;

    /**
     * @param known       the texts to find runs of (each at least {@code shortestRun} long)
     * @param shortestRun for each, the shortest run of it reported, at least {@link #GRAM}
     */
    GramIndex(List<String> known, int[] shortestRun) {
        this.known = known.stream().map(String::toCharArray).toArray(char[][]::new);
        this.shortestRun = shortestRun.clone();
        this.step = Arrays.stream(shortestRun).min().orElse(GRAM) - GRAM + 1;
        int places = known.stream().mapToInt(t -> Math.max(0, t.length() - GRAM + 1)).sum();
        int size = Integer.highestOneBit(Math.max(16, places * 2)) << 1;
        keys = new long[size];
        firstAt = new int[size];
        Arrays.fill(firstAt, -1);
        placeText = new int[places];
        placeOffset = new int[places];
        nextPlace = new int[places];
        int place = 0;
        for (int t = 0; t < this.known.length; t++) {
            char[] text = this.known[t];
            for (int offset = 0; offset + GRAM <= text.length; offset++, place++) {
                long key = pack(text, offset);
                int slot = slotOf(key);
                placeText[place] = t;
                placeOffset[place] = offset;
                nextPlace[place] = firstAt[slot];
                keys[slot] = key;
                firstAt[slot] = place;
            }
        }
    }

    /** Reports the runs of {@code chars[0, length)} (a run overlapping one reported before may be left out). */
    void find(char[] chars, int length, RunFound found) {
        int reportedUntil = 0;
        for (int at = 0; at + GRAM <= length; at += step) {
            if (at + GRAM <= reportedUntil) {
                continue;
            }
            int slot = slotOf(pack(chars, at));
            if (firstAt[slot] < 0) {
                continue;
            }
            for (int place = firstAt[slot]; place >= 0; place = nextPlace[place]) {
                char[] text = known[placeText[place]];
                int offset = placeOffset[place];
                int start = at;
                while (start > 0 && offset - (at - start) > 0 && chars[start - 1] == text[offset - (at - start) - 1]) {
                    start--;
                }
                int end = at + GRAM;
                while (end < length && offset + (end - at) < text.length && chars[end] == text[offset + (end - at)]) {
                    end++;
                }
                if (end - start >= shortestRun[placeText[place]] && end > reportedUntil) {
                    found.run(start, end, placeText[place]);
                    reportedUntil = end;
                }
            }
        }
    }

    /** the slot of {@code key}: its own, or the empty one where it would go */
    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (firstAt[slot] >= 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long pack(char[] chars, int at) {
        return (long) chars[at] << 48 | (long) chars[at + 1] << 32 | (long) chars[at + 2] << 16 | chars[at + 3];
    }
}
