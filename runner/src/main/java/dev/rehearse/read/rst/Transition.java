package dev.rehearse.read.rst;

import java.util.regex.Pattern;

/**
 * One transition of a parser state: when {@link #pattern} matches the start of the current line, the state's
 * method for {@link #kind} runs, and the machine moves to {@link #next} (null: stay in the same state).
 *
 * @param firstChars the characters a matching line can start with, or null when any; a cheap test before the regex
 */
record Transition(Kind kind, Pattern pattern, StateName next, String firstChars) {

    /** The transition methods of docutils' states, by name. */
    enum Kind {
        BLANK, INDENT, BULLET, ENUMERATOR, FIELD_MARKER, OPTION_MARKER, DOCTEST, LINE_BLOCK, GRID_TABLE_TOP,
        SIMPLE_TABLE_TOP, EXPLICIT_MARKUP, ANONYMOUS, LINE, TEXT, UNDERLINE, INITIAL_QUOTED, QUOTED,
        EMBEDDED_DIRECTIVE
    }

    /**
     * False when no line starting with the ASCII character {@code c} can match: the {@link TransitionTable} leaves
     * the transition out for such lines.
     */
    boolean mayStartWith(char c) {
        return switch (kind) {
            // " *$" and " +"
            case BLANK, INDENT -> c == ' ';
            case ENUMERATOR -> c == '(' || c == '#' || UnicodeTables.isAsciiLetterOrDigit(c);
            default -> firstChars == null || firstChars.indexOf(c) >= 0;
        };
    }

    /**
     * False when the line cannot match (decided cheaply, before the regex). Each test is a necessary condition read
     * off the pattern, so the regex still decides every line that passes. Lines never hold a line terminator (they
     * come from splitlines), so a pattern's {@code $} is the end of the line.
     */
    boolean mayMatch(String line) {
        return switch (kind) {
            case ENUMERATOR -> mayBeEnumerator(line);
            case FIELD_MARKER -> mayBeFieldMarker(line);
            case OPTION_MARKER -> mayBeOptionMarker(line);
            default -> firstChars == null || !line.isEmpty() && firstChars.indexOf(line.charAt(0)) >= 0;
        };
    }

    /**
     * An enumerator is the line's first word ({@code ( +|$)} follows it): an optional "(", then characters of
     * {@code [0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#}, then "." or ")". This turns away ".." (every explicit
     * markup line), which a test of the last character alone let through to the regex.
     */
    private static boolean mayBeEnumerator(String line) {
        int space = line.indexOf(' ');
        int end = space < 0 ? line.length() : space;
        if (end < 2 || (line.charAt(end - 1) != '.' && line.charAt(end - 1) != ')')) {
            return false;
        }
        int start = line.charAt(0) == '(' ? 1 : 0;
        if (start == end - 1) {
            return false;
        }
        for (int i = start; i < end - 1; i++) {
            char c = line.charAt(i);
            if (!UnicodeTables.isAsciiLetterOrDigit(c) && c != '#') {
                return false;
            }
        }
        return true;
    }

    /**
     * A field marker is {@code :name:} then spaces or the end: the closing colon, at index 2 or later (the
     * lookahead after the opening colon forbids an empty name), is followed by a space or ends the line. Text
     * lines that start with a role ({@code :ref:`x`}) rarely have one.
     */
    static boolean mayBeFieldMarker(String line) {
        if (line.isEmpty() || line.charAt(0) != ':') {
            return false;
        }
        for (int i = line.indexOf(':', 2); i >= 0; i = line.indexOf(':', i + 1)) {
            if (i + 1 == line.length() || line.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** An option starts {@code -x}, {@code +x}, {@code --x} or {@code /x} with x an ASCII letter or digit. */
    private static boolean mayBeOptionMarker(String line) {
        if (line.length() < 2) {
            return false;
        }
        char c = line.charAt(0);
        if (c == '/' || c == '+') {
            return UnicodeTables.isAsciiLetterOrDigit(line.charAt(1));
        }
        if (c != '-') {
            return false;
        }
        return UnicodeTables.isAsciiLetterOrDigit(line.charAt(1))
                || line.charAt(1) == '-' && line.length() > 2 && UnicodeTables.isAsciiLetterOrDigit(line.charAt(2));
    }
}
