package dev.rehearse.check;

/**
 * The real output of a step compared with what the guide shows.
 *
 * @param matches  the output is what the guide shows (volatile tokens masked, elisions honoured)
 * @param expected the guide's lines, as the guide shows them
 * @param actual   the real lines as a reader of the terminal saw them
 * @param diff     a unified diff from the guide to the real output when they differ, else empty
 */
public record Comparison(boolean matches, String expected, String actual, String diff) {
}
