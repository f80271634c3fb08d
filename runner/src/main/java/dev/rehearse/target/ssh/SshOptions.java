package dev.rehearse.target.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How to reach and trust an SSH host, with OpenSSH's defaults.
 *
 * @param identity            the private key to offer ({@code --identity}); null offers the default keys of
 *                            {@code sshDir} ({@code id_ed25519}, {@code id_ecdsa}, {@code id_rsa}) that exist
 * @param sshDir              the local user's {@code ~/.ssh}
 * @param knownHosts          the known_hosts file host keys are checked against ({@code --known-hosts})
 * @param acceptNew           record the key of a host that is not in {@code knownHosts} yet ({@code --accept-new})
 * @param agentSocket         the ssh-agent's socket, or null for no agent (default: {@code $SSH_AUTH_SOCK})
 * @param serverAliveInterval how often to probe a quiet connection; three unanswered probes drop it
 * @param notices             receives what ssh would print as a warning (a recorded host key)
 */
public record SshOptions(Path identity, Path sshDir, Path knownHosts, boolean acceptNew, Path agentSocket,
                         Duration serverAliveInterval, Consumer<String> notices) {

    public static final Duration DEFAULT_SERVER_ALIVE_INTERVAL = Duration.ofSeconds(15);

    /**
     * The options of {@code rehearse run}: {@code identity} and {@code knownHosts} may be null for the default.
     *
     * @param notices where to say that a host key was recorded (the command line's error stream)
     */
    public static SshOptions fromCommandLine(Path identity, Path knownHosts, boolean acceptNew, Consumer<String> notices) {
        Path sshDir = Path.of(System.getProperty("user.home"), ".ssh");
        String agent = System.getenv("SSH_AUTH_SOCK");
        return new SshOptions(identity, sshDir, knownHosts != null ? knownHosts : sshDir.resolve("known_hosts"),
                acceptNew, agent == null || agent.isBlank() ? null : Path.of(agent), DEFAULT_SERVER_ALIVE_INTERVAL,
                notices);
    }
}
