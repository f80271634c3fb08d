package dev.rehearse.read.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Sphinx's line number spec, as {@code :emphasize-lines:} and {@code literalinclude}'s {@code :lines:} take it (a
 * port of {@code sphinx.util.parselinenos}, Sphinx 7.1): a comma-separated list of line numbers and ranges
 * ({@code 3}, {@code 2-4}, {@code -3} from the first line, {@code 5-} to the last), each number read as Python's
 * {@code int()} reads it.
 */
public final class LineSpec {

    private LineSpec() {
    }

    /**
     * @param total the number of lines the spec is about (an open range ends there)
     * @return the 1-based line numbers in the spec's order, repeats kept; numbers past {@code total} too (Sphinx
     * warns of them), and 0 where the spec says 0 (Python then takes the last line)
     * @throws IllegalArgumentException with Sphinx's message when the spec is invalid
     */
    public static List<Integer> parse(String spec, int total) {
        List<Integer> items = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            try {
                String[] begEnd = Py.strip(part).split("-", -1);
                if (begEnd.length == 1) {
                    items.add(Py.parseInt(begEnd[0]));
                } else if (begEnd.length == 2 && !(begEnd[0].isEmpty() && begEnd[1].isEmpty())) {
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
                throw new IllegalArgumentException("invalid line number spec: " + Py.repr(spec));
            }
        }
        return items;
    }
}
