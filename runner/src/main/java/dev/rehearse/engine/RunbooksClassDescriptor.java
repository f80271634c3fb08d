package dev.rehearse.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * A {@link Runbooks @Runbooks} class: the container of the runbooks under its folders. It has no source: Surefire
 * makes a report (a "class", {@code TEST-<class>.xml}) of the outermost container with a class source, and that is
 * each runbook ({@link RunbookDescriptor}), not the class that points at them.
 */
final class RunbooksClassDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "class";

    RunbooksClassDescriptor(UniqueId parent, Class<?> annotated) {
        super(parent.append(SEGMENT, annotated.getName()), annotated.getSimpleName());
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
