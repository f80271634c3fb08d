package dev.rehearse.cli;

import dev.rehearse.testing.FixtureGuideRuns;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code rehearse run} on the fixture guides on the local target: a sandbox (or the HOME a test chooses), real
 * processes, as the run user when root.
 */
class RunCommandTest extends FixtureGuideRuns {

    @Override
    protected List<String> targetOptions(Path home) {
        return home == null ? List.of() : List.of("--target", "local:" + home);
    }

    @Override
    protected Path homeOfRun(Path home) {
        return home;
    }

    @Test
    void aMissingRunbookIsOneLineAndExitTwo() throws IOException {
        Run run = run("no-such-guide.rst");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
