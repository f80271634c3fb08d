package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;

import java.util.Arrays;
import java.util.List;

/**
 * The lines a state machine reads, each with its origin (file and 0-based line in it); a port of docutils'
 * {@code StringList}. A slice is a child "view" of its parent: lines inserted into a child (an include inside a
 * note) are inserted into every ancestor too, so that the outer parsers skip them correctly. Changes to a parent do
 * not reach existing children.
 *
 * <p>The arrays are never changed in place: slices share them, and every change makes new arrays for the list being
 * changed. Parsing slices "the rest of the document" for every section and list, so sharing keeps that cheap.
 */
final class LineList {

    /** Where a line comes from. {@code offset} is 0-based; null for the position just past the end of a list. */
    record Origin(String source, Integer offset) {
    }

    private String[] data;
    private Origin[] items;
    private int from;
    private int to;
    private LineList parent;
    private int parentOffset;

    private LineList(String[] data, Origin[] items, int from, int to, LineList parent, int parentOffset) {
        this.data = data;
        this.items = items;
        this.from = from;
        this.to = to;
        this.parent = parent;
        this.parentOffset = parentOffset;
    }

    /** Lines of one source, numbered from 0. */
    static LineList of(List<String> lines, String source) {
        String[] data = lines.toArray(new String[0]);
        Origin[] items = new Origin[data.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = new Origin(source, i);
        }
        return new LineList(data, items, 0, data.length, null, 0);
    }

    /** Lines with explicit origins (a table cell, a directive's content). */
    static LineList of(String[] data, Origin[] items) {
        return new LineList(data, items, 0, data.length, null, 0);
    }

    /** {@code a + b}: a new list without a parent (docutils' ViewList addition). */
    static LineList concat(LineList a, LineList b) {
        int n = a.size() + b.size();
        String[] d = new String[n];
        Origin[] it = new Origin[n];
        System.arraycopy(a.data, a.from, d, 0, a.size());
        System.arraycopy(b.data, b.from, d, a.size(), b.size());
        System.arraycopy(a.items, a.from, it, 0, a.size());
        System.arraycopy(b.items, b.from, it, a.size(), b.size());
        return new LineList(d, it, 0, n, null, 0);
    }

    int size() {
        return to - from;
    }

    boolean isEmpty() {
        return to == from;
    }

    /** {@code list[i]}; negative indexes count from the end as in Python. */
    String get(int i) {
        return data[from + index(i)];
    }

    String last() {
        return get(size() - 1);
    }

    private int index(int i) {
        int k = indexOrMinusOne(i);
        if (k < 0) {
            throw new IndexOutOfBoundsException(i);
        }
        return k;
    }

    /** {@code i} as an index from the start (negative ones count from the end), or -1 when out of range. */
    private int indexOrMinusOne(int i) {
        int n = size();
        int k = i < 0 ? i + n : i;
        return k < 0 || k >= n ? -1 : k;
    }

    boolean hasParent() {
        return parent != null;
    }

    /** {@code list[start:end]} as a child view (Python clamping rules). */
    LineList slice(int start, int end) {
        int n = size();
        int s = clamp(start, n);
        int e = Math.max(s, clamp(end, n));
        return new LineList(data, items, from + s, from + e, this, s);
    }

    LineList slice(int start) {
        return slice(start, Integer.MAX_VALUE);
    }

    private static int clamp(int i, int n) {
        if (i < 0) {
            i += n;
            return Math.max(i, 0);
        }
        return Math.min(i, n);
    }

    /** Source and offset of line {@code i}; the position just past the end answers (last source, null). */
    Origin info(int i) {
        Origin o = infoOrNull(i);
        if (o == null) {
            throw new IndexOutOfBoundsException(i);
        }
        return o;
    }

    /**
     * As {@link #info}, but null where {@code info} would throw: the current position is looked up this way many
     * times per document and is often past the end, where a thrown exception (with its stack trace) cost more than
     * the rest of the lookup.
     */
    Origin infoOrNull(int i) {
        int n = size();
        if (i == n && n > 0) {
            return new Origin(items[to - 1].source(), null);
        }
        int k = indexOrMinusOne(i);
        return k < 0 ? null : items[from + k];
    }

    /** Lines as a plain list (a copy). */
    List<String> lines() {
        return Arrays.asList(Arrays.copyOfRange(data, from, to));
    }

