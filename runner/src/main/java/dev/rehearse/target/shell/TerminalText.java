package dev.rehearse.target.shell;

import java.util.regex.Pattern;

/** What a terminal shows, from the raw bytes a program wrote to it. */
public final class TerminalText {
    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|[@-Z\\\\-_])");
    /** A last line that ends like a question or a prompt: {@code Password: }, {@code [y/N] }, {@code db=> }. */
    private static final Pattern PROMPT_LIKE = Pattern.compile(".*[:?>\\]$#)]\\s*");

    private TerminalText() {
    }

    /**
     * CRLF becomes LF; a lone CR returns to the start of the line, so only what was written after it stays
     * (the last state of a progress bar).
     */
    public static String fold(String raw) {
        if (raw.indexOf('\r') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int lineStart = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    continue;
                }
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\r') {
                    continue;
                }
                if (i + 1 < raw.length()) {
                    out.setLength(lineStart);
                }
            } else {
                out.append(c);
                if (c == '\n') {
                    lineStart = out.length();
                }
            }
        }
        return out.toString();
    }

    public static String stripAnsi(String text) {
        return text.indexOf('\u001B') < 0 ? text : ANSI.matcher(text).replaceAll("");
    }

    /** The line being written (after the last newline), as the terminal shows it. */
    public static String lastLine(String raw) {
        String shown = stripAnsi(fold(raw));
        return shown.substring(shown.lastIndexOf('\n') + 1);
    }

    public static boolean looksLikePrompt(String line) {
        return !line.isBlank() && PROMPT_LIKE.matcher(line).matches();
    }
}
