package dev.rehearse.bind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
        for (int i = 0; i < text.length(); ) {
            if (isWord(text.charAt(i))) {
                int end = wordEnd(text, i);
                words.add(text.substring(i, end));
                i = end;
            } else {
                i++;
            }
        }
        return words;
    }

    /** The longest of {@code words} (the first of the longest), empty when there is none. */
    public static Optional<String> longest(List<String> words) {
        return words.stream().max(Comparator.comparingInt(String::length));
    }

    /**
     * The piece of {@code text} at {@code from}: the run of word characters that starts there, else the one character
     * there. Where a literal stands as a token, the text's piece at its start is the literal's first piece.
     */
    static String pieceAt(String text, int from) {
        return text.substring(from, isWord(text.charAt(from)) ? wordEnd(text, from) : from + 1);
    }

    /** the end of the run of word characters that starts at {@code from} */
    private static int wordEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isWord(text.charAt(end))) {
            end++;
        }
        return end;
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
