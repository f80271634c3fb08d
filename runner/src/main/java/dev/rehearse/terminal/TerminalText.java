package dev.rehearse.terminal;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person would read on the screen from the raw bytes a program wrote to a terminal, line by line.
 * Programs redraw a line with carriage returns (pip's progress bar), erase it with {@code ESC[K}, colour it with
 * SGR sequences and back up with backspaces; comparing the raw stream with a guide would see all of that as
 * difference. Each line is replayed on a one-line screen instead: a carriage return moves the cursor to the
 * start, later characters overwrite earlier ones, and what is left is the line. Escape sequences are dropped
 * (except the few that move the cursor or erase), other control characters too, trailing blanks are removed,
 * and so are blank lines at the end.
 * <p>
 * The one reading of a terminal for every stage: the checker compares these lines, the session matches prompts
 * against the last one, progress and reports show them. Two readings would disagree: {@code Name: abc\bd\e[K}
 * must be {@code Name: abd} to all.
 */
public final class TerminalText {
    private static final char ESC = '\u001b';
    private static final char BEL = '\u0007';
    /** A last line that ends like a question or a prompt: {@code Password: }, {@code [y/N] }, {@code db=> }. */
    private static final Pattern PROMPT_LIKE = Pattern.compile(".*[:?>\\]$#)]\\s*");
    /** A last line that ends as a shell's prompt does: {@code isabell@stardust:~$ }, {@code # }, {@code ❯ } */
    private static final Pattern SHELL_PROMPT_LIKE = Pattern.compile(".*[$#%>\u276f\u279c]\\s*");

    private TerminalText() {
    }

    /** Colour ({@code ESC[1;31m}) and erase-in-line ({@code \r ESC[K}): what Rehearse itself draws on a terminal. */
    private static final Pattern OWN_SEQUENCE = Pattern.compile("\r?\u001b\\[(?:[0-9;]*m|K)");

    /**
     * Text as it may go to a person's terminal: every control character but newline and tab shown as an escape
     * ({@code \e}, {@code \r}, {@code \x07}), so that a guide's or a host's bytes cannot retitle the window, move the
     * cursor or overwrite a line already shown; colour and erase-in-line kept, which only paint.
     */
    public static String printable(String text) {
        int first = 0;
        while (first < text.length() && !isControl(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // the usual case: nothing to show otherwise
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        Matcher own = OWN_SEQUENCE.matcher(text);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            } else if ((c == ESC || c == '\r') && own.region(i, text.length()).lookingAt()) {
                out.append(text, i, own.end());
                i = own.end() - 1;
            } else if (c == ESC) {
                out.append("\\e");
            } else if (c == '\r') {
                out.append("\\r");
            } else {
                out.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f;
    }

    /**
     * The lines as the screen shows them, trailing blanks and blank lines at the end removed; none for null (a step
     * that printed nothing, or whose output was not kept).
     */
    public static List<String> lines(String raw) {
        List<String> lines = new ArrayList<>();
        if (raw == null) {
            return lines;
        }
        Screen line = new Screen();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\n') {
                lines.add(line.text());
                line = new Screen();
                i++;
            } else if (c == '\r') {
                // CRLF is a line end; a lone CR returns to the start of the same line
                if (i + 1 < n && raw.charAt(i + 1) == '\n') {
                    i++;
                } else {
                    line.cursor = 0;
                    i++;
                }
            } else if (c == '\b') {
                line.cursor = Math.max(0, line.cursor - 1);
                i++;
            } else if (c == ESC) {
                i = escape(raw, i, line);
            } else if (c == '\t' || c >= ' ' && c != '\u007f' && !(c >= '\u0080' && c < '\u00a0')) {
                line.put(c);
                i++;
            } else {
                i++; // another control character: nothing visible
            }
        }
        lines.add(line.text());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** CRLF (and the CR CR LF some programs write) become LF; a lone CR stays for whoever replays the screen. */
    public static String foldLineEnds(String raw) {
        return raw.indexOf('\r') < 0 ? raw : raw.replace("\r\r\n", "\n").replace("\r\n", "\n");
    }

    /**
     * The line being written (after the last newline) as the screen shows it, trailing blanks removed: what a
     * prompt is matched against and what a program waiting for input is found waiting at.
     */
    public static String lastLine(String raw) {
        List<String> shown = lines(raw.substring(raw.lastIndexOf('\n') + 1));
        return shown.isEmpty() ? "" : shown.get(0);
    }

    /** The last line with something on it, trimmed: what a program last said. */
    public static String lastNonBlankLine(String raw) {
        List<String> shown = lines(raw);
        for (int i = shown.size() - 1; i >= 0; i--) {
            if (!shown.get(i).isBlank()) {
                return shown.get(i).strip();
            }
        }
        return "";
    }

    public static boolean looksLikePrompt(String line) {
        return !line.isBlank() && PROMPT_LIKE.matcher(line).matches();
    }

    public static boolean looksLikeShellPrompt(String line) {
        return !line.isBlank() && SHELL_PROMPT_LIKE.matcher(line).matches();
    }

    /** Consumes the escape sequence at {@code start}, applying the ones that change the line; returns the next index. */
    private static int escape(String raw, int start, Screen line) {
        int n = raw.length();
        int i = start + 1;
        if (i >= n) {
            return n;
        }
        char kind = raw.charAt(i);
        if (kind == '[') { // CSI: parameters, intermediates, one final byte
            int paramsStart = ++i;
            while (i < n && raw.charAt(i) >= '0' && raw.charAt(i) <= '?') {
                i++;
            }
            String params = raw.substring(paramsStart, i);
            while (i < n && raw.charAt(i) >= ' ' && raw.charAt(i) <= '/') {
                i++;
            }
            if (i < n) {
                line.control(raw.charAt(i), params);
                i++;
            }
            return i;
        }
        if (kind == ']' || kind == 'P' || kind == '_' || kind == '^') { // OSC, DCS, APC, PM: up to BEL or ESC \
            i++;
            while (i < n) {
                char c = raw.charAt(i);
                if (c == BEL) {
                    return i + 1;
                }
                if (c == ESC && i + 1 < n && raw.charAt(i + 1) == '\\') {
                    return i + 2;
                }
                i++;
            }
            return n;
        }
        if ((kind == '(' || kind == ')' || kind == '#') && i + 1 < n) { // charset selection: one more byte
            return i + 2;
        }
        return i + 1;
    }

    /** One line of a terminal: characters at columns and a cursor. */
    private static final class Screen {
        /** a cursor move never pads a line wider than this */
        private static final int MAX_COLUMN = 9999;
        private final StringBuilder cells = new StringBuilder();
        private int cursor;

        void put(char c) {
            while (cells.length() < cursor) {
                cells.append(' ');
            }
            if (cursor < cells.length()) {
                cells.setCharAt(cursor, c);
            } else {
                cells.append(c);
            }
            cursor++;
        }

        /** The CSI sequences that change what a line shows: erase in line (K) and cursor column moves (G, C, D). */
        void control(char command, String params) {
            boolean number = !params.isEmpty() && params.length() <= 4 && params.chars().allMatch(Character::isDigit);
            int arg = number ? Integer.parseInt(params) : -1;
            switch (command) {
                case 'K' -> {
                    if (arg == 2) {
                        cells.setLength(0);
                    } else if (arg == 1) {
                        for (int c = 0; c < Math.min(cursor + 1, cells.length()); c++) {
                            cells.setCharAt(c, ' ');
                        }
                    } else if (cursor < cells.length()) {
                        cells.setLength(cursor);
                    }
                }
                case 'G' -> cursor = Math.max(0, (arg < 1 ? 1 : arg) - 1);
                case 'C' -> cursor = Math.min(cursor + Math.max(1, arg), MAX_COLUMN);
                case 'D' -> cursor = Math.max(0, cursor - Math.max(1, arg));
                default -> {
                    // colours, modes, scrolling: nothing a reader of the line sees
                }
            }
        }

        String text() {
            return cells.toString().stripTrailing();
        }
    }
}
