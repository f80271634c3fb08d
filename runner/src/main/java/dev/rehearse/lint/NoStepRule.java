package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.plan.BlockLanguage;

import java.util.List;

/**
 * A shell block that yields no step: no prompt to type at, no file it writes. Either it is labelled as a shell
 * session and is something else, or its commands are lost to a run. Blocks that show the output of the step before
 * them are what they say, an example the prose shows as one is one, and so is a {@code ::} block whose language is
 * only the page's highlight default; a tab the run does not follow is another reader's choice.
 */
final class NoStepRule implements LintRule {
    @Override
    public String name() {
        return "no-step";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        return guide.plan().map(plan -> plan.notSteps().stream()
                .filter(n -> n.chosen() && BlockLanguage.isShell(n.language())
                        && !n.showsOutput() && !n.why().endsWith("prose example")
                        && !n.why().contains("crontab") && !n.inAnotherTab())
                .map(n -> finding(n.source(), n.line(), Finding.Level.WARNING, n.language()
                        + " block yields no step (" + n.why() + "): run would not run it")).toList()).orElse(List.of());
    }
}
