package dev.rehearse.bind;

import java.util.ArrayList;
import java.util.Collections;
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

    private final List<Pair> longestFirst = new ArrayList<>();
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
        this.tokensOnly = tokensOnly;
        this.longestFirst.addAll(longestFirst);
        for (Pair pair : longestFirst) {
            List<Pair> tried = triedAt(pair);
            if (tried != null) {
                tried.add(pair);
            }
        }
    }

    /**
     * Adds {@code pair} where the constructor would have put it had it come last: after every {@code from} as long as
     * its own. A run binds its captures one at a time, each before the next step: making the replacements anew each
     * time made a run with thousands of captures quadratic.
     */
    void add(Pair pair) {
        longestFirst.add(after(longestFirst, pair), pair);
        List<Pair> tried = triedAt(pair);
        if (tried != null) {
            tried.add(after(tried, pair), pair);
        }
    }

    /** The place of the first {@code from} shorter than {@code pair}'s in {@code longestFirst} (binary search). */
    private static int after(List<Pair> longestFirst, Pair pair) {
        int length = pair.from().length();
        int low = 0;
        int high = longestFirst.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (longestFirst.get(middle).from().length() >= length) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The list of the pairs tried where {@code pair}'s {@code from} starts; null for an empty one, tried nowhere. */
    private List<Pair> triedAt(Pair pair) {
        String from = pair.from();
        if (from.isEmpty()) {
            return null;
        }
        if (tokensOnly && Literals.isWord(from.charAt(0))) {
            return byFirstWord.computeIfAbsent(Literals.pieceAt(from, 0), w -> new ArrayList<>());
        }
        return byFirstChar.computeIfAbsent(from.charAt(0), c -> new ArrayList<>());
    }

    /** what is replaced, the longest first */
    List<Pair> pairs() {
        return Collections.unmodifiableList(longestFirst);
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
