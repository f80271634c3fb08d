package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every lint rule over a guide and adds the reader's structural findings; sorted by file and line. */
public final class Linter {

    /** Every rule, in the order their findings are listed on the same line. */
    public static final List<LintRule> RULES = List.of(new PromptIdentityRule(), new PromptSigilRule(),
            new PromptCwdRule(), new RepeatedCommandRule(), new ForeignHomeRule(), new SampleValueRule(),
            new PlaceholderRule(), new NoStepRule(), new OpenCommandRule(), new PromptTextRule());

    private Linter() {
    }

    public static List<Finding> lint(Guide guide) {
        LintedGuide linted = new LintedGuide(guide);
        List<Finding> findings = new ArrayList<>(guide.findings());
        for (LintRule rule : RULES) {
            findings.addAll(rule.check(linted));
        }
        findings.sort(Comparator.comparing(Finding::source).thenComparingInt(Finding::line));
        return findings;
    }
}
