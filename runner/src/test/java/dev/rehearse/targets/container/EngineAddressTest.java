package dev.rehearse.targets.container;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether an engine answers at its address, as far as a connection from here tells, and the one line that says it
 * does not, naming where the address came from (DOCKER_HOST, the docker command's context); what Testcontainers said
 * about the engine stays in the one line, and the exception stays its cause; an engine's address is shown without a
 * password or query.
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
    void aSocketThatIsNotThereIsOneLineNamingWhereItsAddressCameFrom(@TempDir Path dir) {
        String missing = "unix://" + dir.resolve("docker.sock");
        BadInput named = assertThrows(BadInput.class, () -> EngineAddress.requireAnswer(missing, missing, true));
        assertEquals("--target: the Docker engine DOCKER_HOST names does not answer: DOCKER_HOST=" + missing
                + " (no such socket); start it, or make it reachable from here, or unset DOCKER_HOST for the local "
                + "engine", named.getMessage());
        BadInput context = assertThrows(BadInput.class, () -> EngineAddress.requireAnswer(missing, missing, false));
        assertEquals("--target: the Docker engine the docker command's context names does not answer: " + missing
                + " (no such socket); start it, or make it reachable from here, or choose another context (docker "
                + "context use default)", context.getMessage());
    }

    @Test
    void aPortNothingListensOnIsRefusedAndAListeningSocketAnswers(@TempDir Path dir) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String refused = "tcp://127.0.0.1:" + closed;
        BadInput bad = assertThrows(BadInput.class, () -> EngineAddress.requireAnswer(refused, refused, true));
        assertTrue(bad.getMessage().contains("DOCKER_HOST=" + refused + " (Connection refused)"), bad.getMessage());

        Path socket = dir.resolve("engine.sock");
        try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listening.bind(UnixDomainSocketAddress.of(socket));
            EngineAddress.requireAnswer("unix://" + socket, "unix://" + socket, false);
        }
    }

    @Test
    void anAddressThatIsNoUriIsOneLine() {
        BadInput bad = assertThrows(BadInput.class, () -> EngineAddress.requireAnswer("tcp://a b", "tcp://a b", true));
        assertEquals("--target: DOCKER_HOST=tcp://a b: not an address of a Docker engine (unix:///PATH, tcp://HOST:PORT "
                + "or ssh://[user@]host[:port])", bad.getMessage());
    }

    @Test
    void dockerHostIsShownWithoutWhatCouldBeSecret() {
        assertEquals("tcp://127.0.0.1:2375", EngineAddress.shown("tcp://127.0.0.1:2375"));
        assertEquals("ssh://robin@build-7:22", EngineAddress.shown("ssh://robin:hunter2@build-7:22"));
        assertEquals("tcp://robin@build-7:2376", EngineAddress.shown("tcp://robin:hunter2@build-7:2376?token=abc"));
        assertEquals("unix:///var/run/docker.sock", EngineAddress.shown("unix:///var/run/docker.sock"));
    }
}
