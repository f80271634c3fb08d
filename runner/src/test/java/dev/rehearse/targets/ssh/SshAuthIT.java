package dev.rehearse.targets.ssh;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which keys get a user in, proven by what sshd logs as the accepted key. */
class SshAuthIT {
    @RegisterExtension
    static final SshServer server = new SshServer();

    @Test
    void anEd25519KeyGivenWithIdentityLogsIn() {
        assertLogsInWith(server.options(server.userEd25519, server.knownHosts, false, notice -> { }), "ED25519");
    }

    @Test
    void anRsaKeyGivenWithIdentityLogsIn() {
        assertLogsInWith(server.options(server.userRsa, server.knownHosts, false, notice -> { }), "RSA");
    }

    @Test
    void withoutIdentityTheDefaultKeysOfDotSshAreOffered() throws IOException {
        Path sshDir = Files.createDirectories(server.dir.resolve("home-ssh"));
        Files.copy(server.userRsa, sshDir.resolve("id_rsa"));
        assertLogsInWith(new SshOptions(null, sshDir, server.knownHosts, false, null,
                SshOptions.DEFAULT_SERVER_ALIVE_INTERVAL, notice -> { }), "RSA");
    }

    @Test
    void theKeysOfAnSshAgentAreOffered() throws Exception {
        Path socket = server.dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 200 && !Files.exists(socket); i++) {
                Thread.sleep(10);
            }
            ProcessBuilder addWithSocket = new ProcessBuilder("ssh-add", server.userEd25519.toString()).redirectErrorStream(true);
            addWithSocket.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process added = addWithSocket.start();
            String out = new String(added.getInputStream().readAllBytes());
            assertEquals(0, added.waitFor(), out);

            Path emptySshDir = Files.createDirectories(server.dir.resolve("empty-ssh"));
            assertLogsInWith(new SshOptions(null, emptySshDir, server.knownHosts, false, socket,
                    SshOptions.DEFAULT_SERVER_ALIVE_INTERVAL, notice -> { }), "ED25519");
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKeyTheServerDoesNotAcceptFailsInOneLineNamingWhatWasOffered() throws IOException {
        Path stranger = SshServer.keygen("ed25519", server.dir.resolve("stranger_ed25519"));
                BadInput refused = assertThrows(BadInput.class, () -> SshConnection.open(server.address(),
                server.options(stranger, server.knownHosts, false, notice -> { })));
        assertEquals(server.spec() + ": the server accepted none of the keys offered for " + SshServer.USER + ": "
                + stranger, refused.getMessage());
    }

    @Test
    void aMissingIdentityFileIsBadInput() {
        Path missing = server.dir.resolve("no-such-key");
        BadInput refused = assertThrows(BadInput.class, () -> SshConnection.open(server.address(),
                server.options(missing, server.knownHosts, false, notice -> { })));
        assertEquals(missing + ": --identity: no such readable key file", refused.getMessage());
    }

    @Test
    void aPortNobodyListensOnFailsInOneLine() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        SshAddress nowhere = new SshAddress(SshServer.USER, "127.0.0.1", closed);
        BadInput refused = assertThrows(BadInput.class, () -> SshConnection.open(nowhere,
                server.options(server.userEd25519, server.knownHosts, false, notice -> { })));
        assertEquals("ssh://" + SshServer.USER + "@127.0.0.1:" + closed + ": cannot connect: Connection refused",
                refused.getMessage());
    }

    /** Logs in, checks who it is on the far side, and that sshd accepted a key of the given type. */
    private static void assertLogsInWith(SshOptions options, String keyType) {
        int before = accepted().size();
        try (SshConnection connection = SshConnection.open(server.address(), options)) {
            assertEquals(SshServer.USER, connection.exec("id -un").strip());
        }
        List<String> accepted = accepted();
        assertEquals(before + 1, accepted.size(), server.log());
        String line = accepted.get(before);
        assertTrue(line.contains("Accepted publickey for " + SshServer.USER) && line.contains("ssh2: " + keyType + " SHA256:"), line);
    }

    /** sshd's "Accepted publickey" lines: it logs one before the session starts, so it is there by now. */
    private static List<String> accepted() {
        return server.log().lines().filter(l -> l.startsWith("Accepted publickey")).toList();
    }
}
