package dev.rehearse.update;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LineSpliceTest {

    @Test
    void replacesOnlyTheGivenLinesAndKeepsEveryOtherByte() {
        String text = "a\t \r\nb\r\nc  \nd";
        String out = LineSplice.apply(text, List.of(new LineSplice.Replacement(2, 2, List.of("B1", "B2"))));
        assertEquals("a\t \r\nB1\r\nB2\r\nc  \nd", out);
    }

    @Test
    void keepsAMissingFinalNewlineWhenTheLastLineIsReplaced() {
        assertEquals("x\ny1\ny2", LineSplice.apply("x\ny", List.of(new LineSplice.Replacement(2, 2, List.of("y1", "y2")))));
        assertEquals("x\ny1\n", LineSplice.apply("x\ny\n", List.of(new LineSplice.Replacement(2, 2, List.of("y1")))));
    }

    @Test
    void insertsAndDeletesAndAppliesSeveralReplacementsFromTheBottomUp() {
        String text = "1\n2\n3\n4\n5\n";
        String out = LineSplice.apply(text, List.of(
                new LineSplice.Replacement(2, 1, List.of("1.5")),   // insertion after line 1
                new LineSplice.Replacement(3, 4, List.of()),        // deletion of 3 and 4
                new LineSplice.Replacement(5, 5, List.of("five"))));
        assertEquals("1\n1.5\n2\nfive\n", out);
    }

    @Test
    void refusesOverlapsAndRangesPastTheEnd() {
        assertThrows(IllegalArgumentException.class, () -> LineSplice.apply("1\n2\n3\n", List.of(
                new LineSplice.Replacement(1, 2, List.of("x")), new LineSplice.Replacement(2, 3, List.of("y")))));
        assertThrows(IllegalArgumentException.class, () -> LineSplice.apply("1\n", List.of(
                new LineSplice.Replacement(2, 3, List.of("x")))));
    }
}
