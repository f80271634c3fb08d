package dev.rehearse.engine;

import dev.rehearse.guide.BadInput;
import dev.rehearse.run.Shard;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code rehearse.shard=I/N}: the I-th of N slices of the runbooks discovered, for N parallel CI jobs that each run
 * one ({@code mvn test -Drehearse.shard=2/4}), dealt out by unique id as {@code --shard} deals a folder's runbooks
 * ({@link Shard}). Build tools cannot split the runbooks themselves: to them, all of them come from the one
 * {@link Runbooks @Runbooks} class.
 */
final class RunbookShard {
    static final String PARAMETER = "rehearse.shard";

    private RunbookShard() {
    }

    /** @throws PreconditionViolationException when the parameter is set but no {@code I/N} with 1 <= I <= N */
    static Optional<Shard> of(ConfigurationParameters parameters) {
        return parameters.get(PARAMETER).filter(text -> !text.isBlank()).map(RunbookShard::parse);
    }

    static Shard parse(String text) {
        try {
            return Shard.parse(text);
        } catch (BadInput e) {
            throw new PreconditionViolationException(PARAMETER + "=" + text + ": not a shard I/N with 1 <= I <= N");
        }
    }

    /** Removes from {@code engine}'s tree every runbook (a broken one too) that is not in {@code shard}. */
    static void keepOnlyMine(Shard shard, TestDescriptor engine) {
        List<TestDescriptor> runbooks = new ArrayList<>();
        collect(engine, runbooks);
        Set<TestDescriptor> mine = new HashSet<>(shard.of(runbooks, d -> d.getUniqueId().toString()));
        runbooks.stream().filter(runbook -> !mine.contains(runbook)).forEach(TestDescriptor::removeFromHierarchy);
    }

    private static void collect(TestDescriptor descriptor, List<TestDescriptor> runbooks) {
        if (descriptor instanceof RunbookDescriptor || descriptor instanceof BrokenRunbookDescriptor) {
            runbooks.add(descriptor);
            return;
        }
        descriptor.getChildren().forEach(child -> collect(child, runbooks));
    }
}
