package dev.rehearse.read.common;

import java.util.ArrayList;
import java.util.List;

/** Splitting and unquoting of the attribute lists guides put on blocks (info strings, AsciiDoc block attributes). */
public final class QuotedText {

    private QuotedText() {
    }

    /**
     * Splits {@code text} at any of {@code separators} outside single or double quotes; quotes stay in the pieces.
     * Empty pieces are kept (AsciiDoc's {@code [,console]} has an empty first one).
     */
    public static List<String> split(String text, String separators) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                current.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                current.append(c);
            } else if (separators.indexOf(c) >= 0) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    /** {@code "a b"} and {@code 'a b'} become {@code a b}; anything else stays as it is. */
    public static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0);
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
