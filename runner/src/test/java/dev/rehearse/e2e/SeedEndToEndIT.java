package dev.rehearse.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The seed end to end, as the README runs it: {@code rehearse run runbooks/synapse --target container} on a
 * fresh stardust host, the guide unchanged, only its sidecar; held to {@link SeedChecks}.
 */
class SeedEndToEndIT {

    @Test
    void theSeedRunsOnAFreshStardustHost() throws IOException {
        Path root = Path.of(System.getProperty("rehearse.root"));
        Path reportDir = root.resolve("runner/target/rehearse/seed-end-to-end");
        try (SeedRun run = SeedRun.run(root, reportDir, SeedChecks.passwordBinding())) {
            System.out.print(run.timings());
            SeedChecks.assertTheSeedRan(run.results, run.exit, run.out + run.err, reportDir,
                    SeedChecks.inContainer(run.containerId));
        }
    }
}
