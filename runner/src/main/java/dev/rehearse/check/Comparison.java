package dev.rehearse.check;

/**
 * TODO(session): TEMPORARY stand-in for the check helper's class of the same name; take theirs in the merge.
 *
 * @param expected the guide's lines as shown
 * @param actual   the real output, in the guide's terms
 * @param diff     unified diff expected -> actual, empty when they match
 */
public record Comparison(boolean matches, String expected, String actual, String diff) {
}
