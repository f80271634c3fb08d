package dev.rehearse.targets.shell;

import java.util.regex.Pattern;

/**
 * The little of a terminal's screen the session needs while a command runs: the line being written, to match
 * prompts and to notice one nobody answers. (Comparing whole outputs is the checker's business.)
 */
public final class TerminalText {
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|[@-Z\\\\-_])|[\\p{Cntrl}&&[^\t]]");
    /** A last line that ends like a question or a prompt: {@code Password: }, {@code [y/N] }, {@code db=> }. */
    private static final Pattern PROMPT_LIKE = Pattern.compile(".*[:?>\\]$#)]\\s*");

    private TerminalText() {
    }

    /** CRLF (and the CR CR LF some programs write) become LF; a lone CR stays for whoever replays the screen. */
    public static String foldLineEnds(String raw) {
        return raw.indexOf('\r') < 0 ? raw : raw.replace("\r\r\n", "\n").replace("\r\n", "\n");
    }

    /**
     * The line being written (after the last newline) as it shows: what came after its last carriage return
     * (a redrawn progress bar, a prompt after a spinner), escape sequences and control characters removed.
     */
    public static String lastLine(String raw) {
        String line = raw.substring(raw.lastIndexOf('\n') + 1);
        int cr = line.lastIndexOf('\r');
        if (cr >= 0 && cr < line.length() - 1) {
            line = line.substring(cr + 1);
        }
        return ESCAPES.matcher(line).replaceAll("");
    }

    /** The last line with something on it, trimmed: what a program last said. */
    public static String lastNonBlankLine(String raw) {
        String[] lines = foldLineEnds(raw).split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String shown = lastLine(lines[i]).strip();
            if (!shown.isEmpty()) {
                return shown;
            }
        }
        return "";
    }

    public static boolean looksLikePrompt(String line) {
        return !line.isBlank() && PROMPT_LIKE.matcher(line).matches();
    }
}
