package dev.rehearse.targets.shell;

import dev.rehearse.targets.OutputLimit;

import java.util.Locale;

/**
 * One command's output as it arrives, kept to an {@link OutputLimit}: the head and the tail in memory, the middle
 * only counted (bytes and lines), so that a command printing gigabytes runs in constant memory. {@link #text()}
 * shows the cut as one marker line, so that a guide's {@code ...} elision still matches across it.
 */
final class BoundedOutput {
    static final String MARKER = OutputLimit.CUT_MARKER;
    private final OutputLimit limit;
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    private long bytes;
    private long lines;
    private boolean cut;

    BoundedOutput(OutputLimit limit) {
        this.limit = limit;
    }

    void add(String text) {
        if (text.isEmpty()) {
            return;
        }
        bytes += utf8Length(text);
        lines += newlines(text, 0, text.length());
        if (!cut) {
            int room = limit.head() + limit.tail() - head.length();
            if (text.length() <= room && lines <= 2L * OutputLimit.MAX_LINES) {
                head.append(text);
                return;
            }
            cut = true;
            int split = Math.min(limit.head(), afterLine(head, OutputLimit.MAX_LINES));
            tail.append(head, split, head.length());
            head.setLength(split);
        }
        tail.append(text);
        if (tail.length() > 2 * limit.tail()) {
            // amortised: the tail is trimmed once it doubles, not on every chunk
            tail.delete(0, tail.length() - limit.tail());
        }
    }

    /** how many bytes came so far, kept or not */
    long bytes() {
        return bytes;
    }

    /** how many lines ended so far, kept or not */
    long lineEnds() {
        return lines;
    }

    /** true once the output outgrew the limit */
    boolean cut() {
        return cut;
    }

    /**
     * What was kept: all of it, or the head up to its last line end, a marker line saying how much is not kept,
     * and the tail from its first line start.
     */
    String text() {
        if (!cut) {
            return head.toString();
        }
        int headEnd = head.lastIndexOf("\n") + 1;
        int from = Math.max(0, tail.length() - limit.tail());
        int firstWhole = from == 0 || tail.charAt(from - 1) == '\n' ? from : tail.indexOf("\n", from) + 1;
        int tailStart = Math.max(firstWhole == 0 && from > 0 ? tail.length() : firstWhole,
                lastLines(tail, OutputLimit.MAX_LINES));
        String keptHead = head.substring(0, headEnd);
        String keptTail = tail.substring(tailStart);
        long droppedBytes = bytes - utf8Length(keptHead) - utf8Length(keptTail);
        long droppedLines = lines - newlines(keptHead, 0, keptHead.length()) - newlines(keptTail, 0, keptTail.length());
        return keptHead + marker(droppedBytes, droppedLines) + "\n" + keptTail;
    }

    static String marker(long droppedBytes, long droppedLines) {
        return String.format(Locale.ROOT, "%s %,d bytes in %,d lines not kept here ...]", MARKER, droppedBytes,
                droppedLines);
    }

    /** Where the text after its first {@code n} lines starts; its length when it has fewer. */
    private static int afterLine(CharSequence text, int n) {
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && ++seen == n) {
                return i + 1;
            }
        }
        return text.length();
    }

    /** Where its last {@code n} lines (the last one ended or not) start. */
    private static int lastLines(CharSequence text, int n) {
        int seen = 0;
        for (int i = text.length() - 2; i >= 0; i--) {
            if (text.charAt(i) == '\n' && ++seen == n) {
                return i + 1;
            }
        }
        return 0;
    }

    private static long newlines(CharSequence text, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static long utf8Length(CharSequence text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
