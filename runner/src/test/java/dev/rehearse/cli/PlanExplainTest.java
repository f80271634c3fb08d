package dev.rehearse.cli;

import dev.rehearse.read.Guides;
import dev.rehearse.testing.OracleGuides;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code plan} on a guide of our own written without Rehearse in mind (fixtures/guides/untuned). */
class PlanExplainTest {
    private static final String GUIDE = OracleGuides.root().resolve("fixtures/guides/untuned/guide_untuned.rst").toString();

    @Test
    void planSaysWhatEachFileStepDoesWhatIsSkippedAndWhatIsUnbound() {
        CliRun run = CliRun.of(Guides.BY_FORMAT, "plan", GUIDE);
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("    append ~/.bashrc:\n"), out);
        assertTrue(out.contains("    merge ~/app/config.yaml (yaml):\n      port: 4711\n"), out);
        assertTrue(out.contains("    merge ~/app/config.yaml (yaml):\n      database: app\n"), out);
        assertTrue(out.contains("    create ~/etc/services.d/app.ini:\n"), out);
        assertTrue(out.contains("    $ createuser "), out);
        assertTrue(out.contains("      skip: for another machine: the prompt is localuser@localhost\n"), out);
        assertTrue(out.contains("  <admin> UNBOUND at guide_untuned.rst:59: --bind '<admin>=VALUE' or runbook.yaml bindings: "
                + "{\"<admin>\": VALUE}\n"), out);
        assertTrue(!out.contains("not steps:"), "only --explain lists them");
    }

    /**
     * Under each command, what it is checked against: its output as the guide shows it, in its block or in a block
     * of its own after prose ("The output should look like this:"), example values bound.
     */
    @Test
    void planShowsWhatEachCommandIsCheckedAgainst() {
        String guide = OracleGuides.root().resolve("fixtures/guides/untuned/sphinx-myst.md").toString();
        CliRun run = CliRun.of(Guides.BY_FORMAT, "plan", guide);
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("    $ ls -d ~/notes\n    /home/rehearse/notes\n"), out);
        assertTrue(out.contains("  9 command sphinx-myst.md:80  A guide from a Sphinx project written in MyST > Output "
                + "in a block of its own\n    $ grep -c = ~/.config/sphinx-demo/demo.ini\n    1\n"), out);
        assertTrue(out.contains("    $ mkdir -p ~/notes\n  8 command"), "a command that prints nothing shows nothing");
    }

    @Test
    void explainListsEveryBlockThatIsNoStepWithWhy() {
        CliRun run = CliRun.of(Guides.BY_FORMAT, "plan", GUIDE, "--explain");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().endsWith("""
                not steps:
                    guide_untuned.rst:78  a crontab entry (crontab -e), not a file
                    guide_untuned.rst:84  text: prose example
                """), run.out());
    }

    @Test
    void runStopsAtTheUnboundPlaceholderBeforeAnyStepRuns() {
        CliRun run = CliRun.of(Guides.BY_FORMAT, "run", GUIDE, "--target", "local");
        assertEquals(2, run.exit(), run.out());
        assertEquals("guide_untuned.rst:59: unbound placeholder <admin>: bind it with "
                + "--bind '<admin>=VALUE' or runbook.yaml bindings: {\"<admin>\": VALUE}\n", run.err());
    }
}
