package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code :emphasize-lines:} as Sphinx's parselinenos reads it, including what it rejects. */
class EmphasizeLinesTest {

    @Test
    void numbersAndRanges() {
        EmphasizeLines e = EmphasizeLines.parse(" 1, 3-4 ,6", 6);
        assertEquals(List.of(1, 3, 4, 6), e.lines());
        assertNull(e.error());
        assertNull(e.outOfRange());
    }

    @Test
    void openRangesRunToTheEndOrFromTheStart() {
        assertEquals(List.of(4, 5), EmphasizeLines.parse("4-", 5).lines());
        assertEquals(List.of(1, 2), EmphasizeLines.parse("-2", 5).lines());
        assertEquals(List.of(7), EmphasizeLines.parse("7-", 5).lines(), "past the end: just the start");
    }

    @Test
    void numbersPastTheEndAreKeptAndReported() {
        EmphasizeLines e = EmphasizeLines.parse("2,9", 3);
        assertEquals(List.of(2, 9), e.lines());
        assertEquals(List.of(9), e.outOfRange());
    }

    @Test
    void invalidSpecsAreRejectedWholeWithPythonsQuoting() {
        for (String spec : List.of("1.5", "3-1", "-", "a", "1-2-3", "1,,2", "")) {
            EmphasizeLines e = EmphasizeLines.parse(spec, 10);
            assertNull(e.lines(), spec);
            assertEquals("invalid line number spec: " + Py.repr(spec), e.error());
        }
        assertEquals("'1,2,8,18.27,37'", Py.repr("1,2,8,18.27,37"));
        assertEquals("\"it's\"", Py.repr("it's"));
    }
}
