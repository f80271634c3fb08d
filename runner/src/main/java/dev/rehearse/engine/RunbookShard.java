package dev.rehearse.engine;

import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rehearse.shard=I/N}: the I-th of N slices of the runbooks discovered, for N parallel CI jobs that each run
 * one ({@code mvn test -Drehearse.shard=2/4}). The runbooks are ordered by unique id and dealt out in turn (the
 * first to slice 1, the second to 2, ...), so the N slices of one checkout are disjoint, together hold every runbook,
 * and differ in size by one at most. Build tools cannot split the runbooks themselves: to them, all of them come from
 * the one {@link Runbooks @Runbooks} class.
 */
record RunbookShard(int index, int count) {
    static final String PARAMETER = "rehearse.shard";
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    /** @throws PreconditionViolationException when the parameter is set but no {@code I/N} with 1 <= I <= N */
    static Optional<RunbookShard> of(ConfigurationParameters parameters) {
        return parameters.get(PARAMETER).filter(text -> !text.isBlank()).map(RunbookShard::parse);
    }

    static RunbookShard parse(String text) {
        Matcher m = FORM.matcher(text);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            int count = Integer.parseInt(m.group(2));
            if (index >= 1 && index <= count) {
                return new RunbookShard(index, count);
            }
        }
        throw new PreconditionViolationException(PARAMETER + "=" + text + ": not a shard I/N with 1 <= I <= N");
    }

    /** Removes from {@code engine}'s tree every runbook (a broken one too) that is not in this slice. */
    void keepOnlyMine(TestDescriptor engine) {
        List<TestDescriptor> runbooks = new ArrayList<>();
        collect(engine, runbooks);
        runbooks.sort(Comparator.comparing(d -> d.getUniqueId().toString()));
        for (int i = 0; i < runbooks.size(); i++) {
            if (i % count != index - 1) {
                runbooks.get(i).removeFromHierarchy();
            }
        }
    }

    private static void collect(TestDescriptor descriptor, List<TestDescriptor> runbooks) {
        if (descriptor instanceof RunbookDescriptor || descriptor instanceof BrokenRunbookDescriptor) {
            runbooks.add(descriptor);
            return;
        }
        descriptor.getChildren().forEach(child -> collect(child, runbooks));
    }
}
