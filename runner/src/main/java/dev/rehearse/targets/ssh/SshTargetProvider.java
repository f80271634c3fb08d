package dev.rehearse.targets.ssh;

import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOption;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.TargetProvider;

import java.nio.file.Path;
import java.util.List;

/** {@code ssh://user@host[:port]}: a host you have, over SSH, logged into and trusted as {@code ssh} would. */
public final class SshTargetProvider implements TargetProvider {
    static final String IDENTITY = "--identity";
    static final String KNOWN_HOSTS = "--known-hosts";
    static final String SSH_CONFIG = "--ssh-config";
    static final String ACCEPT_NEW = "--accept-new";

    @Override
    public String scheme() {
        return "ssh";
    }

    @Override
    public List<String> forms() {
        return List.of("ssh://user@host[:port]");
    }

    @Override
    public String summary() {
        return "a host you have, over SSH";
    }

    @Override
    public List<TargetOption> options() {
        return List.of(
                new TargetOption(IDENTITY, "FILE", "ssh: the private key to log in with (default: ~/.ssh/id_ed25519, "
                        + "id_ecdsa, id_rsa); the keys of the ssh-agent at $SSH_AUTH_SOCK are offered too"),
                new TargetOption(KNOWN_HOSTS, "FILE",
                        "ssh: the known_hosts file the host's key is checked against (default: ~/.ssh/known_hosts)"),
                new TargetOption(SSH_CONFIG, "FILE", "ssh: the ssh client configuration to apply, as ssh -F takes it "
                        + "(none: no file); default: ssh's own, ~/.ssh/config and /etc/ssh/ssh_config"),
                new TargetOption(ACCEPT_NEW, null, "ssh: record the key of a host that known_hosts does not list yet "
                        + "(a changed key is refused all the same); these ssh options also reach a container "
                        + "target's DOCKER_HOST=ssh:// engine"));
    }

    @Override
    public Target open(String spec, TargetOptions options) {
        return SshTarget.open(spec, sshOptions(options), options.stop());
    }

    /** What the ssh options given say (the ssh target's, and a Docker engine's over ssh: {@link SshDockerEngine}). */
    public static SshOptions sshOptions(TargetOptions options) {
        return SshOptions.fromCommandLine(path(options.value(IDENTITY)), path(options.value(KNOWN_HOSTS)),
                options.flag(ACCEPT_NEW), path(options.value(SSH_CONFIG)), options.notices());
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
