package dev.rehearse.engine;

import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Step;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One runbook: a container whose children are the steps selected to be reported. Made at discovery from a plan
 * against the guide's own example values (a plan's steps do not depend on the target); the run plans again against
 * the real target. Its source is a class source named after the runbook (no such Java class exists): build tools
 * report each runbook as a class of its own ({@code TEST-synapse.xml}, testcases of class {@code synapse}); the
 * guide's file and lines are the sources of its steps.
 */
final class RunbookDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "runbook";

    private final Path runbook;
    private final Plan plan;

    /** @param runbook as the unique id names it: a runbook folder, a sidecar or a guide file */
    RunbookDescriptor(UniqueId id, Path runbook, Plan plan) {
        super(id, plan.name(), ClassSource.from(plan.name()));
        this.runbook = runbook;
        this.plan = plan;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    Path runbook() {
        return runbook;
    }

    Plan plan() {
        return plan;
    }

    /** The test of step {@code n}, when the plan has one. */
    Optional<StepDescriptor> step(int n) {
        return plan.steps().stream().filter(s -> s.n() == n).findFirst().map(this::step);
    }

    StepDescriptor step(Step step) {
        int last = plan.steps().get(plan.steps().size() - 1).n();
        return new StepDescriptor(getUniqueId(), plan.name(), step, String.valueOf(last).length(), plan.guide().root());
    }
}
