package dev.rehearse.e2e;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar alone, as a user who downloaded it has it: copied into an empty temporary folder outside the checkout
 * with a guide beside it, {@code java -jar rehearse.jar run GUIDE --target container} finds (or builds, from the
 * recipe inside the jar) the stardust image and runs there, with no TESTCONTAINERS_* variable in the environment.
 */
class JarAnywhereIT {

    @Test
    void theJarCopiedIntoAnEmptyFolderRunsAGuideOnAContainer(@TempDir Path empty) throws IOException {
        Path checkout = Checkout.root();
        assertFalse(empty.toAbsolutePath().startsWith(checkout), empty + " lies outside " + checkout);
        Path jar = Files.copy(RehearseJar.jar(), empty.resolve("rehearse.jar"));
        Files.copy(checkout.resolve("fixtures/guides/hello.rst"), empty.resolve("hello.rst"));

        RehearseJar.Outcome run = RehearseJar.runIn(jar, empty, Map.of("XDG_STATE_HOME", empty.resolve("state").toString()),
                List.of("run", "hello.rst", "--target", "container"));

        assertEquals(0, run.exit(), run.both());
        String checkoutsImage = RehearseJar.exec(checkout, List.of(checkout.resolve("fixtures/stardust/build.sh").toString()))
                .out().strip().lines().reduce((first, last) -> last).orElseThrow();
        assertTrue(run.out().contains("steps on container " + checkoutsImage + " "),
                "the recipe in the jar is the checkout's: " + checkoutsImage + "\n" + run.both());
        assertTrue(run.out().contains("2 PASS, 0 DRIFT, 0 FAIL, 0 SKIP"), run.both());
        assertTrue(Files.isRegularFile(empty.resolve("state/rehearse/hello/results.json")),
                "the reports go to the state folder the docs name, whatever the working directory");
    }
}
