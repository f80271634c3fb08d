package dev.rehearse.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the regex that finds, in real output, the value that stands where the guide shows an example token:
 * the token's shape (digits stay digits; runs of base64-ish characters stay such runs; punctuation stays as
 * is) in a capturing group, anchored by the words the guide shows just before it on its line, or by the
 * line's ends when the token is the whole line. {@code Port 40132 will be open} gives {@code Port\s+(\d+)}.
 */
final class CaptureRegex {
    private static final String RUN = "[A-Za-z0-9./+=_-]+";
    private static final int CONTEXT_WORDS = 2;

    private CaptureRegex() {
    }

    /** The regex for {@code token} found at {@code start} in {@code line}. */
    static String around(String line, int start, String token) {
        return around(line, start, token.length(), shape(token));
    }

    /**
     * The regex for what stands where the guide shows a placeholder as output ({@code <RANDOM_KEY>}): any run of
     * non-blank characters, since the placeholder says nothing of the value's shape.
     */
    static String aroundPlaceholder(String line, int start, String literal) {
        return around(line, start, literal.length(), "\\S+");
    }

    private static String around(String line, int start, int length, String shape) {
        String before = line.substring(0, start);
        String after = line.substring(start + length);
        String group = "(" + shape + ")";
        if (before.isBlank() && after.isBlank()) {
            return "(?m)^\\s*" + group + "\\s*$";
        }
        if (before.isBlank()) {
            return "(?m)^\\s*" + group + following(after);
        }
        return context(before) + group;
    }

    /** The token's shape: a digit run is {@code \d+}, any other run of base64-ish characters one such run. */
    static String shape(String token) {
        if (token.chars().allMatch(Character::isDigit)) {
            return "\\d+";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < token.length()) {
            int j = i;
            while (j < token.length() && isRun(token.charAt(j))) {
                j++;
            }
            if (j > i) {
                out.append(RUN);
                i = j;
            } else {
                out.append(quote(String.valueOf(token.charAt(i))));
                i++;
            }
        }
        return out.toString();
    }

    /** Escapes regex metacharacters one by one, so that the regex stays readable in {@code rehearse plan}. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.[]{}()<>*+-=!?^$|/".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isRun(char c) {
        return Character.isLetterOrDigit(c) || "./+=_-".indexOf(c) >= 0;
    }

    /** The last words before the token, quoted, blanks as {@code \s+}; text glued to the token stays glued. */
    private static String context(String before) {
        boolean glued = !Character.isWhitespace(before.charAt(before.length() - 1));
        String[] words = before.strip().split("\\s+");
        List<String> quoted = new ArrayList<>();
        for (int k = Math.max(0, words.length - CONTEXT_WORDS); k < words.length; k++) {
            quoted.add(quote(words[k]));
        }
        return String.join("\\s+", quoted) + (glued ? "" : "\\s+");
    }

    /** The first word after the token, quoted; blanks before it as {@code \s+}. */
    private static String following(String after) {
        String s = after.stripLeading();
        return (s.length() < after.length() ? "\\s+" : "") + quote(s.split("\\s+")[0]);
    }
}
