package dev.rehearse.cli;

import dev.rehearse.guide.GuideReader;
import dev.rehearse.read.Guides;
import dev.rehearse.testing.OracleGuides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.rehearse.testing.Blocks.block;
import static dev.rehearse.testing.Blocks.guide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LintCommandTest {
    private static final GuideReader SEED = (file, root) -> OracleGuides.seed();

    @Test
    void theSeedHasErrorsEachOnItsOwnFileLine() {
        Path runbook = OracleGuides.root().resolve("runbooks/synapse");
        CliRun run = CliRun.of(SEED, "lint", runbook.toString());
        assertEquals(1, run.exit());
        String guide = runbook.resolve("guide_synapse.rst").toString();
        assertTrue(run.out().contains(guide + ":228: error: 40312 looks like a misspelling of 40132, which "
                + "includes/open-port.rst:6 shows [sample-value]\n"), run.out());
        assertTrue(run.out().contains(runbook.resolve("includes/open-port.rst") + ":5: warning: prompt lacks its $"), run.out());
        assertEquals(10, run.out().lines().count());
        assertEquals("2 errors, 8 warnings in 1 guide\n", run.err());
    }

    @Test
    void throughTheRealReaderLintAddsTheReadersStructuralFindings() {
        Path runbook = OracleGuides.root().resolve("runbooks/synapse");
        CliRun run = CliRun.of(Guides.BY_FORMAT, "lint", runbook.toString());
        assertEquals(1, run.exit(), run.err());
        String guide = runbook.resolve("guide_synapse.rst").toString();
        for (String expected : List.of(":228: error: 40312 looks like a misspelling of 40132", ":87: warning: prompt shows matrites@clark",
                ":342: warning: prompt shows synape", ":78: warning: \"pip install --upgrade pip\" runs again",
                ":293: error: /home/matrites is another user's home", ":333: warning: section title \"Adding users\" repeats")) {
            assertTrue(run.out().contains(guide + expected), expected + " in\n" + run.out());
        }
        assertTrue(run.out().contains(runbook.resolve("includes/open-port.rst") + ":5: warning: prompt lacks its $"), run.out());
        assertTrue(run.err().startsWith("2 errors, "), run.err());
    }

    @Test
    void aCleanGuideExitsZero(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("clean.rst"), "irrelevant: the reader below supplies the blocks\n");
        GuideReader clean = (f, root) -> guide(block("console", 1, null, "[isabell@stardust ~]$ ls\n[isabell@stardust ~]$"));
        CliRun run = CliRun.of(clean, "lint", file.toString());
        assertEquals(0, run.exit(), run.out());
        assertEquals("", run.out());
        assertEquals("0 errors, 0 warnings in 1 guide\n", run.err());
    }

    @Test
    void aMissingGuideIsBadInput() {
        CliRun run = CliRun.of(SEED, "lint", "missing.rst");
        assertEquals(2, run.exit());
        assertEquals("missing.rst: no such file or directory\n", run.err());
    }
}
