package dev.rehearse.read.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's string semantics where docutils and Sphinx rely on them and Java differs: what counts as whitespace for
 * {@code strip()} and {@code split()} (Python includes NO-BREAK SPACE, Java's {@code strip()} does not), which
 * characters end a line for {@code splitlines()}, tab expansion, and lengths in code points (Python indexes code
 * points, Java UTF-16 units), {@code int()} and {@code repr()}.
 */
public final class Py {

    private Py() {
    }

    /** {@code str.isspace()} for one code point. */
    public static boolean isSpace(int c) {
        if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)) {
            return true;
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    public static String strip(String s) {
        return rstrip(lstrip(s));
    }

    public static String lstrip(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        return i == 0 ? s : s.substring(i);
    }

    public static String rstrip(String s) {
        int n = s.length();
        while (n > 0 && isSpace(s.charAt(n - 1))) {
            n--;
        }
        return n == s.length() ? s : s.substring(0, n);
    }

    /** {@code not s.strip()}: empty or whitespace only. */
    public static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code str.split()} without arguments. */
    public static List<String> split(String s) {
        return split(s, -1);
    }

    /** {@code str.split(None, maxsplit)}. */
    public static List<String> split(String s, int maxsplit) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            if (maxsplit >= 0 && out.size() == maxsplit) {
                out.add(rstrip(s.substring(i)));
                return out;
            }
            int j = i;
            while (j < n && !isSpace(s.charAt(j))) {
                j++;
            }
            out.add(s.substring(i, j));
            i = j;
        }
    }

    /** {@code ' '.join(s.split())}. */
    public static String normalizeSpace(String s) {
        return String.join(" ", split(s));
    }

    /** {@code str.splitlines()}: every Python line boundary, no trailing empty line. */
    public static List<String> splitlines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            // most characters are neither control characters nor above Latin-1's NEL: one or two tests
            if ((c > 0x1e && c < 0x85) || (c > '\r' && c < 0x1c)) {
                i++;
                continue;
            }
            if (c == 0x0b || c == 0x0c || isLineBreak(c)) {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        if (start < n) {
            out.add(s.substring(start));
        }
        return out;
    }

    /**
     * A line boundary of {@code str.splitlines()} other than vertical tab and form feed (which are boundaries too, but
     * which docutils turns into spaces before it splits a file into lines).
     */
    public static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** {@code str.expandtabs(width)} for a string without line breaks; columns count code points. */
    public static String expandTabs(String s, int width) {
        if (s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        int column = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                if (width > 0) {
                    int pad = width - column % width;
                    b.append(" ".repeat(pad));
                    column += pad;
                }
            } else {
                b.append(c);
                if (!Character.isLowSurrogate(c)) {
                    column++;
                }
            }
        }
        return b.toString();
    }

    /** {@code s[:n]} counting code points. */
    public static String prefix(String s, int codePoints) {
        if (s.length() <= codePoints) {
            return s;
        }
        int end = s.offsetByCodePoints(0, Math.min(codePoints, s.codePointCount(0, s.length())));
        return s.substring(0, end);
    }

    /** {@code len(s)} in code points. */
    public static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code int(s)} as Python parses it: surrounding whitespace, sign and underscores between digits allowed. */
    public static int parseInt(String s) {
        String t = strip(s);
        if (t.isEmpty() || t.startsWith("_") || t.endsWith("_") || t.contains("__")) {
            throw new NumberFormatException("invalid literal for int() with base 10: '" + s + "'");
        }
        String digits = t.replace("_", "");
        int start = digits.startsWith("+") || digits.startsWith("-") ? 1 : 0;
        if (start == digits.length()) {
            throw new NumberFormatException("invalid literal for int() with base 10: '" + s + "'");
        }
        for (int i = start; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                throw new NumberFormatException("invalid literal for int() with base 10: '" + s + "'");
            }
        }
        return Integer.parseInt(digits);
    }

    /** Python's {@code repr()} of a string, as Sphinx and docutils put it into their messages. */
    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(quote).toString();
    }
}
