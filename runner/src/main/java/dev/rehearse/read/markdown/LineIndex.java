package dev.rehearse.read.markdown;

import java.util.Arrays;

/**
 * Line and column of an offset in a text, by binary search over the line starts. flexmark's own
 * {@code Node.getStartLineNumber()} counts newlines from the top on every call, which makes a long guide quadratic.
 */
final class LineIndex {
    private final int[] starts;

    LineIndex(CharSequence text) {
        int[] found = new int[64];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
        }
        starts = Arrays.copyOf(found, count);
    }

    /** 1-based line of {@code offset} */
    int line(int offset) {
        int at = Arrays.binarySearch(starts, offset);
        return at >= 0 ? at + 1 : -at - 1;
    }

    /** 0-based column of {@code offset} in its line */
    int column(int offset) {
        return offset - starts[line(offset) - 1];
    }
}
