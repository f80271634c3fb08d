package dev.rehearse.targets;

/**
 * A command-line option a kind of target reads, e.g. ssh's {@code --identity FILE}.
 *
 * @param name        the option as typed, with its dashes
 * @param paramLabel  what its value is ({@code FILE}), or null for a flag (its value is then {@code "true"})
 * @param description one line for {@code --help}
 */
public record TargetOption(String name, String paramLabel, String description) {

    public boolean isFlag() {
        return paramLabel == null;
    }
}
