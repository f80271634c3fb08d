package dev.rehearse.files;

import org.yaml.snakeyaml.error.Mark;

import java.util.Arrays;

/**
 * A text with its line starts: line and column of an offset by binary search (a parser's own line numbers often
 * count newlines from the top on every call, which makes a long text quadratic), and parser marks (line, column in
 * code points) as string offsets.
 */
public final class TextLines {
    private final String text;
    private final int[] lineStarts;
    private final String newline;

    public TextLines(String text) {
        this.text = text;
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    }

    String text() {
        return text;
    }

    /** The line ending the text uses, so that inserted lines use it too. */
    String newline() {
        return newline;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    int offset(Mark mark) {
        int line = Math.min(mark.getLine(), lineStarts.length - 1);
        int start = lineStarts[line];
        return text.offsetByCodePoints(start, Math.min(mark.getColumn(), text.codePointCount(start, lineEnd(line))));
    }

    /** 0-based line of {@code offset} */
    int lineOf(int offset) {
        int at = Arrays.binarySearch(lineStarts, offset);
        return at >= 0 ? at : -at - 2;
    }

    /** 1-based line of {@code offset}, as messages and the guide model count */
    public int lineNumber(int offset) {
        return lineOf(offset) + 1;
    }

    int lineStart(int line) {
        return lineStarts[line];
    }

    /** Offset of the end of {@code line}'s content, before its line ending. */
    int lineEnd(int line) {
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        if (end > lineStarts[line] && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** Offset just after the line ending of {@code line} (the end of the text for the last line). */
    int afterLine(int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
    }

    public String line(int line) {
        return text.substring(lineStarts[line], lineEnd(line));
    }

    /** Column of the first non-blank character of {@code line}, or -1 for a blank line. */
    int indentation(int line) {
        String s = line(line);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                return i;
            }
        }
        return -1;
    }

    boolean isComment(int line) {
        return line(line).strip().startsWith("#");
    }

    boolean isBlank(int line) {
        return line(line).isBlank();
    }

    /** {@code offset} moved back over blanks and line endings, never before {@code floor}. */
    int trimBack(int offset, int floor) {
        int end = offset;
        while (end > floor && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** 0-based column of {@code offset} on its line, in characters. */
    public int column(int offset) {
        return offset - lineStarts[lineOf(offset)];
    }
}
