package dev.rehearse.bind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guide's example values and what they stand for on the target. Applied to commands, file contents
 * and answers before a step runs; reversed on real output before it is compared with the guide.
 * A later binding of the same literal replaces an earlier one when its origin ranks at least as high.
 */
public final class Bindings {
    private final Map<String, Binding> byLiteral = new LinkedHashMap<>();

    public Bindings bind(Binding binding) {
        Binding old = byLiteral.get(binding.literal());
        if (old == null || binding.origin().compareTo(old.origin()) >= 0) {
            byLiteral.put(binding.literal(), binding);
        }
        return this;
    }

    public List<Binding> all() {
        return List.copyOf(byLiteral.values());
    }

    /** Replaces every example value in {@code text} with its real value (longest literal first, one pass). */
    public String apply(String text) {
        return replaceAll(text, byLiteral.values().stream()
                .filter(b -> !b.literal().equals(b.value()))
                .sorted(Comparator.comparingInt((Binding b) -> b.literal().length()).reversed())
                .map(b -> new String[]{b.literal(), b.value()})
                .toList());
    }

    /** Maps real values back to the guide's example values; secrets become their placeholder. */
    public String reverse(String text) {
        return replaceAll(text, byLiteral.values().stream()
                .filter(b -> !b.value().isEmpty() && !b.literal().equals(b.value()))
                .sorted(Comparator.comparingInt((Binding b) -> b.value().length()).reversed())
                .map(b -> new String[]{b.value(), b.literal()})
                .toList());
    }

    /** Hides secret values only: for logs and live output, where everything else may stay real. */
    public String redact(String text) {
        return replaceAll(text, byLiteral.values().stream()
                .filter(Binding::secret)
                .filter(b -> !b.value().isEmpty())
                .map(b -> new String[]{b.value(), b.literal()})
                .toList());
    }

    private static String replaceAll(String text, List<String[]> pairs) {
        if (text == null || pairs.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            for (String[] pair : pairs) {
                if (!pair[0].isEmpty() && text.startsWith(pair[0], i)) {
                    out.append(pair[1]);
                    i += pair[0].length();
                    continue outer;
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }

    public Bindings copy() {
        Bindings copy = new Bindings();
        copy.byLiteral.putAll(byLiteral);
        return copy;
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>();
        for (Binding b : byLiteral.values()) {
            shown.add(b.literal() + " -> " + (b.secret() ? "<secret>" : b.value()));
        }
        return String.join(", ", shown);
    }
}
