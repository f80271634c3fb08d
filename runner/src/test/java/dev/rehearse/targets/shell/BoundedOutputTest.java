package dev.rehearse.targets.shell;

import dev.rehearse.targets.OutputLimit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedOutputTest {

    @Test
    void anOutputWithinTheLimitIsKeptWhole() {
        BoundedOutput output = new BoundedOutput(new OutputLimit(10, 10));
        output.add("one\n");
        output.add("two\nthree\n");
        assertFalse(output.cut());
        assertEquals("one\ntwo\nthree\n", output.text());
    }

    @Test
    void aLongOutputKeepsWholeLinesAtBothEndsAndCountsWhatItDrops() {
        BoundedOutput output = new BoundedOutput(new OutputLimit(12, 12));
        for (int i = 1; i <= 1000; i++) {
            output.add(String.format("line %03d\n", i));
        }
        assertTrue(output.cut());
        // 12 characters hold one whole line of 9 at each end; the 998 lines between (9 bytes each but the last, of 10) are dropped
        assertEquals("line 001\n" + BoundedOutput.marker(998 * 9, 998) + "\nline 1000\n", output.text());
    }

    @Test
    void memoryStaysBoundedWhateverArrives() {
        BoundedOutput output = new BoundedOutput(new OutputLimit(100, 100));
        String chunk = "x".repeat(99) + "\n";
        for (int i = 0; i < 200_000; i++) {
            output.add(chunk);
        }
        String text = output.text();
        assertTrue(text.length() < 400, text);
        assertTrue(text.contains(BoundedOutput.marker(19_999_800, 199_998)), text);
    }

    @Test
    void manyShortLinesAreCutByTheirNumberToo() {
        BoundedOutput output = new BoundedOutput(OutputLimit.DEFAULT);
        int total = 3 * OutputLimit.MAX_LINES;
        for (int i = 1; i <= total; i++) {
            output.add(i + "\n");
        }
        assertTrue(output.cut());
        String[] lines = output.text().split("\n");
        assertEquals(2 * OutputLimit.MAX_LINES + 1, lines.length);
        assertEquals("1", lines[0]);
        assertTrue(lines[OutputLimit.MAX_LINES].startsWith(BoundedOutput.MARKER), lines[OutputLimit.MAX_LINES]);
        assertEquals(String.valueOf(total), lines[lines.length - 1]);
    }

    @Test
    void bytesAreCountedInUtf8() {
        BoundedOutput output = new BoundedOutput(new OutputLimit(4, 4));
        output.add("a\n");
        output.add("\u00e9\u20ac\ud83d\ude00\n");
        output.add("b\n");
        output.add("c\n");
        // é 2, € 3, the emoji 4 and the line end: 10 bytes in one line dropped
        assertEquals("a\n" + BoundedOutput.marker(10, 1) + "\nb\nc\n", output.text());
    }
}
