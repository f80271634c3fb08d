package dev.rehearse.read.rst;

import dev.rehearse.read.common.LineSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code :emphasize-lines:} read the way Sphinx reads it ({@link LineSpec}). An invalid spec makes Sphinx drop the
 * whole block.
 *
 * @param lines      the 1-based line numbers, or null when the spec is invalid
 * @param error      why the spec is invalid, or null
 * @param outOfRange the numbers past the block's last line, or null when there are none
 */
record EmphasizeLines(List<Integer> lines, String error, List<Integer> outOfRange) {

    static EmphasizeLines parse(String spec, int total) {
        List<Integer> items;
        try {
            items = LineSpec.parse(spec, total);
        } catch (IllegalArgumentException e) {
            return new EmphasizeLines(null, e.getMessage(), null);
        }
        List<Integer> outside = new ArrayList<>();
        for (int n : items) {
            if (n > total) {
                outside.add(n);
            }
        }
        return new EmphasizeLines(items, null, outside.isEmpty() ? null : outside);
    }
}
