package dev.rehearse.bind;

/**
 * The guide's example value {@code literal} stands for {@code value} on the real target.
 *
 * @param secret the value must never be shown: outputs, logs and reports show {@code literal} instead
 */
public record Binding(String literal, String value, Origin origin, boolean secret) {

    /**
     * Where a value came from, in increasing precedence. A CHOICE is the first word of a choice a command offers
     * ({@code [yes|no]}): never mapped back, as the word it stands for shows in output for other reasons.
     */
    public enum Origin { CHOICE, TARGET, GENERATED, SIDECAR, CAPTURED, COMMAND_LINE }
}
