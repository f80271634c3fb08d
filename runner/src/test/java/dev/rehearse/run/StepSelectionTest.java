package dev.rehearse.run;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepSelectionTest {

    @Test
    void fromAndOnlyInTheirShapes() {
        assertEquals(new StepSelection(4, Integer.MAX_VALUE), StepSelection.of(4, null));
        assertEquals(new StepSelection(2, 5), StepSelection.of(null, "2..5"));
        assertEquals(new StepSelection(7, 7), StepSelection.of(null, "7"));
        assertEquals(new StepSelection(3, Integer.MAX_VALUE), StepSelection.of(null, "3.."));
        assertTrue(StepSelection.ALL.includes(1) && StepSelection.of(null, "2..5").includes(5));
        assertFalse(StepSelection.of(null, "2..5").includes(6));
        assertEquals("before --from 4", StepSelection.of(4, null).skipReason());
    }

    @Test
    void nonsenseIsBadInputNamingTheOption() {
        assertEquals("--only: 'x' is not a step number (1, 2, ...)",
                assertThrows(BadInput.class, () -> StepSelection.of(null, "x..3")).getMessage());
        assertEquals("--from: '0' is not a step number (1, 2, ...)",
                assertThrows(BadInput.class, () -> StepSelection.of(0, null)).getMessage());
        assertEquals("--from: use either --from or --only, not both",
                assertThrows(BadInput.class, () -> StepSelection.of(2, "3")).getMessage());
    }

    @Test
    void aSelectionOutsideThePlanIsRefusedNamingItsRange() {
        assertEquals("--from 999: step 999 is past the last step: this plan has steps 1..30",
                assertThrows(BadInput.class, () -> StepSelection.of(999, null).checkAgainst(30)).getMessage());
        assertEquals("--only 999: step 999 is past the last step: this plan has steps 1..30",
                assertThrows(BadInput.class, () -> StepSelection.of(null, "999").checkAgainst(30)).getMessage());
        assertEquals("--only 25..40: step 40 is past the last step: this plan has steps 1..30",
                assertThrows(BadInput.class, () -> StepSelection.of(null, "25..40").checkAgainst(30)).getMessage());
        assertEquals("--only 5..2: the range ends before it starts (selects no step): this plan has steps 1..30",
                assertThrows(BadInput.class, () -> StepSelection.of(null, "5..2").checkAgainst(30)).getMessage());
        assertEquals("--only 1: step 1 is past the last step: this plan has no steps",
                assertThrows(BadInput.class, () -> StepSelection.of(null, "1").checkAgainst(0)).getMessage());
        StepSelection.of(30, null).checkAgainst(30);
        StepSelection.of(null, "3..").checkAgainst(3);
        StepSelection.ALL.checkAgainst(0);
    }
}
