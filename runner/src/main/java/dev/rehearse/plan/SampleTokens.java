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

    /** Distinctive enough to be a value rather than a word: four characters or more, a digit, no bare version. */
    public static boolean isDistinctive(String token) {
        return token.length() >= 4 && token.chars().anyMatch(Character::isDigit) && !VERSION.matcher(token).matches();
    }
}
