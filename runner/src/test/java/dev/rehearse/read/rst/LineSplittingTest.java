package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How a file becomes lines: {@link ParseSettings#toLines} must give what docutils' {@code string2lines(text, tab_width,
 * convert_whitespace=True)} gives, and {@link Py#splitlines} what Python's {@code str.splitlines()} gives. The expected
 * values were printed by docutils and Python themselves; the corpus has none of the rarer line boundaries, so only
 * these cases guard the one-pass scanner's handling of them.
 */
class LineSplittingTest {

    @Test
    void plainLinesAreCutAtLineFeedsAndTheLastLineNeedsNoLineFeed() {
        assertEquals(List.of("a", "b"), ParseSettings.toLines("a\nb", 8));
        assertEquals(List.of("no end"), ParseSettings.toLines("no end", 8));
        assertEquals(List.of(), ParseSettings.toLines("", 8));
        assertEquals(List.of(""), ParseSettings.toLines("\n", 8));
    }

    @Test
    void everyPythonLineBoundaryEndsALineAndCarriageReturnLineFeedCountsOnce() {
        assertEquals(List.of("a", "b", "c"), ParseSettings.toLines("a\r\nb\rc\n", 8));
        assertEquals(List.of("p", "q", "r", "s"), ParseSettings.toLines("p\u001cq\u001dr\u001es", 8));
        assertEquals(List.of("u", "v", "w", "x"), ParseSettings.toLines("u\u0085v\u2028w\u2029x", 8));
    }

    @Test
    void verticalTabsAndFormFeedsBecomeSpacesInsteadOfEndingLines() {
        assertEquals(List.of("x y z"), ParseSettings.toLines("x\u000by\u000cz\n", 8));
        assertEquals(List.of("a", ""), ParseSettings.toLines("a\u000b\n\u000c", 8));
    }

    @Test
    void tabsAreExpandedToTheTabWidthAndTrailingWhitespaceDropped() {
        assertEquals(List.of("        ind", "  a     b"), ParseSettings.toLines("\tind\n  a\tb  \n", 8));
        assertEquals(List.of("    x"), ParseSettings.toLines("\tx", 4));
        assertEquals(List.of("trail", "", ""), ParseSettings.toLines("trail  \t\n\n\n", 8));
        // Python's whitespace includes NO-BREAK SPACE
        assertEquals(List.of("ab"), ParseSettings.toLines("ab\u00a0\n", 8));
    }

    @Test
    void splitlinesAlsoEndsLinesAtVerticalTabsAndFormFeedsAndKeepsWhitespace() {
        assertEquals(List.of("x", "y", "z "), Py.splitlines("x\u000by\u000cz \r\n"));
        assertEquals(List.of("a\tb", "", "c"), Py.splitlines("a\tb\n\u2028c"));
    }
}
