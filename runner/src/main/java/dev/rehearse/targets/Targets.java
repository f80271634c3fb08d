package dev.rehearse.targets;

import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.container.ContainerTarget;
import dev.rehearse.targets.container.ContainerTarget.Networking;
import dev.rehearse.targets.local.LocalTarget;
import dev.rehearse.targets.ssh.SshTarget;

import dev.rehearse.targets.shell.ShellSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens a target from its {@code --target} spec: {@code local}, {@code local:DIR}, {@code container} (a fresh
 * stardust host), {@code container:IMAGE}, {@code ssh://user@host[:port]} (a host over SSH).
 */
public final class Targets {
    private Targets() {
    }

    /**
     * Removes what runs of the same kind of target left behind when their process was killed (a container, a run
     * user and its sandbox), before a new run opens one; only what is provably theirs and whose process is gone.
     *
     * @return one line for each thing removed
     */
    public static List<String> reapLeftovers(String spec) {
        if (spec == null || spec.startsWith("local")) {
            return LocalTarget.reapLeftovers();
        }
        if (spec.startsWith("container")) {
            return ContainerTarget.reapLeftovers();
        }
        return List.of();
    }

    /** @throws BadInput when the spec names no known target */
    public static Target open(String spec, TargetOptions options) {
        if (spec == null || spec.equals("local")) {
            return LocalTarget.open(null, options.keep(), ShellSettings.DEFAULT, options.stamp());
        }
        if (spec.startsWith("local:") && spec.length() > "local:".length()) {
            return LocalTarget.open(Path.of(spec.substring("local:".length())), options.keep(), ShellSettings.DEFAULT,
                    options.stamp());
        }
        if (spec.equals("container")) {
            return ContainerTarget.open(ContainerTarget.DEFAULT_IMAGE, Networking.NONE, options.keep(), options.stamp());
        }
        if (spec.startsWith("container:") && spec.length() > "container:".length()) {
            return ContainerTarget.open(spec.substring("container:".length()), Networking.NONE, options.keep(),
                    options.stamp());
        }
        if (spec.startsWith("ssh://")) {
            return SshTarget.open(spec, options.ssh());
        }
        throw new BadInput("--target", 0, "unknown target '" + spec
                + "' (known: local, local:DIR, container, container:IMAGE, ssh://user@host[:port])");
    }
}
