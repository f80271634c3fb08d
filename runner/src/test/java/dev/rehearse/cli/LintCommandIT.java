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

    /**
     * A folder that is no runbook means every runbook below it, as {@code runs} finds them: its guides, its runbook
     * folders (as one guide each), its subfolders', but not the fragments under includes/ or a hidden folder, and a
     * folder a link leads back to only once.
     */
    @Test
    void aFolderOfGuidesLintsEveryRunbookBelowIt(@TempDir Path dir) throws IOException {
        String foreignHome = "A\n=\n\n.. code-block:: console\n\n [isabell@stardust ~]$ cat /home/matrites/x\n";
        Path team = Files.createDirectories(dir.resolve("guides/team"));
        Files.writeString(team.resolve("a.rst"), foreignHome.translateEscapes());
        Files.writeString(Files.createDirectories(team.resolve("includes")).resolve("fragment.rst"),
                foreignHome.translateEscapes());
        Files.writeString(Files.createDirectories(dir.resolve("guides/.drafts")).resolve("draft.rst"),
                foreignHome.translateEscapes());
        Files.writeString(dir.resolve("guides/clean.md"), "# Clean\n\n```console\n$ ls\n```\n");
        Files.createSymbolicLink(team.resolve("back"), Path.of(".."));
        Checkout.copyTree(Checkout.root().resolve("runbooks/synapse"), dir.resolve("guides/synapse"));

        Outcome run = RehearseJar.run("lint", dir.resolve("guides").toString());

        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.contains("/team/a.rst:6: error: /home/matrites")).count(),
                run.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("/synapse/guide_synapse.rst:228: error: 40312")), run.out());
        assertTrue(lines.stream().noneMatch(l -> l.contains("fragment.rst") || l.contains("draft.rst")), run.out());
        assertEquals("3 errors, 12 warnings in 3 guides\n", run.err());
    }

    @Test
    void aFolderWithNoGuideBelowItIsBadInput(@TempDir Path dir) throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("notes/includes")).resolve("fragment.rst"), "x\n");
        Outcome run = RehearseJar.run("lint", dir.resolve("notes").toString());
        assertEquals(2, run.exit());
        assertEquals(dir.resolve("notes") + ": holds no guide (no .rst, .md, .markdown, .mdx, .qmd, .rmd, .adoc, "
                + ".asciidoc file and no runbook.yaml, in it or below it)\n", run.err());
    }

    @Test
    void aMissingGuideIsBadInput() {
        Outcome run = RehearseJar.run("lint", "missing.rst");
        assertEquals(2, run.exit());
        assertEquals("missing.rst: no such file or folder\n", run.err());
    }
}
