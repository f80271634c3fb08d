package dev.rehearse.lint;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Guide;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.model.TargetFacts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan lint looks at: the guide planned with its sidecar when one sits beside it (what it binds is bound), on
 * the lab's example host, so that lint finds what {@code run} would stop at.
 */
final class PlannedGuide {
    private static final TargetFacts EXAMPLE = new TargetFacts("isabell", "stardust", "/home/isabell", "isabell.uber.space");

    private PlannedGuide() {
    }

    /** The plan, or empty when the runbook is broken (its own error is reported by the run, not here). */
    static Optional<Plan> of(Guide guide) {
        try {
            return Optional.of(new Planner(EXAMPLE, Map.of()).plan(runbookOf(guide), guide));
        } catch (BadInput e) {
            return Optional.empty();
        }
    }

    private static Runbook runbookOf(Guide guide) {
        try {
            Runbook withSidecar = Runbook.load(guide.file());
            if (withSidecar.sidecar() != null) {
                return withSidecar;
            }
        } catch (BadInput e) {
            // a guide read from elsewhere (the oracle, a test) has no loadable runbook: plan it bare
        }
        String name = guide.file().getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return Runbook.bare(name, guide.root(), guide.file());
    }
}
