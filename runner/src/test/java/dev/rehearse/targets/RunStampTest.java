package dev.rehearse.targets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run stamps on the things it makes, and when a later run may take a stamped thing for left behind. */
class RunStampTest {

    @Test
    void theStampReadsBackFromItsTextAndHoldsNoColon() {
        RunStamp stamp = RunStamp.next();
        assertFalse(stamp.text().contains(":"), "a passwd comment field holds no ':': " + stamp.text());
        RunStamp read = RunStamp.parse(stamp.text() + " kept=false sandbox=true").orElseThrow();
        assertEquals(stamp.id(), read.id());
        assertEquals(stamp.pid(), read.pid());
        assertEquals(stamp.pidStart(), read.pidStart());
        assertTrue(RunStamp.parse("Rehearse user").isEmpty());
    }

    @Test
    void aLiveProcessIsNeverTakenForGone() {
        assertFalse(RunStamp.next().provablyDead(), "this process");
    }

    @Test
    void aProcessThatEndedIsGoneAndAPidUsedAgainIsToo() throws Exception {
        RunStamp mine = RunStamp.next();
        Process child = new ProcessBuilder("true").start();
        long pid = child.pid();
        child.waitFor();
        RunStamp ended = new RunStamp("x", null, pid, mine.pidStart(), mine.boot(), mine.pidSpace());
        assertTrue(ended.provablyDead());
        RunStamp reused = new RunStamp("x", null, mine.pid(), mine.pidStart() + 1, mine.boot(), mine.pidSpace());
        assertTrue(reused.provablyDead(), "our pid, another start time: not the process that stamped it");
    }

    @Test
    void aStampOfAnotherBootOrPidNamespaceIsNeverTakenForGone() {
        RunStamp mine = RunStamp.next();
        assertFalse(new RunStamp("x", null, 999_999_999L, 1, "another-boot", mine.pidSpace()).provablyDead(),
                "another machine sharing the engine may still run it");
        assertFalse(new RunStamp("x", null, 999_999_999L, 1, mine.boot(), "4026530000").provablyDead());
    }
}