    String join(String separator) {
        int n = size();
        if (n == 0) {
            return "";
        }
        if (n == 1) {
            return data[from];
        }
        int length = (n - 1) * separator.length();
        for (int i = from; i < to; i++) {
            length += data[i].length();
        }
        StringBuilder b = new StringBuilder(length);
        b.append(data[from]);
        for (int i = from + 1; i < to; i++) {
            b.append(separator).append(data[i]);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ changes

    /** Insert one line with its origin; ancestors get it too. */
    void insert(int i, String line, Origin origin) {
        insert(i, new String[] {line}, new Origin[] {origin});
    }

    /** Insert another list's lines; ancestors get them too. */
    void insert(int i, LineList other) {
        insert(i, Arrays.copyOfRange(other.data, other.from, other.to),
                Arrays.copyOfRange(other.items, other.from, other.to));
    }

    private void insert(int i, String[] newData, Origin[] newItems) {
        int n = size();
        int at = i < 0 ? Math.max(0, i + n) : Math.min(i, n);
        String[] d = new String[n + newData.length];
        Origin[] it = new Origin[n + newData.length];
        System.arraycopy(data, from, d, 0, at);
        System.arraycopy(newData, 0, d, at, newData.length);
        System.arraycopy(data, from + at, d, at + newData.length, n - at);
        System.arraycopy(items, from, it, 0, at);
        System.arraycopy(newItems, 0, it, at, newItems.length);
        System.arraycopy(items, from + at, it, at + newItems.length, n - at);
        replace(d, it);
        if (parent != null) {
            parent.insert(at + parentOffset, newData, newItems);
        }
    }

    private void replace(String[] d, Origin[] it) {
        data = d;
        items = it;
        from = 0;
        to = d.length;
    }

    private void ownCopy() {
        replace(Arrays.copyOfRange(data, from, to), Arrays.copyOfRange(items, from, to));
    }

    /** Drop {@code n} lines from the start without touching the parent (the view moves on in it). */
    void trimStart(int n) {
        if (n > size()) {
            throw new IndexOutOfBoundsException("can't trim " + n + " items from a list of size " + size());
        }
        from += n;
        if (parent != null) {
            parentOffset += n;
        }
    }

    void trimEnd(int n) {
        if (n > size()) {
            throw new IndexOutOfBoundsException("can't trim " + n + " items from a list of size " + size());
        }
        to -= n;
    }

    /** Cut {@code length} characters off the start of lines {@code start..end-1}; the parent keeps its lines. */
    void trimLeft(int length, int start, int end) {
        ownCopy();
        int e = Math.min(end, size());
        for (int i = Math.max(0, start); i < e; i++) {
            data[i] = data[i].length() <= length ? "" : data[i].substring(length);
        }
    }

    /** Replace line {@code i} of a list that has no parent (a table being isolated). */
    void set(int i, String line) {
        ownCopy();
        data[index(i)] = line;
    }

    /** Keep only lines {@code 0..end-1}; for lists without a parent. */
    void truncate(int end) {
        to = from + Math.max(0, Math.min(end, size()));
    }

    void disconnect() {
        parent = null;
    }

    // ------------------------------------------------------------------ blocks

    /** Raised by {@link #getTextBlock} when an indented line interrupts a flush-left block. */
    static final class UnexpectedIndentation extends Exception {
        final LineList block;
        final String source;
        final int line;

        UnexpectedIndentation(LineList block, String source, int line) {
            super(null, null, false, false);
            this.block = block;
            this.source = source;
            this.line = line;
        }
    }

    /** The lines from {@code start} up to the first blank line. */
    LineList getTextBlock(int start, boolean flushLeft) throws UnexpectedIndentation {
        int end = start;
        int last = size();
        while (end < last) {
            String line = get(end);
            if (Py.isBlank(line)) {
                break;
            }
            if (flushLeft && line.charAt(0) == ' ') {
                Origin o = info(end);
                throw new UnexpectedIndentation(slice(start, end), o.source(), o.offset() + 1);
            }
            end++;
        }
        return slice(start, end);
    }

    /** Result of {@link #getIndented}. */
    record Indented(LineList block, int indent, boolean blankFinish) {
    }

    /**
     * The indented lines from {@code start}, with the common indentation removed; docutils'
     * {@code StringList.get_indented}.
     *
     * @param blockIndent the indent of every line, if known (-1 when not)
     * @param firstIndent the indent of the first line only, if known (-1 when not)
     */
    Indented getIndented(int start, boolean untilBlank, boolean stripIndent, int blockIndent, int firstIndent) {
        int indent = blockIndent;
        int end = start;
        if (blockIndent >= 0 && firstIndent < 0) {
            firstIndent = blockIndent;
        }
        if (firstIndent >= 0) {
            end++;
        }
        int last = size();
        boolean blankFinish = true;
        while (end < last) {
            String line = get(end);
            if (!line.isEmpty() && (line.charAt(0) != ' '
                    || (blockIndent >= 0 && !Py.isBlank(line.substring(0, Math.min(blockIndent, line.length())))))) {
                blankFinish = end > start && Py.isBlank(get(end - 1));
                break;
            }
            String stripped = Py.lstrip(line);
            if (stripped.isEmpty()) {
                if (untilBlank) {
                    blankFinish = true;
                    break;
                }
            } else if (blockIndent < 0) {
                int lineIndent = line.length() - stripped.length();
                indent = indent < 0 ? lineIndent : Math.min(indent, lineIndent);
            }
            end++;
        }
        LineList block = slice(start, end);
        if (firstIndent >= 0 && !block.isEmpty()) {
            String first = block.get(0);
            block.set(0, first.length() <= firstIndent ? "" : first.substring(firstIndent));
        }
        if (indent > 0 && stripIndent) {
            block.trimLeft(indent, firstIndent >= 0 ? 1 : 0, Integer.MAX_VALUE);
        }
        return new Indented(block, Math.max(indent, 0), blankFinish);
    }

    /** A rectangle of text (a grid table cell), its common indentation removed when asked. */
    LineList get2DBlock(int top, int left, int bottom, int right, boolean stripIndent) {
        return get2DBlock(top, left, bottom, right, stripIndent, false);
    }

    /**
     * As {@link #get2DBlock(int, int, int, int, boolean)}; {@code plain}: each of its lines is {@link #plain}, so
     * that a column is a char and no line need be walked to find one.
     */
    LineList get2DBlock(int top, int left, int bottom, int right, boolean stripIndent, boolean plain) {
        LineList block = slice(top, bottom);
        block.ownCopy();
        int indent = right;
        for (int i = 0; i < block.size(); i++) {
            String line = block.data[i];
            if (!plain) {
                int[] ci = columnIndices(line);
                left = left < ci.length ? ci[left] : left + (Py.len(line) - ci.length);
                right = right < ci.length ? ci[right] : right + (Py.len(line) - ci.length);
            }
            String cut = Py.rstrip(plain ? line.substring(Math.min(left, line.length()),
                    Math.max(Math.min(left, line.length()), Math.min(right, line.length()))) : cpSlice(line, left, right));
            block.data[i] = cut;
            if (!cut.isEmpty()) {
                indent = Math.min(indent, Py.len(cut) - Py.len(Py.lstrip(cut)));
            }
        }
        if (stripIndent && indent > 0 && indent < right) {
            for (int i = 0; i < block.size(); i++) {
                block.data[i] = cpSlice(block.data[i], indent, Integer.MAX_VALUE);
            }
        }
        return block;
    }

    /** Whether every char of the line is a column of its own: no combining character, nothing beyond the BMP. */
    static boolean plain(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= 0x300 && (Character.isSurrogate(c) || UnicodeTables.isCombining(c))) {
                return false;
            }
        }
        return true;
    }

