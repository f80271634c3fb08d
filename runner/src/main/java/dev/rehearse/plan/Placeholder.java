package dev.rehearse.plan;

/**
 * A {@code <name>} the guide leaves for the reader to fill in ({@code createuser <username> -P}), where a step
 * types it. Unbound, bash would read {@code <username} as "read from the file username".
 *
 * @param literal the placeholder with its angle brackets
 */
public record Placeholder(String literal, String source, int line) {

    /** How a person binds it: on the command line, or in the sidecar. */
    public String howToBind() {
        return "--bind '" + literal + "=VALUE' or runbook.yaml bindings: {\"" + literal + "\": VALUE}";
    }
}
