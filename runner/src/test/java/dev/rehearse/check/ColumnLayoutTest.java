package dev.rehearse.check;

import dev.rehearse.plan.ColumnListings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listings in columns: which commands make them, and when two are the same. */
class ColumnLayoutTest {

    @Test
    void theSameEntriesInAnotherGridAreTheSameListing() {
        assertTrue(ColumnLayout.sameEntries(Expect.lines("README.md", "app.js", "index.html"),
                "app.js  index.html  README.md\r\n"));
        assertTrue(ColumnLayout.sameEntries(Expect.lines("a  c", "b  d"), "a  b  c  d\r\n"));
        assertFalse(ColumnLayout.sameEntries(Expect.lines("a  b", "c"), "a  b\r\n"), "one missing");
        assertFalse(ColumnLayout.sameEntries(Expect.lines("a  b"), "a  b  c\r\n"), "one more");
        assertFalse(ColumnLayout.sameEntries(Expect.lines("a", "..."), "a  b  c\r\n"), "a cut is no listing");
        assertFalse(ColumnLayout.sameEntries(Expect.lines(), ""));
    }

    @Test
    void lsAtTheEndOfACommandLineListsInColumnsUnlessLongOrPiped() {
        for (String command : List.of("ls", "ls -a", "ls -aF ~/site", "cd ~/site && ls", "sudo ls /root", "dir",
                "ls -R app")) {
            assertTrue(ColumnListings.lists(command), command);
        }
        for (String command : List.of("ls -l", "ls -la", "ls -1", "ls --format=long", "ls | wc -l", "ls > files",
                "ls && echo done", "lsblk", "ls $(pwd)", "echo ls")) {
            assertFalse(ColumnListings.lists(command), command);
        }
    }
}
