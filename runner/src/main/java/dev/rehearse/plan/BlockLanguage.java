package dev.rehearse.plan;

import java.util.Locale;
import java.util.Set;

/**
 * What a block's language says about its text, in the names the highlighters guides are written for give it
 * (Pygments, Rouge, Prism, highlight.js, GitHub's Linguist): a terminal session, a shell script, or text shown
 * without highlighting. Any other language (ini, yaml, python ...) is a file's or a program's text, never a session.
 */
public final class BlockLanguage {
    private static final Set<String> SESSIONS = Set.of(
            "console", "shell-session", "sh-session", "shellsession", "shell_session", "terminal");
    /** and DigitalOcean's {@code command} and {@code super_user}, which their site shows with a prompt per line */
    private static final Set<String> SCRIPTS = Set.of("bash", "sh", "shell", "zsh", "command", "super_user");
    private static final Set<String> PLAIN = Set.of(
            "", "none", "text", "plaintext", "plain", "txt", "nohighlight", "output");

    /**
     * the sessions of a REPL (Pygments' console lexers for Python, PostgreSQL, SQLite, Ruby and Node.js), whose
     * first line may be the shell's command that opens it ({@code $ python3} over {@code >>> import json})
     */
    private static final Set<String> REPLS = Set.of("pycon", "python-console", "doctest", "psql", "postgresql-console",
            "postgres-console", "sqlite3", "rbcon", "irb", "nodejsrepl");

    /** Windows' shells, whose commands are not this host's */
    private static final Set<String> WINDOWS = Set.of("powershell", "pwsh", "ps1", "ps", "posh", "pscon", "doscon",
            "bat", "batch", "cmd", "winbatch", "dos");

    private BlockLanguage() {
    }

    /** PowerShell or cmd.exe, as a session or a script. */
    public static boolean isWindowsShell(String language) {
        return WINDOWS.contains(normal(language));
    }

    /** A terminal session: only there is a leading {@code #} root's prompt rather than a comment. */
    public static boolean isSession(String language) {
        return SESSIONS.contains(normal(language));
    }

    /** A shell script: its lines are commands to type, one after the other. */
    public static boolean isScript(String language) {
        return SCRIPTS.contains(normal(language));
    }

    /** A session or a script: a block the reader expects to run. */
    public static boolean isShell(String language) {
        return isSession(language) || isScript(language);
    }

    /** No language, or one that says the block is shown without highlighting. */
    public static boolean isPlain(String language) {
        return PLAIN.contains(normal(language));
    }

    /** A block whose lines may show a shell's prompts: a shell's, a REPL's, or one shown without highlighting. */
    public static boolean mayShowPrompts(String language) {
        return isShell(language) || isPlain(language) || REPLS.contains(normal(language));
    }

    private static String normal(String language) {
        return language == null ? "" : language.toLowerCase(Locale.ROOT);
    }
}
