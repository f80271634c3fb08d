package dev.rehearse.plan;

/**
 * A shell prompt as a transcript shows it: {@code (env) [isabell@stardust synapse]$ }.
 * Any part the prompt does not show is null; {@code sigil} is {@code $}, {@code #} or null when missing.
 */
public record ShellPrompt(String venv, String user, String host, String cwd, String sigil) {
}
