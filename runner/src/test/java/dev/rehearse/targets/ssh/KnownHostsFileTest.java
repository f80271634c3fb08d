package dev.rehearse.targets.ssh;

import com.jcraft.jsch.HostKeyRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which lines of a known_hosts file speak for a host, held to OpenSSH's own answer ({@code ssh-keygen -F}),
 * for plain names, {@code [host]:port}, wildcards, negations, markers and names hashed by {@code ssh-keygen -H}.
 */
class KnownHostsFileTest {
    private static final List<String> HOSTS = List.of("a.example.org", "bad.example.org", "[127.0.0.1]:2222",
            "127.0.0.1", "host1.lan", "host12.lan", "x.ca.lan", "plain.lan", "PLAIN.lan", "elsewhere.lan");

    @TempDir
    static Path dir;
    private static String keyLine;
    private static byte[] key;
    private static Path plain;
    private static Path hashed;

    @BeforeAll
    static void writeFiles() throws IOException {
        Path k = SshServer.keygen("ed25519", dir.resolve("k"));
        keyLine = Files.readString(SshServer.pub(k)).strip().split(" ")[0] + " " + Files.readString(SshServer.pub(k)).strip().split(" ")[1];
        key = Base64.getDecoder().decode(keyLine.split(" ")[1]);
        plain = Files.writeString(dir.resolve("known_hosts"), String.join("\n",
                "# hosts",
                "*.example.org,!bad.example.org " + keyLine,
                "[127.0.0.1]:2222 " + keyLine,
                "host?.lan " + keyLine,
                "@cert-authority *.ca.lan " + keyLine,
                "plain.lan " + keyLine,
                ""));
        hashed = Files.copy(plain, dir.resolve("known_hosts.hashed"));
        assertEquals(0, SshServer.command(List.of("ssh-keygen", "-H", "-f", hashed.toString())).exit());
        assertTrue(Files.readString(hashed).contains("|1|"), "ssh-keygen hashed the plain names");
    }

    @Test
    void aKeyIsKnownForExactlyTheHostsOpenSshFindsItFor() {
        assertEquals(List.of("a.example.org", "[127.0.0.1]:2222", "host1.lan", "plain.lan", "PLAIN.lan"),
                HOSTS.stream().filter(h -> openSshFinds(plain, h)).toList(), "what OpenSSH itself finds");
        for (Path file : List.of(plain, hashed)) {
            for (String host : HOSTS) {
                KnownHostsFile knownHosts = new KnownHostsFile(file, false, notice -> { });
                int expected = openSshFinds(file, host) ? HostKeyRepository.OK : HostKeyRepository.NOT_INCLUDED;
                assertEquals(expected, knownHosts.check(host, key), host + " in " + file);
            }
        }
    }

    @Test
    void aDifferentKeyOfTheSameTypeIsAChangeBlamedOnItsLine() throws IOException {
        Path other = SshServer.keygen("ed25519", dir.resolve("other"));
        byte[] otherKey = Base64.getDecoder().decode(Files.readString(SshServer.pub(other)).split(" ")[1]);
        KnownHostsFile knownHosts = new KnownHostsFile(plain, true, notice -> { });
        assertEquals(HostKeyRepository.CHANGED, knownHosts.check("plain.lan", otherKey));
        assertEquals(6, knownHosts.refusal().line());
        assertTrue(knownHosts.refusal().problem().startsWith("REMOTE HOST IDENTIFICATION HAS CHANGED for plain.lan"));
    }

    @Test
    void aKeyOfAnotherTypeIsNewAsForOpenSsh() throws IOException {
        Path rsa = SshServer.keygen("rsa", dir.resolve("rsa"));
        byte[] rsaKey = Base64.getDecoder().decode(Files.readString(SshServer.pub(rsa)).split(" ")[1]);
        KnownHostsFile knownHosts = new KnownHostsFile(plain, false, notice -> { });
        assertEquals(HostKeyRepository.NOT_INCLUDED, knownHosts.check("plain.lan", rsaKey));
        assertTrue(knownHosts.refusal().problem().contains("(RSA key SHA256:"), knownHosts.refusal().problem());
    }

    @Test
    void aRevokedKeyIsRefusedEvenWhereAnotherLineTrustsIt() throws IOException {
        Path file = Files.writeString(dir.resolve("revoked"), "plain.lan " + keyLine + "\n@revoked * " + keyLine + "\n");
        KnownHostsFile knownHosts = new KnownHostsFile(file, true, notice -> { });
        assertEquals(HostKeyRepository.CHANGED, knownHosts.check("plain.lan", key));
        assertEquals(2, knownHosts.refusal().line());
        assertTrue(knownHosts.refusal().problem().contains("@revoked"));
    }

    @Test
    void aKnownKeyLeavesNoRefusal() {
        KnownHostsFile knownHosts = new KnownHostsFile(plain, false, notice -> { });
        assertEquals(HostKeyRepository.OK, knownHosts.check("[127.0.0.1]:2222", key));
        assertNull(knownHosts.refusal());
    }

    /** OpenSSH's answer: does {@code ssh-keygen -F} find a plain key line (no marker) for the host? */
    private static boolean openSshFinds(Path file, String host) {
        return SshServer.command(List.of("ssh-keygen", "-F", host, "-f", file.toString())).output().lines()
                .anyMatch(l -> !l.startsWith("#") && !l.startsWith("@") && !l.isBlank());
    }
}
