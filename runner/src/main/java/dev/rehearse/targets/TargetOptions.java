package dev.rehearse.targets;

import dev.rehearse.targets.ssh.SshOptions;

/**
 * Options of {@link Targets#open} that do not fit in the spec string. Immutable; start from
 * {@link #defaults()} and add with the {@code with...} methods (targets add their own options the same way).
 *
 * @param keep  leave what the target made for the run (sandbox, user, container) in place at close
 * @param ssh   how an {@code ssh://} target logs in and checks the host's key
 * @param stamp the run's stamp, put on what the target makes (container labels, the run user's comment)
 */
public record TargetOptions(boolean keep, SshOptions ssh, RunStamp stamp) {

    public static TargetOptions defaults() {
        return new TargetOptions(false, SshOptions.fromCommandLine(null, null, false, null, System.err::println),
                RunStamp.next());
    }

    public TargetOptions withKeep(boolean keep) {
        return new TargetOptions(keep, ssh, stamp);
    }

    public TargetOptions withSsh(SshOptions ssh) {
        return new TargetOptions(keep, ssh, stamp);
    }

    public TargetOptions withStamp(RunStamp stamp) {
        return new TargetOptions(keep, ssh, stamp);
    }
}
