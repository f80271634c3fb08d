package dev.rehearse.target;

/**
 * Options of {@link Targets#open} that do not fit in the spec string. Immutable; start from
 * {@link #defaults()} and add with the {@code with...} methods (targets add their own options the same way).
 *
 * @param keep leave what the target made for the run (sandbox, user, container) in place at close
 */
public record TargetOptions(boolean keep) {

    public static TargetOptions defaults() {
        return new TargetOptions(false);
    }

    public TargetOptions withKeep(boolean keep) {
        return new TargetOptions(keep);
    }
}
