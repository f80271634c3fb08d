package dev.rehearse.cli;

import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RehearseJar.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guide whose file content holds a placeholder it gives no value for, run by the jar on the local target: the run
 * is refused before its first step, at the placeholder's line, and runs once the placeholder is bound.
 */
class FilePlaceholdersIT {
    private static final String GUIDE = """
            # Settings

            Make the app's folder:

            ```console
            $ mkdir -p ~/app
            ```

            Create `~/app/app.ini` with the following content:

            ```ini
            [app]
            name = demo
            secret = <your-secret>
            ```

            Check that the secret is in place:

            ```console
            $ grep -c '^secret = s3cret-value$' ~/app/app.ini
            1
            ```
            """;

    @TempDir
    Path dir;

    @Test
    void anUnboundPlaceholderInAFilesContentRefusesTheRunBeforeAnyStepAndABindingRunsIt() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.md"), GUIDE);

        Outcome refused = RehearseJar.run("run", guide.toString(), "--target", "local",
                "--report-dir", dir.resolve("refused").toString());
        assertEquals(2, refused.exit(), refused.both());
        assertEquals("guide.md:14: unbound placeholder <your-secret>: bind it with "
                + "--bind '<your-secret>=VALUE' or runbook.yaml bindings: {\"<your-secret>\": VALUE}\n", refused.err());
        assertFalse(refused.out().contains("RUN "), "no step ran:\n" + refused.out());
        assertFalse(Files.exists(dir.resolve("refused/results.json")), "nothing ran");

        Outcome lint = RehearseJar.run("lint", guide.toString());
        assertEquals(1, lint.exit(), lint.both());
        assertTrue(lint.out().contains("guide.md:14: error: unbound placeholder <your-secret>"), lint.both());

        Outcome bound = RehearseJar.run("run", guide.toString(), "--target", "local", "--bind", "<your-secret>=s3cret-value",
                "--report-dir", dir.resolve("bound").toString());
        assertEquals(0, bound.exit(), bound.both());
        assertTrue(bound.out().contains("rehearse: 3 PASS, 0 DRIFT, 0 FAIL, 0 SKIP in "), bound.out());
    }
}
