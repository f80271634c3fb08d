package dev.rehearse.plan;

/**
 * A shell prompt as a transcript shows it: {@code (env) [isabell@stardust synapse]$ }.
 * Any part the prompt does not show is null; {@code sigil} is {@code $}, {@code #} or null when missing.
 */
public record ShellPrompt(String venv, String user, String host, String cwd, String sigil) {

    /** its user, host and folder ({@code isabell@stardust ~}): where a guide shows its example user and host */
    public String account() {
        return user + "@" + host + " " + cwd;
    }
}
