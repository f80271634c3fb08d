package dev.rehearse.read.rst;

import java.util.regex.Matcher;

/**
 * The start of a directive, {@code .. name::}: the directive's type name and where its arguments begin (past the
 * spaces after the colons).
 */
record DirectiveMarker(String type, int end) {

    private static final String NAME_JOINERS = "-._+:";

    /**
     * {@code Body.DIRECTIVE.matcher(line).lookingAt()} as a scan, null when it does not match. The regex ran on every
     * explicit markup line and cost more than the rest of reading the directive's first line; names in ASCII (all
     * there are in practice) are scanned by hand, any other character hands the line to the regex.
     *
     * <p>Why the scan equals the regex {@code \.\.[ ]+(SIMPLENAME)[ ]?::([ ]+|$)}: outside ASCII aside, the word
     * characters of a name ({@code (?!_)\w}) are ASCII letters and digits; the scan takes the longest name (runs of
     * them joined by single characters of {@code -._+:}). A shorter name the regex could backtrack to ends where a
     * joiner is followed by a letter or digit, and there {@code [ ]?::} cannot match (a space is no joiner, and a
     * colon joiner is followed by no colon), so the longest name is the only one that can match. Lines hold no line
     * terminator, so {@code $} is the end of the line.
     */
    static DirectiveMarker of(String line) {
        int n = line.length();
        if (!line.startsWith("..") || n < 3 || line.charAt(2) != ' ') {
            return null;
        }
        int i = 3;
        while (i < n && line.charAt(i) == ' ') {
            i++;
        }
        int nameStart = i;
        while (true) {
            int runStart = i;
            while (i < n && UnicodeTables.isAsciiLetterOrDigit(line.charAt(i))) {
                i++;
            }
            if (i < n && line.charAt(i) >= 0x80) {
                return byRegex(line);
            }
            if (i == runStart) {
                return null;
            }
            if (i + 1 < n && NAME_JOINERS.indexOf(line.charAt(i)) >= 0) {
                char after = line.charAt(i + 1);
                if (after >= 0x80) {
                    return byRegex(line);
                }
                if (UnicodeTables.isAsciiLetterOrDigit(after)) {
                    i++;
                    continue;
                }
            }
            break;
        }
        int nameEnd = i;
        if (i < n && line.charAt(i) == ' ') {
            i++;
        }
        if (!line.startsWith("::", i)) {
            return null;
        }
        i += 2;
        if (i < n) {
            if (line.charAt(i) != ' ') {
                return null;
            }
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
        }
        return new DirectiveMarker(line.substring(nameStart, nameEnd), i);
    }

    private static DirectiveMarker byRegex(String line) {
        Matcher m = Body.DIRECTIVE.matcher(line);
        return m.lookingAt() ? new DirectiveMarker(m.group(1), m.end()) : null;
    }
}
