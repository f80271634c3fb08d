package dev.rehearse.cli;

import dev.rehearse.testing.FixtureGuideRuns;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rehearse run} on the fixture guides on the local target: a sandbox (or the HOME a test chooses), real
 * processes, as the run user when root.
 */
class RunCommandIT extends FixtureGuideRuns {

    @Override
    protected List<String> targetOptions(Path home) {
        return home == null ? List.of() : List.of("--target", "local:" + home);
    }

    @Override
    protected Path homeOfRun(Path home) {
        return home;
    }

    @Test
    void fromALaterStepOnAFreshSandboxIsRefusedForThePortOnlyTheSkippedStepCaptures() throws IOException {
        Run first = run("port-later");
        assertEquals(List.of("PASS", "FAIL", "SKIP"), first.verdicts(), first.json());
        assertTrue(first.json().contains("\"literal\" : \"40132\""), first.json());

        // another sandbox: what step 1 captured there means nothing here
        Run resumed = run("port-later", "--from", "2");
        assertEquals(2, resumed.exit(), resumed.out() + resumed.err());
        assertEquals("guide_port-later.rst:29: step 3 needs 40132, which step 1 captures while it runs, and step 1 is "
                + "skipped (before --from 2): give the value it printed with --bind '40132=VALUE'", resumed.err().strip());

        Run given = run("port-later", "--from", "3", "--bind", "40132=41999");
        assertEquals(List.of("SKIP", "SKIP", "PASS"), given.verdicts(), given.json());
    }

    @Test
    void aMissingRunbookIsOneLineAndExitTwo() throws IOException {
        Run run = run("no-such-guide.rst");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
