package dev.rehearse.targets.toy;

import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The toy target as a provider of its own beside the shipped jar, as docs/adding-a-target.md tells: on the class
 * path with it, found through its service line and run; with the shipped jar alone, unknown.
 */
class ToyTargetJarIT {

    @Test
    void aProviderBesideTheShippedJarRunsAGuide(@TempDir Path reports) throws URISyntaxException {
        RehearseJar.Outcome ran = RehearseJar.exec(reports, List.of(RehearseJar.java(), "-cp",
                RehearseJar.jar() + File.pathSeparator + toyClasses(), "dev.rehearse.cli.Main", "run", guide(),
                "--target", "toy", "--toy-user", "robin", "--report-dir", reports.toString()));

        assertEquals(0, ran.exit(), ran.both());
        assertTrue(ran.out().contains("on toy robin@toybox") && ran.out().contains("4 PASS, 0 DRIFT, 0 FAIL, 0 SKIP"),
                ran.both());
    }

    @Test
    void theShippedJarAloneKnowsTheBuiltInTargetsOnly() throws URISyntaxException {
        RehearseJar.Outcome ran = RehearseJar.run("run", guide(), "--target", "toy");

        assertEquals(2, ran.exit(), ran.both());
        assertEquals("--target: unknown target 'toy' (known: local, local:DIR, container, container:IMAGE, "
                + "ssh://user@host[:port])\n", ran.err());
    }

    /** the folder of the test classes, the toy provider's service line among them */
    private static Path toyClasses() throws URISyntaxException {
        return Path.of(ToyTargetProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String guide() throws URISyntaxException {
        return Path.of(ToyTargetJarIT.class.getResource("/toy/toy.md").toURI()).toString();
    }
}
