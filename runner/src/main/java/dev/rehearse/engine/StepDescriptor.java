package dev.rehearse.engine;

import dev.rehearse.plan.Step;
import dev.rehearse.report.StepText;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

import java.nio.file.Path;

/**
 * One step of a runbook: a test, named by its number and command, whose source is the step's line in its file. The
 * number is zero-padded to the width of the runbook's last one ({@code step 03} of twelve), as reports and IDEs
 * sort tests by name.
 */
final class StepDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "step";

    private final Step step;
    private final String runbookName;

    /**
     * @param width the digits of the runbook's last step number
     * @param root  the guide's source root, against which the step's file is named
     */
    StepDescriptor(UniqueId runbook, String runbookName, Step step, int width, Path root) {
        super(runbook.append(SEGMENT, Integer.toString(step.n())),
                "step " + "0".repeat(width - String.valueOf(step.n()).length()) + step.n() + ": " + StepText.title(step),
                FileSource.from(root.resolve(step.source()).toFile(), FilePosition.from(step.line())));
        this.step = step;
        this.runbookName = runbookName;
    }

    /** Flat reports (Surefire's XML, one list per class) name the runbook too, as they do not show the tree. */
    @Override
    public String getLegacyReportingName() {
        return runbookName + " " + getDisplayName();
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    Step step() {
        return step;
    }
}
