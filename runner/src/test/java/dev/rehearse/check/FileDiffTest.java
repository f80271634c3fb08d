package dev.rehearse.check;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diff of a file a step wrote: before and after. */
class FileDiffTest {

    @Test
    void aSmallChangeShowsAsAHunkWithItsContext() {
        String diff = UnifiedDiff.of("before", "after", List.of("a", "b", "c", "d"), List.of("a", "b", "x", "d"));
        assertEquals("--- before\n+++ after\n@@ -1,4 +1,4 @@\n a\n b\n-c\n+x\n d\n", diff);
    }

    /** A file's lines of {@code -- } and {@code ++ } are the diff's lines, not its header. */
    @Test
    void linesOfDashesArePartOfTheHunksNotTheHeader() {
        String diff = UnifiedDiff.of("before", "after", List.of("-- a --", "b"), List.of("++ c", "b"));
        assertEquals(List.of("@@ -1,2 +1,2 @@", "--- a --", "+++ c", " b"), UnifiedDiff.hunkLines(diff));
        assertEquals(List.of(), UnifiedDiff.hunkLines(null));
    }

    /**
     * A file of 60,000 lines written anew: its diff is cut as every diff is, and comes without comparing every line
     * with every other (Myers' diff of an empty file against it took half a minute).
     */
    @Test
    void aLargeNewFilesDiffIsCutToItsFirstLines() {
        List<String> after = IntStream.rangeClosed(1, 60_000).mapToObj(n -> "line " + n).toList();
        String diff = UnifiedDiff.of("before", "after", List.of(""), after);
        List<String> lines = diff.lines().toList();
        assertEquals(UnifiedDiff.MAX_LINES + 1, lines.size());
        assertEquals("[... " + (60_000 + 4 - UnifiedDiff.MAX_LINES) + " more lines of diff not shown ...]",
                lines.get(lines.size() - 1));
        assertTrue(lines.contains("+line 1"), diff.substring(0, 200));
    }

    /** Two long versions that differ throughout: shown removed and added, the lines both share set aside. */
    @Test
    void longVersionsThatDifferThroughoutShowTheirMiddleRemovedAndAdded() {
        List<String> before = new ArrayList<>(List.of("head"));
        List<String> after = new ArrayList<>(List.of("head"));
        IntStream.range(0, 3_000).forEach(n -> {
            before.add("old " + n);
            after.add("new " + n);
        });
        before.add("tail");
        after.add("tail");
        List<String> lines = UnifiedDiff.of("before", "after", before, after).lines().toList();
        assertEquals("@@ -1,3002 +1,3002 @@", lines.get(2));
        assertEquals(List.of(" head", "-old 0", "-old 1"), lines.subList(3, 6));
    }
}
