package dev.rehearse.guide;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known name a mistyped one most likely meant: what a one-line refusal offers as "did you mean". */
public final class ClosestName {

    private ClosestName() {
    }

    /**
     * The known name fewest edits away, when it is near enough to be a typo: a third of the name's length, at least
     * two edits ({@code worker} for {@code workers}, {@code rnu} for {@code run}).
     */
    public static Optional<String> of(String name, Collection<String> known) {
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, name.length() / 3));
        return known.stream().filter(k -> distance.apply(name, k) >= 0)
                .min(Comparator.comparingInt((String k) -> distance.apply(name, k)).thenComparing(k -> k));
    }
}
