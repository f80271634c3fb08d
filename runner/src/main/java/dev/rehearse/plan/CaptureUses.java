package dev.rehearse.plan;

import dev.rehearse.bind.WordIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands (of the steps, their readiness probes and the sidecar's checks) in which each literal a capture binds
 * may stand, found once per run: a captured value is then checked against those alone, as every binding is checked
 * on its own and the others were checked before it. Checking every command for every binding again at each capture
 * made a run quadratic in its captures.
 */
public final class CaptureUses {
    private final Map<String, List<Plan.Command>> byLiteral = new HashMap<>();

    public CaptureUses(List<Step> steps, List<Runbook.Check> checks) {
        Set<String> literals = new LinkedHashSet<>();
        for (Step step : steps) {
            if (step instanceof CommandStep c) {
                c.captures().forEach(capture -> literals.add(capture.literal()));
            }
        }
        if (literals.isEmpty()) {
            return;
        }
        WordIndex<String> index = new WordIndex<>(List.copyOf(literals), literal -> literal, literal -> false);
        for (Plan.Command command : Plan.commands(steps, checks)) {
            for (String literal : index.in(command.text())) {
                byLiteral.computeIfAbsent(literal, any -> new ArrayList<>()).add(command);
            }
        }
    }

    /** The commands {@code literal} may stand in. */
    List<Plan.Command> of(String literal) {
        return byLiteral.getOrDefault(literal, List.of());
    }
}
