package dev.rehearse.model;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedTextTest {

    /** A sidecar's capture that backtracks without end gives up, where it held the run past its timeout and stops. */
    @Test
    void anExpressionThatBacktracksWithoutEndGivesUp() {
        Pattern endless = Pattern.compile("^((a+)+)+c");
        assertThrows(BoundedText.TooSlow.class, () -> endless.matcher(BoundedText.of("a".repeat(40) + "b")).find());
    }

    @Test
    void aSaneExpressionMatchesAsOnTheTextItself() {
        assertTrue(Pattern.compile("port (\\d+)").matcher(BoundedText.of("open port 40132 now")).find());
    }
}
