package dev.rehearse.targets.container;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Testcontainers said about the engine stays in the one line, and the exception stays its cause. */
class DockerTest {

    @Test
    void theEnginesAnswerIsKeptInTheMessageAndAsTheCause() {
        IllegalStateException said = new IllegalStateException("Could not find a valid Docker environment",
                new IOException("connect(2) to /var/run/docker.sock: Permission denied"));
        BadInput bad = Docker.notAnswering(said);
        assertTrue(bad.getMessage().startsWith("--target: "), bad.getMessage());
        assertTrue(bad.getMessage().contains("Could not find a valid Docker environment: connect(2) to "
                + "/var/run/docker.sock: Permission denied"), bad.getMessage());
        assertSame(said, bad.getCause());
    }
}
