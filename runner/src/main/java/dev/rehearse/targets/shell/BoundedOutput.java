package dev.rehearse.targets.shell;

import dev.rehearse.targets.OutputLimit;

import java.util.Locale;

/**
 * One command's output as it arrives, kept to an {@link OutputLimit}: the head and the tail in memory, the middle
 * only counted (bytes and lines), so that a command printing gigabytes runs in constant memory. {@link #text()}
 * shows the cut as one marker line, so that a guide's {@code ...} elision still matches across it.
 */
final class BoundedOutput {
    /** how the marker line starts */
    static final String MARKER = "[... output cut by rehearse:";
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
            if (text.length() <= room) {
                head.append(text);
                return;
            }
            cut = true;
            tail.append(head, limit.head(), head.length());
            head.setLength(limit.head());
        }
        tail.append(text);
        if (tail.length() > 2 * limit.tail()) {
            // amortised: the tail is trimmed once it doubles, not on every chunk
            tail.delete(0, tail.length() - limit.tail());
        }
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
        int lineStart = tail.indexOf("\n", from);
        int tailStart = lineStart < 0 ? tail.length() : lineStart + 1;
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
