package dev.rehearse.plan;

import dev.rehearse.bind.Literals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each step of a plan types (or a chosen part of it), indexed by word, so that asking whether a literal is
 * typed in a range of steps looks only at the steps that hold its longest word. Searching every step's text for
 * every token a guide shows made planning quadratic in the steps: a 20,000-step guide took seconds to plan.
 */
final class TypedWords {
    /** per step: the texts it types */
    private final List<List<String>> texts;
    /** word: the steps (ascending, each once) whose texts hold it */
    private final Map<String, List<Integer>> stepsByWord = new HashMap<>();

    /** @param texts what each step types, in step order */
    TypedWords(List<List<String>> texts) {
        this.texts = texts;
        for (int step = 0; step < texts.size(); step++) {
            for (String text : texts.get(step)) {
                for (String word : Literals.words(text)) {
                    List<Integer> steps = stepsByWord.computeIfAbsent(word, w -> new ArrayList<>());
                    if (steps.isEmpty() || steps.get(steps.size() - 1) != step) {
                        steps.add(step);
                    }
                }
            }
        }
    }

    /** True when a step from {@code from} (inclusive) to {@code to} (exclusive) types {@code literal} as a token. */
    boolean typedIn(String literal, int from, int to) {
        String key = Literals.longest(Literals.words(literal)).orElse(null);
        if (key == null) {
            // no word to look up (a literal of punctuation alone): every step in the range is read
            for (int step = from; step < to; step++) {
                if (types(step, literal)) {
                    return true;
                }
            }
            return false;
        }
        List<Integer> holding = stepsByWord.getOrDefault(key, List.of());
        int first = Collections.binarySearch(holding, from);
        for (int i = first >= 0 ? first : -first - 1; i < holding.size() && holding.get(i) < to; i++) {
            if (types(holding.get(i), literal)) {
                return true;
            }
        }
        return false;
    }

    private boolean types(int step, String literal) {
        for (String text : texts.get(step)) {
            if (Literals.occursIn(text, literal)) {
                return true;
            }
        }
        return false;
    }
}
