package dev.rehearse.plan;

import dev.rehearse.bind.Literals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the values a guide shows in one step's output and reuses in a later step (the hash that
 * {@code hash_password} prints and the psql {@code UPDATE} uses; the port {@code uberspace port add} opens
 * and a later command or file names), so that the real value is captured and carried forward by default.
 * A candidate is a distinctive token ({@link SampleTokens#isDistinctive}) outside any placeholder, or a placeholder
 * shown as output ({@code gitea generate secret} prints {@code <RANDOM_64_CHARACTERS>}, which {@code app.ini}
 * takes later); either not typed in any command before it was shown, and not bound otherwise.
 */
final class CarryForward {

    private CarryForward() {
    }

    /**
     * @param steps   the plan's steps in order
     * @param bound   literals already bound or captured (they are not carried again)
     * @return captures per step number, in step order
     */
    static Map<Integer, List<Capture>> find(List<Step> steps, Set<String> bound) {
        Map<Integer, List<Capture>> found = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(bound);
        StringBuilder typedSoFar = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof CommandStep step)) {
                continue;
            }
            typedSoFar.append(step.command()).append('\n');
            for (ExpectedLine line : step.expected()) {
                if (line.kind() != ExpectedLine.Kind.OUTPUT) {
                    continue;
                }
                for (String literal : Placeholders.literalsIn(line.text())) {
                    if (taken.contains(literal) || !Literals.find(typedSoFar.toString(), literal).isEmpty()
                            || !reusedAfter(steps, i, literal)) {
                        continue;
                    }
                    taken.add(literal);
                    found.computeIfAbsent(step.n(), k -> new ArrayList<>()).add(new Capture(literal,
                            CaptureRegex.aroundPlaceholder(line.text(), line.text().indexOf(literal), literal)));
                }
                for (SampleTokens.Token t : SampleTokens.in(line.text())) {
                    String token = t.text();
                    if (!SampleTokens.isDistinctive(token) || SampleTokens.inPlaceholder(line.text(), t) || taken.contains(token) || !Literals.find(typedSoFar.toString(), token).isEmpty()
                            || !reusedAfter(steps, i, token)) {
                        continue;
                    }
                    taken.add(token);
                    found.computeIfAbsent(step.n(), k -> new ArrayList<>())
                            .add(new Capture(token, CaptureRegex.around(line.text(), t.start(), token)));
                }
            }
        }
        return found;
    }

    /** True when a later step types the token: in its command, an answer, or a file's content. */
    private static boolean reusedAfter(List<Step> steps, int index, String token) {
        for (int k = index + 1; k < steps.size(); k++) {
            for (String typed : steps.get(k).typed()) {
                if (!Literals.find(typed, token).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }
}
