package dev.rehearse.plan;

import dev.rehearse.model.Interaction;
import dev.rehearse.bind.Literals;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.ClosestName;
import dev.rehearse.plan.Runbook.BindingRule;
import dev.rehearse.plan.Runbook.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds each {@code --bind} (and so {@code --vary}) name to the runbook: a misspelled name would bind nothing and
 * test nothing, in green, which is the worst answer a regression tool can give. A name is used when it is a sidecar
 * variable some binding's value refers to ({@code ${name}}), or an example value a step shows, types, writes or
 * answers with, or a sidecar binding or check names.
 */
final class BoundNames {

    private BoundNames() {
    }

    /** @throws BadInput {@code --bind NAME: unknown variable 'NAME' (did you mean 'OTHER'?)} for the first unused one */
    static void check(Runbook runbook, Set<String> names, List<Step> steps) {
        if (steps.isEmpty()) {
            return; // nothing could use a name: the plan is refused for having no step (Plan.runnable), which says more
        }
        for (String name : names) {
            if (runbook.vars().containsKey(name)) {
                if (runbook.bindings().stream().noneMatch(rule -> rule.source() == ValueSource.VALUE
                        && rule.argument().contains("${" + name + "}"))) {
                    throw new BadInput("--bind " + name, 0, "variable '" + name + "' is declared in "
                            + runbook.sidecar().getFileName() + " but no binding uses ${" + name + "}");
                }
            } else if (!shown(runbook, name, steps)) {
                throw new BadInput("--bind " + name, 0, "unknown variable '" + name + "'"
                        + suggestion(name, known(runbook)));
            }
        }
    }

    private static boolean shown(Runbook runbook, String literal, List<Step> steps) {
        if (runbook.bindings().stream().anyMatch(rule -> rule.literal().equals(literal))) {
            return true;
        }
        List<String> texts = new ArrayList<>();
        for (Step step : steps) {
            texts.addAll(step.typed());
            if (step instanceof CommandStep c) {
                for (ExpectedLine line : c.expected()) {
                    texts.add(line.text());
                }
                for (Interaction i : c.interactions()) {
                    texts.add(i.prompt());
                    if (literal.equals(i.binding())) {
                        return true;
                    }
                }
            } else if (step instanceof WriteStep w) {
                texts.add(w.path());
            } else if (step instanceof EditStep e) {
                texts.add(e.path());
            }
        }
        runbook.checks().forEach(check -> texts.add(check.command()));
        return texts.stream().anyMatch(text -> text != null && Literals.occursIn(text, literal));
    }

    private static Set<String> known(Runbook runbook) {
        Set<String> known = new LinkedHashSet<>(runbook.vars().keySet());
        runbook.bindings().stream().map(BindingRule::literal).forEach(known::add);
        return known;
    }

    private static String suggestion(String name, Set<String> known) {
        return ClosestName.of(name, known).map(k -> " (did you mean '" + k + "'?)")
                .orElse(": neither a sidecar variable (vars:) nor a value the guide shows");
    }
}
