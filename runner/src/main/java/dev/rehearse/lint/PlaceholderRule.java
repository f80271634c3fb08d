package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.plan.Placeholder;

import java.util.List;

/**
 * A placeholder a command types that nothing binds ({@code createuser <username> -P}): run would stop before it
 * starts, and typed as it stands bash reads {@code <username} as a redirection. An error.
 */
final class PlaceholderRule implements LintRule {

    @Override
    public String name() {
        return "placeholder";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        return guide.plan().map(plan -> plan.unbound().stream()
                .map((Placeholder p) -> finding(p.source(), p.line(), Finding.Level.ERROR, "unbound placeholder "
                        + p.literal() + ": bind it with " + p.howToBind())).toList()).orElse(List.of());
    }
}
