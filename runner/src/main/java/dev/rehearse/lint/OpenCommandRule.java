package dev.rehearse.lint;

import dev.rehearse.bind.ShellText;
import dev.rehearse.guide.Finding;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * A command the guide never ends: an open quote, a here-document without its delimiter line, a {@code for} without
 * its {@code done}, a last line ending in {@code |}. bash would wait for the rest, and so a run FAILs the step
 * without typing it.
 */
final class OpenCommandRule implements LintRule {

    @Override
    public String name() {
        return "open-command";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        List<Finding> findings = new ArrayList<>();
        for (Step step : guide.plan().map(Plan::steps).orElse(List.of())) {
            String why = step instanceof CommandStep c ? ShellText.openBecause(c.command()) : null;
            if (why != null) {
                findings.add(finding(step.source(), step.line(), Finding.Level.ERROR, "\""
                        + PromptSigilRule.firstLine(((CommandStep) step).command())
                        + "\" never ends: bash would wait for more lines (" + why + ")"));
            }
        }
        return findings;
    }
}
