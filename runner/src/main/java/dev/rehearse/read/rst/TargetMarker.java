package dev.rehearse.read.rst;

import java.util.regex.Matcher;

/**
 * The name part of a hyperlink target ({@code name:}, {@code `a name`:} or {@code _:} after {@code .. _}): the name
 * (null for an anonymous {@code __:}) and where the link's URI or reference begins.
 */
record TargetMarker(String name, int end) {

    /**
     * {@code Body.TARGET.matcher(text).lookingAt()} as a scan, null when it does not match; {@code text} is the
     * target's text with escapes as NUL + character. The regex's lazy name, with three lookbehinds tried at every
     * character, took half a microsecond per target; ASCII text is scanned by hand, any other character hands the
     * text to the regex.
     *
     * <p>The scan follows the regex {@code (_|(?!_)(?<quote>`?)(?![ `])(?<name>.+?)(?<![\s\x00])\k<quote>)
     * (?<!(?<!\x00):)(?<![\s\x00])[ ]?:([ ]+|$)} step by step: a leading underscore allows only the first
     * alternative; a leading backquote is always the quote (without it {@code (?![ `])} fails); the name is tried
     * from the shortest, as {@code .+?} is, and the first end at which the rest matches wins. {@code [ ]?:} needs no
     * backtracking (without the space, a colon would have to stand where the space is). In ASCII, {@code \s} is
     * tab, line feed, vertical tab, form feed, carriage return and space; {@code .} stops at a line feed or carriage
     * return.
     */
    static TargetMarker of(String text) {
        int n = text.length();
        if (n == 0) {
            return null;
        }
        if (text.charAt(0) == '_') {
            int end = rest(text, 1);
            return end < 0 ? null : new TargetMarker(null, end);
        }
        int start = text.charAt(0) == '`' ? 1 : 0;
        if (start >= n || text.charAt(start) == ' ' || text.charAt(start) == '`') {
            return null;
        }
        for (int e = start + 1; e <= n; e++) {
            char last = text.charAt(e - 1);
            if (last >= 0x80) {
                return byRegex(text);
            }
            if (last == '\n' || last == '\r') {
                return null;
            }
            if (isSpaceOrNul(last)) {
                continue;
            }
            int afterQuote = e;
            if (start == 1) {
                if (e >= n || text.charAt(e) != '`') {
                    continue;
                }
                afterQuote = e + 1;
            }
            int end = rest(text, afterQuote);
            if (end == -2) {
                return byRegex(text);
            }
            if (end >= 0) {
                return new TargetMarker(text.substring(start, e), end);
            }
        }
        return null;
    }

    /**
     * {@code (?<!(?<!\x00):)(?<![\s\x00])[ ]?:([ ]+|$)} at {@code i}: the end of the match, -1 when it fails, -2 when
     * the character before {@code i} is outside ASCII (the regex decides).
     */
    private static int rest(String text, int i) {
        int n = text.length();
        char before = text.charAt(i - 1);
        if (before >= 0x80) {
            return -2;
        }
        if (before == ':' && (i < 2 || text.charAt(i - 2) != '\0') || isSpaceOrNul(before)) {
            return -1;
        }
        if (i < n && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= n || text.charAt(i) != ':') {
            return -1;
        }
        i++;
        if (i < n) {
            if (text.charAt(i) != ' ') {
                return -1;
            }
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
        }
        return i;
    }

    /** {@code [\s\x00]} for an ASCII character. */
    private static boolean isSpaceOrNul(char c) {
        return c == ' ' || c == '\0' || (c >= '\t' && c <= '\r');
    }

    private static TargetMarker byRegex(String text) {
        Matcher m = Body.TARGET.matcher(text);
        return m.lookingAt() ? new TargetMarker(m.group("name"), m.end()) : null;
    }
}
