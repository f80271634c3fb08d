package dev.rehearse.targets.ssh;

import com.jcraft.jsch.Logger;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A lost connection told in one line, from what JSch logs as it leaves its read loop: its message, then the
 * exception's stack trace (which reached a step's reason once, when the server's end came as a reset).
 */
class DropCauseTest {
    private static final String LEAVING = "Caught an exception, leaving main loop due to ";

    private static String told(String logged) {
        SshConnection.DropCause cause = new SshConnection.DropCause();
        cause.log(Logger.INFO, "Connecting to 127.0.0.1 port 22");
        cause.log(Logger.INFO, LEAVING + logged);
        return cause.describe(15_000, 4);
    }

    @Test
    void aServerThatEndsTheConnectionIsToldSoWhetherItClosedOrResetIt() {
        assertEquals("the server closed the connection", told("End of IO Stream Read"));
        assertEquals("the server closed the connection", told("Connection reset\njava.net.SocketException: "
                + "Connection reset\n\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:328)\n"
                + "\tat com.jcraft.jsch.Session.run(Session.java:1917)"));
    }

    @Test
    void anyOtherCauseIsItsFirstLineAndKeepalivesThatRanOutAreCounted() {
        assertEquals("Broken pipe", told("Broken pipe\njava.net.SocketException: Broken pipe\n\tat x.y(Z.java:1)"));
        assertEquals("no answer to 4 keepalives sent every 15 s", told("Read timed out\njava.net.SocketTimeout"
                + "Exception: Read timed out"));
        assertEquals("the connection closed", new SshConnection.DropCause().describe(15_000, 4));
    }
}
