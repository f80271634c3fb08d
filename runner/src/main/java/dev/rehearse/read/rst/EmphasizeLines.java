package dev.rehearse.read.rst;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code :emphasize-lines:} read the way Sphinx reads it (a port of {@code sphinx.util.parselinenos}, Sphinx 7.1): a
 * comma-separated list of line numbers and ranges ({@code 3}, {@code 2-4}, {@code -3}, {@code 5-}). An invalid spec
 * makes Sphinx drop the whole block.
 *
 * @param lines      the 1-based line numbers, or null when the spec is invalid
 * @param error      why the spec is invalid, or null
 * @param outOfRange the numbers past the block's last line, or null when there are none
 */
record EmphasizeLines(List<Integer> lines, String error, List<Integer> outOfRange) {

    static EmphasizeLines parse(String spec, int total) {
        List<Integer> items = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            try {
                String[] begEnd = Py.strip(part).split("-", -1);
                if (begEnd.length == 2 && begEnd[0].isEmpty() && begEnd[1].isEmpty()) {
                    throw new NumberFormatException();
                }
                if (begEnd.length == 1) {
                    items.add(Py.parseInt(begEnd[0]));
                } else if (begEnd.length == 2) {
                    int start = begEnd[0].isEmpty() ? 1 : Py.parseInt(begEnd[0]);
                    int end = begEnd[1].isEmpty() ? Math.max(start, total) : Py.parseInt(begEnd[1]);
                    if (start > end) {
                        throw new NumberFormatException();
                    }
                    for (int i = start; i <= end; i++) {
                        items.add(i);
                    }
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                return new EmphasizeLines(null, "invalid line number spec: " + pyRepr(spec), null);
            }
        }
        List<Integer> outside = new ArrayList<>();
        for (int n : items) {
            if (n > total) {
                outside.add(n);
            }
        }
        return new EmphasizeLines(items, null, outside.isEmpty() ? null : outside);
    }

    /** Python's {@code repr()} of a string, as Sphinx puts it into its messages. */
    static String pyRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(quote).toString();
    }
}