    /** docutils' {@code column_indices}: the code point index of every non-combining character. */
    static int[] columnIndices(String text) {
        int n = Py.len(text);
        int[] out = new int[n];
        int k = 0;
        int cpIndex = 0;
        for (int i = 0; i < text.length(); cpIndex++) {
            int c = text.codePointAt(i);
            if (!UnicodeTables.isCombining(c)) {
                out[k++] = cpIndex;
            }
            i += Character.charCount(c);
        }
        return Arrays.copyOf(out, k);
    }

    /** {@code s[start:end]} in code points. */
    static String cpSlice(String s, int start, int end) {
        int n = Py.len(s);
        int a = Math.max(0, Math.min(start, n));
        int b = Math.max(a, Math.min(end, n));
        return s.substring(s.offsetByCodePoints(0, a), s.offsetByCodePoints(0, b));
    }

    /** Pad every East Asian wide character with {@code pad} so that columns line up (tables). */
    void padDoubleWidth(char pad) {
        ownCopy();
        for (int i = 0; i < data.length; i++) {
            String line = data[i];
            StringBuilder b = null;
            for (int j = 0; j < line.length(); ) {
                int c = line.codePointAt(j);
                if (UnicodeTables.isWide(c)) {
                    if (b == null) {
                        b = new StringBuilder(line.substring(0, j));
                    }
                    b.appendCodePoint(c).append(pad);
                } else if (b != null) {
                    b.appendCodePoint(c);
                }
                j += Character.charCount(c);
            }
            if (b != null) {
                data[i] = b.toString();
            }
        }
    }

    void replaceAll(String old, String replacement) {
        ownCopy();
        for (int i = 0; i < data.length; i++) {
            data[i] = data[i].replace(old, replacement);
        }
    }
}
