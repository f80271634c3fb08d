package dev.rehearse.cli;

import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RehearseJar.Outcome;
import dev.rehearse.testing.Checkout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LintCommandIT {

    @Test
    void theSeedHasErrorsEachOnItsOwnFileLine() {
        Path runbook = Checkout.root().resolve("runbooks/synapse");
        Outcome run = RehearseJar.run("lint", runbook.toString());
        assertEquals(1, run.exit());
        String guide = "runbooks/synapse/guide_synapse.rst"; // shown relative to the working directory
        assertTrue(run.out().contains(guide + ":228: error: 40312 looks like a misspelling of 40132, which "
                + "includes/open-port.rst:6 shows [sample-value]\n"), run.out());
        assertTrue(run.out().contains("runbooks/synapse/includes/open-port.rst:5: warning: prompt lacks its $"), run.out());
        assertEquals(14, run.out().lines().count(), run.out());
        assertEquals("2 errors, 12 warnings in 1 guide\n", run.err());
    }

    @Test
    void throughTheRealReaderLintAddsTheReadersStructuralFindings() {
        Path runbook = Checkout.root().resolve("runbooks/synapse");
        Outcome run = RehearseJar.run("lint", runbook.toString());
        assertEquals(1, run.exit(), run.err());
        String guide = "runbooks/synapse/guide_synapse.rst"; // shown relative to the working directory
        for (String expected : List.of(":228: error: 40312 looks like a misspelling of 40132", ":87: warning: prompt shows matrites@clark",
                ":342: warning: prompt shows synape", ":78: warning: \"pip install --upgrade pip\" runs again",
                ":293: error: /home/matrites is another user's home", ":333: warning: section title \"Adding users\" repeats")) {
            assertTrue(run.out().contains(guide + expected), expected + " in\n" + run.out());
        }
        assertTrue(run.out().contains("runbooks/synapse/includes/open-port.rst:5: warning: prompt lacks its $"), run.out());
        assertTrue(run.err().startsWith("2 errors, "), run.err());
    }

    @Test
    void aCleanGuideExitsZero(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("clean.rst"), "Clean\n=====\n\n.. code-block:: console\n\n"
                + "  [isabell@stardust ~]$ ls\n  [isabell@stardust ~]$\n");
        Outcome run = RehearseJar.run("lint", file.toString());
        assertEquals(0, run.exit(), run.out());
        assertEquals("", run.out());
        assertEquals("0 errors, 0 warnings in 1 guide\n", run.err());
    }

    @Test
    void aMissingGuideIsBadInput() {
        Outcome run = RehearseJar.run("lint", "missing.rst");
        assertEquals(2, run.exit());
        assertEquals("missing.rst: no such file or folder\n", run.err());
    }
}
