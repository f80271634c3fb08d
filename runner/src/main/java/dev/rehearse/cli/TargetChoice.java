package dev.rehearse.cli;

import dev.rehearse.guide.BadInput;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.ssh.SshOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every command that runs a runbook takes (a picocli mixin of {@code run}, {@code update}, {@code matrix}):
 * the runbook, where it runs, with which bindings, and how ssh logs in.
 */
final class TargetChoice {

    @Parameters(paramLabel = "RUNBOOK", description = "a runbook folder, its runbook.yaml, or a guide file")
    Path runbook;

    @Option(names = "--target", paramLabel = "SPEC",
            description = "where to run: local (a sandbox, the default), local:DIR (DIR as HOME), container (a fresh "
                    + "stardust host), container:IMAGE, ssh://user@host[:port] (a host you have, over SSH); "
                    + "default: the sidecar's target, else local")
    String target;

    @Option(names = "--bind", paramLabel = "NAME=VALUE", description = "set a sidecar variable, or bind an example value")
    List<String> binds = List.of();

    @Option(names = "--identity", paramLabel = "FILE",
            description = "ssh: the private key to log in with (default: ~/.ssh/id_ed25519, id_ecdsa, id_rsa); "
                    + "the keys of the ssh-agent at $SSH_AUTH_SOCK are offered too")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "ssh: the known_hosts file the host's key is checked against (default: ~/.ssh/known_hosts)")
    Path knownHosts;

    @Option(names = "--ssh-config", paramLabel = "FILE",
            description = "ssh: the ssh client configuration to apply, as ssh -F takes it (none: no file); "
                    + "default: ssh's own, ~/.ssh/config and /etc/ssh/ssh_config")
    Path sshConfig;

    @Option(names = "--accept-new", description = "ssh: record the key of a host that known_hosts does not list yet "
            + "(a changed key is refused all the same)")
    boolean acceptNew;

    /**
     * The rehearsal these options describe: all steps, stopping at the first FAIL, the target removed at the end;
     * the commands adjust it with their own options.
     *
     * @param notices where ssh's one-line notices go (a host key recorded by --accept-new)
     */
    Rehearsal rehearsal(Consumer<String> notices) {
        SshOptions ssh = SshOptions.fromCommandLine(identity, knownHosts, acceptNew, sshConfig, notices);
        return Rehearsal.defaults().withTarget(target).withBinds(overrides(binds))
                .withTargetOptions(TargetOptions.defaults().withSsh(ssh));
    }

    /** {@code --bind k=v} options as a map; a malformed one is bad input. */
    static Map<String, String> overrides(List<String> binds) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String bind : binds) {
            int eq = bind.indexOf('=');
            if (eq <= 0) {
                throw new BadInput("--bind " + bind, 0, "expected NAME=VALUE");
            }
            overrides.put(bind.substring(0, eq), bind.substring(eq + 1));
        }
        return overrides;
    }
}
