package dev.rehearse.bind;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an example value stands in a text as a token of its own. {@code USER} must not hit {@code USERS},
 * {@code PGPORT} or the shell variable {@code $USER}; port {@code 4013} must not hit {@code 40132} or
 * {@code 1.4013}; {@code isabell} must not hit {@code isabella}. Edges that are not word characters
 * ({@code <port>}, {@code [yes|no]}) delimit themselves.
 */
public final class Literals {

    private Literals() {
    }

    /** Start offsets of every non-overlapping, token-bounded occurrence of {@code literal} in {@code text}. */
    public static List<Integer> find(String text, String literal) {
        List<Integer> found = new ArrayList<>();
        if (literal.isEmpty()) {
            return found;
        }
        int from = 0;
        while (true) {
            int at = text.indexOf(literal, from);
            if (at < 0) {
                return found;
            }
            if (boundedAt(text, at, literal)) {
                found.add(at);
                from = at + literal.length();
            } else {
                from = at + 1;
            }
        }
    }

    /** True when {@code literal} occurs in {@code text} as a token of its own at least once. */
    public static boolean occursIn(String text, String literal) {
        if (literal.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
            if (boundedAt(text, at, literal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words of {@code text}: its longest runs of word characters. Wherever a literal stands as a token of its
     * own, each of its words is a whole word of the text there too (its edges are bounded, its inner words are
     * delimited by its own other characters), so a text without one of them cannot hold the literal.
     */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && isWord(text.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** True when {@code literal} occurs in {@code text} at {@code at} as a token of its own. */
    public static boolean boundedAt(String text, int at, String literal) {
        if (!text.startsWith(literal, at)) {
            return false;
        }
        char first = literal.charAt(0);
        if (isWord(first) && at > 0) {
            char before = text.charAt(at - 1);
            if (isWord(before) || before == '$' || (before == '{' && at > 1 && text.charAt(at - 2) == '$')) {
                return false;
            }
            if (Character.isDigit(first) && before == '.' && at > 1 && Character.isDigit(text.charAt(at - 2))) {
                return false;
            }
        }
        char last = literal.charAt(literal.length() - 1);
        int end = at + literal.length();
        if (isWord(last) && end < text.length()) {
            char after = text.charAt(end);
            if (isWord(after)) {
                return false;
            }
            if (Character.isDigit(last) && after == '.' && end + 1 < text.length()
                    && Character.isDigit(text.charAt(end + 1))) {
                return false;
            }
        }
        return true;
    }

    static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
