package dev.rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample values a guide shows in output that matter when they come back later: ports, hashes, ids.
 * Shared by carry-forward (capture them) and lint (find them misspelled).
 */
public final class SampleTokens {
    private static final Pattern TOKEN = Pattern.compile("[^\\s'\"`,;()\\[\\]{}<>]+");
    private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)+");
    private static final String TRAILING = ".:!?";

    /** A token and where it starts in its line. */
    public record Token(String text, int start) {
    }

    private SampleTokens() {
    }

    /** Every word of {@code line}, quotes, brackets and trailing punctuation cut off. */
    public static List<Token> in(String line) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            String t = m.group();
            int end = t.length();
            while (end > 0 && TRAILING.indexOf(t.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end > 0) {
                tokens.add(new Token(t.substring(0, end), m.start()));
            }
        }
        return tokens;
    }

    /**
     * Distinctive enough to be a value rather than a name: a number of four digits or more (a port, an id), or a
     * token that switches between letters and digits at least three times (a hash, a key id, a UUID). Names with
     * a version in them ({@code python3.11}, {@code urllib3}, {@code murmur.x86_64}) and bare versions are not.
     */
    public static boolean isDistinctive(String token) {
        if (token.length() < 4 || VERSION.matcher(token).matches()) {
            return false;
        }
        if (token.chars().allMatch(Character::isDigit)) {
            return true;
        }
        int switches = 0;
        for (int i = 1; i < token.length(); i++) {
            char a = token.charAt(i - 1);
            char b = token.charAt(i);
            if (Character.isLetter(a) && Character.isDigit(b) || Character.isDigit(a) && Character.isLetter(b)) {
                switches++;
            }
        }
        return switches >= 3;
    }

    /** True when the token stands inside a placeholder ({@code <high-port1>}): that is a name, not a value. */
    public static boolean inPlaceholder(String line, Token token) {
        int end = token.start() + token.text().length();
        return token.start() > 0 && line.charAt(token.start() - 1) == '<' || end < line.length() && line.charAt(end) == '>';
    }
}
