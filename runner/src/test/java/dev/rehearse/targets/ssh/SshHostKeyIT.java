package dev.rehearse.targets.ssh;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host keys against a real sshd, judged as OpenSSH's own client judges them, with the same files. */
class SshHostKeyIT {
    @RegisterExtension
    static final SshServer server = new SshServer();

    @Test
    void anUnknownHostKeyIsRefusedInOneLineThatNamesItsFingerprintAndTheWayOut() {
        Path knownHosts = server.dir.resolve("unknown/known_hosts");
        BadInput refused = assertThrows(BadInput.class, () -> SshConnection.open(server.address(),
                server.options(server.userEd25519, knownHosts, false, notice -> { })));
        String message = refused.getMessage();
        assertEquals(knownHosts.toString(), refused.file());
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("host key of [127.0.0.1]:" + server.port + " ("), message);
        assertTrue(message.contains(fingerprint("host_ed25519")) || message.contains(fingerprint("host_rsa")),
                "the fingerprint is ssh-keygen's: " + message);
        assertTrue(message.contains("is not known") && message.contains("--accept-new"), message);
        assertFalse(Files.exists(knownHosts), "nothing is recorded without --accept-new");
    }

    @Test
    void acceptNewRecordsTheKeyInAFormOpenSshTrusts() throws IOException {
        Path knownHosts = server.dir.resolve("accept-new");
        // an existing entry for another host, without a final newline: it must stay as it is
        Files.writeString(knownHosts, "example.invalid ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9xZXhhbXBsZWtleWJ5dGVzMDEyMzQ1Njc4OTAx");
        List<String> notices = new ArrayList<>();
        try (SshConnection connection = SshConnection.open(server.address(),
                server.options(server.userEd25519, knownHosts, true, notices::add))) {
            assertEquals(SshServer.USER, connection.exec("id -un").strip());
        }
        List<String> lines = Files.readAllLines(knownHosts);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("example.invalid "));
        assertTrue(lines.get(1).startsWith("[127.0.0.1]:" + server.port + " "), lines.get(1));
        assertEquals(List.of("Warning: Permanently added '[127.0.0.1]:" + server.port + "' ("
                + (lines.get(1).contains("ssh-ed25519") ? "ED25519" : "RSA") + ") to the list of known hosts ("
                + knownHosts + ")."), notices);

        assertEquals(0, openSsh(knownHosts, "StrictHostKeyChecking=yes").exit(), "OpenSSH trusts the recorded key");

        byte[] before = Files.readAllBytes(knownHosts);
        try (SshConnection again = SshConnection.open(server.address(),
                server.options(server.userEd25519, knownHosts, false, notices::add))) {
            assertTrue(again.isConnected());
        }
        assertArrayEquals(before, Files.readAllBytes(knownHosts), "a known key is not recorded twice");
    }

    @Test
    void aHashedKeyRecordedByOpenSshIsTrusted() throws IOException {
        Path knownHosts = server.dir.resolve("recorded-by-openssh");
        SshServer.Ran recorded = openSsh(knownHosts, "StrictHostKeyChecking=accept-new", "-o", "HashKnownHosts=yes");
        assertEquals(0, recorded.exit(), recorded.output());
        assertTrue(Files.readString(knownHosts).startsWith("|1|"), "OpenSSH hashed the name");
        try (SshConnection connection = SshConnection.open(server.address(),
                server.options(server.userEd25519, knownHosts, false, notice -> { }))) {
            assertEquals(SshServer.USER, connection.exec("id -un").strip());
        }
    }

    @Test
    void aChangedHostKeyIsRefusedLoudlyAtTheLineOpenSshBlamesEvenWithAcceptNew() throws IOException {
        try (SshServer reinstalled = SshServer.start()) {
            Path knownHosts = reinstalled.dir.resolve("known_hosts");
            String ed25519 = Files.readAllLines(reinstalled.knownHosts).get(0);
            Files.writeString(knownHosts, "# hosts we trust\nexample.invalid ssh-rsa AAAAB3NzaC1yc2E=\n" + ed25519 + "\n");
            byte[] before = Files.readAllBytes(knownHosts);
            reinstalled.newHostKeys();
            reinstalled.restart();

            BadInput refused = assertThrows(BadInput.class, () -> SshConnection.open(reinstalled.address(),
                    reinstalled.options(reinstalled.userEd25519, knownHosts, true, notice -> { })));
            String message = refused.getMessage();
            assertFalse(message.contains("\n"), message);
            assertEquals(knownHosts.toString(), refused.file());
            assertEquals(3, refused.line(), message);
            assertTrue(message.startsWith(knownHosts + ":3: REMOTE HOST IDENTIFICATION HAS CHANGED for [127.0.0.1]:"
                    + reinstalled.port), message);
            assertTrue(message.contains(fingerprintIn(reinstalled, "host_ed25519")), "names the new key: " + message);
            assertArrayEquals(before, Files.readAllBytes(knownHosts), "accept-new never replaces a known key");

            SshServer.Ran openSsh = openSsh(reinstalled, knownHosts, "StrictHostKeyChecking=accept-new");
            assertEquals(255, openSsh.exit());
            assertTrue(openSsh.output().contains("Offending ED25519 key in " + knownHosts + ":3"),
                    "OpenSSH blames the same line: " + openSsh.output());
        }
    }

    private static String fingerprint(String hostKey) {
        return fingerprintIn(server, hostKey);
    }

    /** The fingerprint as {@code ssh-keygen -l} prints it. */
    private static String fingerprintIn(SshServer sshd, String hostKey) {
        SshServer.Ran keygen = SshServer.command(List.of("ssh-keygen", "-l", "-f", SshServer.pub(sshd.dir.resolve(hostKey)).toString()));
        return keygen.output().split(" ")[1];
    }

    private static SshServer.Ran openSsh(Path knownHosts, String strictness, String... more) {
        return openSsh(server, knownHosts, strictness, more);
    }

    /** OpenSSH's own client, with the same user key and known_hosts file. */
    private static SshServer.Ran openSsh(SshServer sshd, Path knownHosts, String strictness, String... more) {
        List<String> command = new ArrayList<>(List.of("ssh", "-F", "none", "-o", "BatchMode=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null", "-o", strictness,
                "-i", sshd.userEd25519.toString(), "-p", String.valueOf(sshd.port)));
        command.addAll(List.of(more));
        command.addAll(List.of(SshServer.USER + "@127.0.0.1", "true"));
        return SshServer.command(command);
    }
}
