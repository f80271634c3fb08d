package dev.rehearse.bind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Items keyed by a literal (the bindings a command is checked against, the literals captures bind), found by the
 * words a text must hold for the literal to stand in it as a token ({@link Literals#words}): which may stand in a
 * text is told by the text's words, not by searching it for every item. Searching every command for every binding
 * made a runbook of thousands of bindings quadratic to plan.
 *
 * @param <T> the items
 */
public final class WordIndex<T> {
    /**
     * Up to this many items, every one is a candidate: cheaper than looking at the text's words first. The same bound
     * tells {@link Bindings#validate} when to index a command rather than search it for each candidate.
     */
    static final int FEW = 16;

    private final List<T> items;
    /** the words of each item's literal */
    private final List<List<String>> wordsOf = new ArrayList<>();
    /** item positions by the longest word of their literal */
    private final Map<String, List<Integer>> byLongestWord = new HashMap<>();
    /** positions of the items that are candidates in every text: no word in their literal, or {@code always} */
    private final List<Integer> everywhere = new ArrayList<>();

    /**
     * @param items   in the order candidates are given back
     * @param literal each item's literal
     * @param always  items that are candidates whether or not their literal can stand in the text
     */
    public WordIndex(List<T> items, Function<T, String> literal, Predicate<T> always) {
        this.items = List.copyOf(items);
        if (this.items.size() <= FEW) {
            return;
        }
        for (int i = 0; i < this.items.size(); i++) {
            T item = this.items.get(i);
            List<String> words = Literals.words(literal.apply(item));
            wordsOf.add(words);
            if (words.isEmpty() || always.test(item)) {
                everywhere.add(i);
            } else {
                String longest = Literals.longest(words).orElseThrow();
                byLongestWord.computeIfAbsent(longest, w -> new ArrayList<>()).add(i);
            }
        }
    }

    /** The items whose literal may stand in {@code text} as a token (and those always given), in their order. */
    public List<T> in(String text) {
        if (items.size() <= FEW) {
            return items;
        }
        Set<String> words = new HashSet<>(Literals.words(text));
        List<Integer> found = new ArrayList<>(everywhere);
        for (String word : words) {
            for (int i : byLongestWord.getOrDefault(word, List.of())) {
                if (words.containsAll(wordsOf.get(i))) {
                    found.add(i);
                }
            }
        }
        found.sort(null);
        List<T> candidates = new ArrayList<>(found.size());
        found.forEach(i -> candidates.add(items.get(i)));
        return candidates;
    }
}
