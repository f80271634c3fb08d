package dev.rehearse.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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
        TypedWords commands = new TypedWords(steps.stream()
                .map(s -> s instanceof CommandStep c ? List.of(c.command()) : List.<String>of()).toList());
        TypedWords typed = new TypedWords(steps.stream().map(Step::typed).toList());
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof CommandStep step)) {
                continue;
            }
            int index = i;
            // typed in a command before it was shown (this step's own included), or never typed again after
            Predicate<String> notCarried = literal -> taken.contains(literal) || commands.typedIn(literal, 0, index + 1)
                    || !typed.typedIn(literal, index + 1, steps.size());
            for (ExpectedLine line : step.expected()) {
                if (line.kind() != ExpectedLine.Kind.OUTPUT) {
                    continue;
                }
                for (String literal : Placeholders.literalsIn(line.text())) {
                    if (notCarried.test(literal)) {
                        continue;
                    }
                    taken.add(literal);
                    found.computeIfAbsent(step.n(), k -> new ArrayList<>()).add(new Capture(literal,
                            CaptureRegex.aroundPlaceholder(line.text(), line.text().indexOf(literal), literal)));
                }
                for (SampleTokens.Token t : SampleTokens.in(line.text())) {
                    String token = t.text();
                    if (!SampleTokens.isDistinctive(token) || SampleTokens.inPlaceholder(line.text(), t)
                            || notCarried.test(token)) {
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
}
