package dev.rehearse.read.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lines Sphinx's {@code literalinclude} shows of a file (reStructuredText's directive and MyST's), its filters in
 * Sphinx's order: {@code start-at}/{@code start-after} and {@code end-at}/{@code end-before} (the first line that
 * contains the text; {@code end-before} passes over the first line), then {@code lines} ({@link LineSpec}, counted
 * in what those left), {@code dedent} (a number, or as much as every line allows), {@code prepend} and
 * {@code append}.
 *
 * @param firstLine the 1-based line of the file the shown lines start at (1 when none is shown)
 * @param text      what the block shows
 */
public record LiteralInclude(int firstLine, String text) {

    /** @throws IllegalArgumentException with Sphinx's reason when an option does not fit the file */
    public static LiteralInclude of(List<String> file, Map<String, ?> options) {
        // the file's 1-based numbers of the lines still shown
        List<Integer> shown = new ArrayList<>();
        for (int n = 1; n <= file.size(); n++) {
            shown.add(n);
        }
        shown = from(shown, file, options);
        shown = to(shown, file, options);
        if (options.get("lines") != null) {
            shown = lines(shown, options.get("lines").toString());
        }
        List<String> kept = new ArrayList<>();
        for (int n : shown) {
            kept.add(file.get(n - 1));
        }
        kept = dedented(kept, options.get("dedent"), options.containsKey("dedent"));
        if (options.get("prepend") != null) {
            kept.add(0, options.get("prepend").toString());
        }
        if (options.get("append") != null) {
            kept.add(options.get("append").toString());
        }
        return new LiteralInclude(shown.isEmpty() ? 1 : shown.get(0), String.join("\n", kept));
    }

    /** Python's {@code lines[n - 1]} for each number: 0 is the last line, a number past the end none. */
    private static List<Integer> lines(List<Integer> shown, String spec) {
        List<Integer> picked = new ArrayList<>();
        for (int n : LineSpec.parse(spec, shown.size())) {
            if (n <= shown.size() && !shown.isEmpty()) {
                picked.add(shown.get(n == 0 ? shown.size() - 1 : n - 1));
            }
        }
        if (picked.isEmpty()) {
            throw new IllegalArgumentException("Line spec " + Py.repr(spec) + ": no lines pulled from include file");
        }
        return picked;
    }

    private static List<Integer> from(List<Integer> shown, List<String> file, Map<String, ?> options) {
        boolean at = options.get("start-at") != null;
        Object text = at ? options.get("start-at") : options.get("start-after");
        if (text == null || text.toString().isEmpty()) {
            return shown;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (file.get(shown.get(i) - 1).contains(text.toString())) {
                return shown.subList(at ? i : i + 1, shown.size());
            }
        }
        throw new IllegalArgumentException((at ? "start-at" : "start-after") + " pattern not found: " + text);
    }

    private static List<Integer> to(List<Integer> shown, List<String> file, Map<String, ?> options) {
        boolean at = options.get("end-at") != null;
        Object text = at ? options.get("end-at") : options.get("end-before");
        if (text == null || text.toString().isEmpty()) {
            return shown;
        }
        for (int i = 0; i < shown.size(); i++) {
            // end-before passes over a match on the first line, as Sphinx's does
            if (file.get(shown.get(i) - 1).contains(text.toString()) && (at || i > 0)) {
                return shown.subList(0, at ? i + 1 : i);
            }
        }
        throw new IllegalArgumentException((at ? "end-at" : "end-before") + " pattern not found: " + text);
    }

    /** Without {@code dedent} columns of leading blanks; a {@code dedent} without a number takes what all share. */
    private static List<String> dedented(List<String> lines, Object option, boolean given) {
        if (!given) {
            return lines;
        }
        int columns;
        if (option == null || option.toString().isBlank() || option.toString().equals("true")) {
            columns = lines.stream().filter(l -> !l.isBlank()).mapToInt(LiteralInclude::leadingBlanks).min().orElse(0);
        } else {
            try {
                columns = Integer.parseInt(option.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid dedent: " + option);
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.substring(Math.min(columns, leadingBlanks(line))));
        }
        return out;
    }

    private static int leadingBlanks(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
