package dev.rehearse.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * A {@link Runbooks @Runbooks} class: the container of the runbooks under its folders. Its class source is what makes
 * Surefire write one report per class ({@code TEST-<class>.xml}) for them.
 */
final class RunbooksClassDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "class";

    RunbooksClassDescriptor(UniqueId parent, Class<?> annotated) {
        super(parent.append(SEGMENT, annotated.getName()), annotated.getSimpleName(), ClassSource.from(annotated));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
