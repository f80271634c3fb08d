package dev.rehearse.targets.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * How to reach and trust an SSH host, with OpenSSH's defaults.
 *
 * @param identities          the private keys to offer ({@code --identity}, or the ssh configuration's
 *                            IdentityFile); empty offers the default keys of {@code sshDir} ({@code id_ed25519},
 *                            {@code id_ecdsa}, {@code id_rsa}) that exist
 * @param sshDir              the local user's {@code ~/.ssh}
 * @param knownHosts          the known_hosts file host keys are checked against ({@code --known-hosts}); null for
 *                            the ssh configuration's UserKnownHostsFile, else {@code sshDir/known_hosts}
 * @param acceptNew           record the key of a host that is not in {@code knownHosts} yet ({@code --accept-new})
 * @param agentSocket         the ssh-agent's socket, or null for no agent (default: {@code $SSH_AUTH_SOCK})
 * @param serverAliveInterval how often to probe a quiet connection; three unanswered probes drop it
 * @param hostKeyAlias        the name the host key is filed under instead of the host's (HostKeyAlias), or null
 * @param clientConfig        the ssh client configuration still to consult for the target, or null for none
 * @param notices             receives what ssh would print as a warning (a recorded host key)
 */
public record SshOptions(List<Path> identities, Path sshDir, Path knownHosts, boolean acceptNew, Path agentSocket,
                         Duration serverAliveInterval, String hostKeyAlias, SshClientConfig clientConfig,
                         Consumer<String> notices) {

    public static final Duration DEFAULT_SERVER_ALIVE_INTERVAL = Duration.ofSeconds(15);

    public SshOptions {
        identities = List.copyOf(identities);
    }

    /** Options that consult no ssh configuration: one key or the defaults, one known_hosts file. */
    public SshOptions(Path identity, Path sshDir, Path knownHosts, boolean acceptNew, Path agentSocket,
                      Duration serverAliveInterval, Consumer<String> notices) {
        this(identity == null ? List.of() : List.of(identity), sshDir, knownHosts, acceptNew, agentSocket,
                serverAliveInterval, null, null, notices);
    }

    /**
     * The options of {@code rehearse run}: {@code identity} and {@code knownHosts} may be null for the default.
     *
     * @param sshConfig the ssh client configuration file ({@code --ssh-config}, as {@code ssh -F}); null for
     *                  ssh's own ({@code ~/.ssh/config}, then {@code /etc/ssh/ssh_config})
     * @param notices   where to say that a host key was recorded (the command line's error stream)
     */
    public static SshOptions fromCommandLine(Path identity, Path knownHosts, boolean acceptNew, Path sshConfig,
                                             Consumer<String> notices) {
        Path sshDir = Path.of(System.getProperty("user.home"), ".ssh");
        String agent = System.getenv("SSH_AUTH_SOCK");
        return new SshOptions(identity == null ? List.of() : List.of(identity), sshDir, knownHosts, acceptNew,
                agent == null || agent.isBlank() ? null : Path.of(agent), DEFAULT_SERVER_ALIVE_INTERVAL, null,
                sshConfig == null ? SshClientConfig.OWN_FILES : SshClientConfig.of(sshConfig), notices);
    }

    /** These options once their ssh configuration is applied. */
    SshOptions withoutClientConfig() {
        return new SshOptions(identities, sshDir, knownHosts, acceptNew, agentSocket, serverAliveInterval,
                hostKeyAlias, null, notices);
    }

    /** The known_hosts file to check against: the one given, else {@code sshDir/known_hosts}. */
    public Path knownHostsFile() {
        return knownHosts != null ? knownHosts : sshDir.resolve("known_hosts");
    }
}
