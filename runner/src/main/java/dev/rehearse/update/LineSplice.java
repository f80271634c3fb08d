package dev.rehearse.update;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces whole lines of a text and leaves every other byte as it was: line endings (LF, CRLF, a missing
 * final newline), tabs, trailing spaces. What {@code update} uses to write real output into a guide.
 */
public final class LineSplice {

    /**
     * Lines {@code first..last} (1-based, inclusive) are replaced by {@code lines}; an insertion is
     * {@code last == first - 1}. New lines take the line ending of the line they replace (or of the line
     * before an insertion).
     */
    public record Replacement(int first, int last, List<String> lines) {
        public Replacement {
            if (first < 1 || last < first - 1) {
                throw new IllegalArgumentException("bad line range " + first + ".." + last);
            }
            lines = List.copyOf(lines);
        }
    }

    private LineSplice() {
    }

    public static String apply(String text, List<Replacement> replacements) {
        List<String[]> lines = split(text); // each: {content, ending}
        List<Replacement> ordered = new ArrayList<>(replacements);
        ordered.sort(Comparator.comparingInt(Replacement::first).reversed());
        int previousFirst = Integer.MAX_VALUE;
        for (Replacement r : ordered) {
            if (r.last() >= previousFirst) {
                throw new IllegalArgumentException("overlapping replacements at line " + r.first());
            }
            if (r.last() > lines.size()) {
                throw new IllegalArgumentException("line " + r.last() + " is past the end (" + lines.size() + ")");
            }
            String ending = endingNear(lines, r);
            List<String[]> replacement = new ArrayList<>();
            for (String line : r.lines()) {
                replacement.add(new String[]{line, ending});
            }
            boolean replacesLastLine = r.last() == lines.size() && r.last() >= r.first();
            if (replacesLastLine && !replacement.isEmpty()) {
                // keep the file's own way of ending: without a final newline when it had none
                replacement.get(replacement.size() - 1)[1] = lines.get(lines.size() - 1)[1];
            }
            List<String[]> tail = new ArrayList<>(lines.subList(r.last(), lines.size()));
            lines = new ArrayList<>(lines.subList(0, r.first() - 1));
            lines.addAll(replacement);
            lines.addAll(tail);
            previousFirst = r.first();
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String[] line : lines) {
            out.append(line[0]).append(line[1]);
        }
        return out.toString();
    }

    private static String endingNear(List<String[]> lines, Replacement r) {
        int index = r.last() >= r.first() ? r.first() - 1 : r.first() - 2;
        if (index >= 0 && index < lines.size() && !lines.get(index)[1].isEmpty()) {
            return lines.get(index)[1];
        }
        for (String[] line : lines) {
            if (!line[1].isEmpty()) {
                return line[1];
            }
        }
        return "\n";
    }

    /** Splits into (content, ending) pairs; the ending is "\n", "\r\n" or "" for a last line without one. */
    static List<String[]> split(String text) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                boolean crlf = i > start && text.charAt(i - 1) == '\r';
                lines.add(new String[]{text.substring(start, crlf ? i - 1 : i), crlf ? "\r\n" : "\n"});
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(new String[]{text.substring(start), ""});
        }
        return lines;
    }
}
