package dev.rehearse.targets.ssh;

import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.OpeningStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ssh client configuration applied as OpenSSH's own {@code ssh -G} evaluates it, proven by logging in to a real
 * sshd through an alias: its HostName, Port, User, IdentityFile (with tokens), UserKnownHostsFile and HostKeyAlias
 * are what got us in; the command line wins over it; a proxy or an error in the file is one line.
 */
class SshClientConfigIT {
    @RegisterExtension
    static final SshServer server = new SshServer();

    private final List<String> notices = new ArrayList<>();

    /** A configuration file in the server's folder: {@code Host ravel} with these lines, then {@code more}. */
    private Path config(String name, String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of("Host ravel", "  HostName 127.0.0.1", "  Port " + server.port));
        for (String line : lines) {
            all.add(line.startsWith("Host ") ? line : "  " + line);
        }
        return Files.write(server.dir.resolve(name), all);
    }

    private static SshTarget open(String spec, SshOptions options) {
        return SshTarget.open(spec, options, new OpeningStop());
    }

    private SshOptions options(Path config) {
        // no key, known_hosts or agent of this machine's own: only what the configuration gives
        return new SshOptions(List.of(), server.dir.resolve("no-ssh-dir"), null, false, null,
                SshOptions.DEFAULT_SERVER_ALIVE_INTERVAL, null, SshClientConfig.of(config), notices::add);
    }

    @Test
    void anAliasLogsInWithTheHostNamePortUserKeyAndKnownHostsItConfigures() throws IOException {
        Path keys = Files.createDirectories(server.dir.resolve("keys"));
        Files.copy(server.userEd25519, keys.resolve(SshServer.USER + "-at-127.0.0.1"));
        Path config = config("alias.conf", "User " + SshServer.USER,
                "IdentityFile " + server.dir.resolve("keys") + "/%r-at-%h",
                "IdentityFile " + server.dir.resolve("keys/absent"),
                "UserKnownHostsFile " + server.knownHosts);
        try (SshTarget target = open("ssh://ravel", options(config))) {
            assertEquals(SshServer.USER, target.facts().user());
            assertEquals("ssh://" + SshServer.USER + "@127.0.0.1:" + server.port, target.describe());
        }
        assertTrue(server.log().contains("Accepted publickey for " + SshServer.USER), server.log());
    }

    @Test
    void theUserOfTheSpecWinsOverTheConfiguredOne() throws IOException {
        Path config = config("user.conf", "User " + SshServer.USER, "IdentityFile " + server.userEd25519,
                "UserKnownHostsFile " + server.knownHosts);
        BadInput refused = assertThrows(BadInput.class, () -> open("ssh://nobody@ravel", options(config)));
        assertTrue(refused.getMessage().startsWith("ssh://nobody@127.0.0.1:" + server.port
                + ": the server accepted none of the keys offered for nobody"), refused.getMessage());
    }

    @Test
    void aHostKeyAliasNamesTheKnownHostsLine() throws IOException {
        String[] hostKey = Files.readString(Path.of(server.dir.resolve("host_ed25519") + ".pub")).strip().split(" ");
        Path aliased = Files.writeString(server.dir.resolve("aliased_known_hosts"),
                "ravel-keys " + hostKey[0] + " " + hostKey[1] + "\n");
        Path config = config("alias-key.conf", "User " + SshServer.USER, "IdentityFile " + server.userEd25519,
                "UserKnownHostsFile " + aliased, "HostKeyAlias ravel-keys", "HostKeyAlgorithms ssh-ed25519");
        try (SshTarget target = open("ssh://ravel", options(config))) {
            assertEquals(SshServer.USER, target.facts().user());
        }

        Path unaliased = config("no-alias-key.conf", "User " + SshServer.USER, "IdentityFile " + server.userEd25519,
                "UserKnownHostsFile " + aliased);
        BadInput unknown = assertThrows(BadInput.class, () -> open("ssh://ravel", options(unaliased)));
        assertTrue(unknown.getMessage().contains("the host key of [127.0.0.1]:" + server.port), unknown.getMessage());
    }

    @Test
    void aHostBehindAProxyIsRefusedInOneLine() throws IOException {
        Path config = config("proxy.conf", "User " + SshServer.USER, "ProxyJump gateway.example.org");
        BadInput refused = assertThrows(BadInput.class, () -> open("ssh://ravel", options(config)));
        assertEquals("ssh://ravel: the ssh configuration reaches this host through proxyjump gateway.example.org, "
                + "and Rehearse connects only directly: give the host it should reach instead", refused.getMessage());
    }

    @Test
    void anErrorInTheFileIsOpenSshsOwnLine() throws IOException {
        Path config = config("bad.conf", "Bogus yes");
        BadInput refused = assertThrows(BadInput.class, () -> open("ssh://ravel", options(config)));
        assertEquals(config + ":4: Bad configuration option: bogus", refused.getMessage());
    }

    @Test
    void aTokenRehearseDoesNotKnowIsNamed() throws IOException {
        Path config = config("token.conf", "IdentityFile ~/.ssh/%C");
        BadInput refused = assertThrows(BadInput.class, () -> open("ssh://ravel", options(config)));
        assertTrue(refused.getMessage().contains("%C is not one Rehearse expands"), refused.getMessage());
    }
}
