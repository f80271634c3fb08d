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

    /** False when the line cannot match (decided cheaply, before the regex). */
    boolean mayMatch(String line) {
        if (kind == Kind.ENUMERATOR) {
            // an enumerator is the line's first word and ends in "." or ")"
            int space = line.indexOf(' ');
            int end = space < 0 ? line.length() : space;
            return end > 0 && (line.charAt(end - 1) == '.' || line.charAt(end - 1) == ')');
        }
        if (firstChars == null) {
            return true;
        }
        return !line.isEmpty() && firstChars.indexOf(line.charAt(0)) >= 0;
    }
}
