package dev.rehearse.bind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts replaced in one pass, the longest first wherever several could start at a place: as tokens of their own
 * ({@link Literals#boundedAt}), or anywhere (a secret, hidden even inside a longer word).
 * <p>
 * Each place is tried only against what can start there: at the start of a word, what starts with that very word
 * (a token that starts with a word character stands only where the text's word is its first word); at any other
 * character, what starts with that character; inside a word, nothing but what may stand anywhere. Trying every
 * replacement at every place made a command that holds thousands of a runbook's values quadratic to bind.
 */
final class Replacements {

    /** {@code from} replaced by {@code to} */
    record Pair(String from, String to) {
    }

    private final List<Pair> longestFirst;
    private final boolean tokensOnly;
    /** the pairs whose {@code from} starts with a word character, by that first word (tokens only) */
    private final Map<String, List<Pair>> byFirstWord = new HashMap<>();
    /** the other pairs (all of them, where any place will do), by their first character */
    private final Map<Character, List<Pair>> byFirstChar = new HashMap<>();

    /**
     * @param longestFirst the pairs, the longest {@code from} first (the first of two that start at a place wins)
     * @param tokensOnly   whether a {@code from} is replaced only where it stands as a token of its own
     */
    Replacements(List<Pair> longestFirst, boolean tokensOnly) {
        this.longestFirst = List.copyOf(longestFirst);
        this.tokensOnly = tokensOnly;
        for (Pair pair : this.longestFirst) {
            String from = pair.from();
            if (from.isEmpty()) {
                continue;
            }
            if (tokensOnly && Literals.isWord(from.charAt(0))) {
                byFirstWord.computeIfAbsent(Literals.pieceAt(from, 0), w -> new ArrayList<>()).add(pair);
            } else {
                byFirstChar.computeIfAbsent(from.charAt(0), c -> new ArrayList<>()).add(pair);
            }
        }
    }

    /** what is replaced, the longest first */
    List<Pair> pairs() {
        return longestFirst;
    }

    String applyTo(String text) {
        if (text == null || longestFirst.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            for (Pair pair : candidatesAt(text, i)) {
                String from = pair.from();
                if (tokensOnly ? Literals.boundedAt(text, i, from) : text.startsWith(from, i)) {
                    out.append(pair.to());
                    i += from.length();
                    continue outer;
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }

    private List<Pair> candidatesAt(String text, int i) {
        char c = text.charAt(i);
        if (tokensOnly && Literals.isWord(c)) {
            boolean wordStart = i == 0 || !Literals.isWord(text.charAt(i - 1));
            return wordStart ? byFirstWord.getOrDefault(Literals.pieceAt(text, i), List.of()) : List.of();
        }
        return byFirstChar.getOrDefault(c, List.of());
    }
}
