package dev.rehearse.guide;

import dev.rehearse.testing.Blocks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockTest {

    @Test
    void aBlockCountsTheLinesItSplitsInto() {
        for (String text : List.of("", "one", "one\n", "\n", "\n\n", "one\ntwo", "one\r\ntwo\n\nthree\n")) {
            Block block = Blocks.block("console", 10, null, text);
            assertEquals(block.lines().size(), block.lineCount(), "lines of " + text.replace("\n", "\\n"));
        }
    }

    @Test
    void aBlockHoldsItsContentLinesAndNoOthers() {
        Block block = Blocks.block("console", 10, null, "$ echo 1\n1\n");
        // the content starts two lines below the directive: lines 12, 13 and the empty last one, 14
        assertFalse(block.holdsLine(11));
        assertTrue(block.holdsLine(12));
        assertTrue(block.holdsLine(14));
        assertFalse(block.holdsLine(15));
        assertFalse(Blocks.block("console", 10, null, "").holdsLine(12), "an empty block holds no line");
    }
}
