package dev.rehearse.targets.container;

import dev.rehearse.testing.Processes;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A program the stardust host lacks, through the jar: the FAIL says the host has none and what gives it one; an
 * image made from the stardust one with the program in it, as docs/container.md shows, runs the guide.
 */
class ImageOfYourOwnIT {

    @Test
    void aProgramTheHostLacksIsToldAndAnImageMadeFromItRunsTheGuide(@TempDir Path dir) throws IOException {
        Path guide = Files.writeString(dir.resolve("tool.md"), "# The tool\n\n```console\n$ tool --version\n"
                + "tool 1.0\n```\n");
        RehearseJar.Outcome lacking = RehearseJar.run("run", guide.toString(), "--target", "container",
                "--report-dir", dir.resolve("lacking").toString());
        assertEquals(1, lacking.exit(), lacking.out() + lacking.err());
        assertTrue(lacking.out().contains("exit status 127: bash: tool: command not found; the stardust host has no "
                + "tool: a guide that needs it runs on an image of your own made from it (--target container:IMAGE; "
                + "docs/container.md)"), lacking.out());

        String image = "rehearse/test-own-image:" + ProcessHandle.current().pid();
        String recipe = "FROM " + StardustImage.ensure("stardust") + "\n"
                + "RUN printf '#!/bin/sh\\necho tool 1.0\\n' > /usr/local/bin/tool && chmod 755 /usr/local/bin/tool\n";
        Processes.runWithInput(recipe, Path.of("/"), Map.of(), "docker", "build", "--network=none", "-q", "-t", image,
                "-");
        try {
            RehearseJar.Outcome own = RehearseJar.run("run", guide.toString(), "--target", "container:" + image,
                    "--report-dir", dir.resolve("own").toString());
            assertEquals(0, own.exit(), own.out() + own.err());
            assertTrue(own.out().contains("rehearse: 1 PASS"), own.out());
        } finally {
            Processes.run(Path.of("/"), Map.of(), "docker", "rmi", "-f", image);
        }
    }
}
