package dev.rehearse.targets.container;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Testcontainers said about the engine stays in the one line, and the exception stays its cause; an engine's
 * address is shown without a password or query.
 */
class EngineAddressTest {

    @Test
    void theEnginesAnswerIsKeptInTheMessageAndAsTheCause() {
        IllegalStateException said = new IllegalStateException("Could not find a valid Docker environment",
                new IOException("connect(2) to /var/run/docker.sock: Permission denied"));
        BadInput bad = EngineAddress.notAnswering(said);
        assertTrue(bad.getMessage().startsWith("--target: "), bad.getMessage());
        assertTrue(bad.getMessage().contains("Could not find a valid Docker environment: connect(2) to "
                + "/var/run/docker.sock: Permission denied"), bad.getMessage());
        assertSame(said, bad.getCause());
    }

    @Test
    void dockerHostIsShownWithoutWhatCouldBeSecret() {
        assertEquals("tcp://127.0.0.1:2375", EngineAddress.shown("tcp://127.0.0.1:2375"));
        assertEquals("ssh://robin@build-7:22", EngineAddress.shown("ssh://robin:hunter2@build-7:22"));
        assertEquals("tcp://robin@build-7:2376", EngineAddress.shown("tcp://robin:hunter2@build-7:2376?token=abc"));
        assertEquals("unix:///var/run/docker.sock", EngineAddress.shown("unix:///var/run/docker.sock"));
    }
}
