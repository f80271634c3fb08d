package dev.rehearse.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The marks authors put where they cut output, and lines that only look like them. */
class ElisionsTest {

    @Test
    void marksOfEveryKindAreElisions() {
        for (String mark : List.of("[...]", "  …  ", "(...)", "---> 100%", "<snip>", "--snip--", "[SNIPPED]",
                "...output omitted...", "(output truncated)", "[12 lines omitted]", "# rest of the logs removed here",
                "OUTPUT TRIMMED FOR BREVITY ...", "# ...", "// …", "#...", "[... 9 more lines ...]", "... and 9 more",
                "-- 9 more lines --", "(and 12 more entries)", "And 3 MORE")) {
            assertTrue(Elisions.is(mark), mark);
        }
    }

    @Test
    void outputThatOnlyLooksLikeAMarkIsNot() {
        for (String line : List.of("", "12", "removed", "Skipped", "9 more lines", "# build it", "// a comment",
                "cut -d: -f1 /etc/passwd | head", "Removed 3 packages, 12 MB freed.", "more", "#", "x".repeat(70)
                + " omitted", "3 more")) {
            assertFalse(Elisions.is(line), line);
        }
    }
}
