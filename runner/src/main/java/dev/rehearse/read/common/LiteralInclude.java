package dev.rehearse.read.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lines Sphinx's {@code literalinclude} shows of a file (reStructuredText's directive and MyST's): {@code lines}
 * ("1,3,5-10,20-"), then {@code start-at}/{@code start-after} and {@code end-at}/{@code end-before} (the first line
 * that contains the text), {@code dedent} (a number, or as much as every line allows), {@code prepend} and
 * {@code append}.
 *
 * @param firstLine the 1-based line of the file the shown lines start at (1 when none is shown)
 * @param text      what the block shows
 */
public record LiteralInclude(int firstLine, String text) {

    /** @throws IllegalArgumentException with Sphinx's reason when an option does not fit the file */
    public static LiteralInclude of(List<String> file, Map<String, ?> options) {
        List<Integer> shown = new ArrayList<>();
        for (int n = 1; n <= file.size(); n++) {
            shown.add(n);
        }
        if (options.get("lines") != null) {
            shown = lines(options.get("lines").toString(), file.size());
        }
        shown = from(shown, file, options.get("start-at"), true);
        shown = from(shown, file, options.get("start-after"), false);
        shown = to(shown, file, options.get("end-at"), true);
        shown = to(shown, file, options.get("end-before"), false);
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

    private static List<Integer> lines(String spec, int count) {
        List<Integer> lines = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-');
                int first = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int last = dash < 0 ? first : p.substring(dash + 1).isBlank() ? count
                        : Integer.parseInt(p.substring(dash + 1).strip());
                for (int n = Math.max(first, 1); n <= Math.min(last, count); n++) {
                    lines.add(n);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid line number spec: \"" + spec + "\"");
            }
        }
        return lines;
    }

    private static List<Integer> from(List<Integer> shown, List<String> file, Object text, boolean inclusive) {
        if (text == null) {
            return shown;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (file.get(shown.get(i) - 1).contains(text.toString())) {
                return shown.subList(inclusive ? i : i + 1, shown.size());
            }
        }
        throw new IllegalArgumentException("start pattern not found: " + text);
    }

    private static List<Integer> to(List<Integer> shown, List<String> file, Object text, boolean inclusive) {
        if (text == null) {
            return shown;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (file.get(shown.get(i) - 1).contains(text.toString())) {
                return shown.subList(0, inclusive ? i + 1 : i);
            }
        }
        throw new IllegalArgumentException("end pattern not found: " + text);
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
