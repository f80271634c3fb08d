package dev.rehearse.engine;

import org.junit.jupiter.api.Test;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

/**
 * {@code rehearse.shard=I/N} at discovery (nothing runs): the N slices of fixtures/engine-parallel's four runbooks
 * are disjoint, hold every runbook together, differ in size by one at most, and are the same at every discovery.
 */
class RunbookShardTest {
    private static final Path RUNBOOKS = Path.of(System.getProperty("rehearse.root", ".."), "fixtures",
            "engine-parallel", "runbooks").toAbsolutePath().normalize();

    @Test
    void theSlicesDealTheRunbooksOutInTurn() {
        assertEquals(List.of("four", "one", "three", "two"), runbooks(null));
        assertEquals(List.of("four", "three"), runbooks("1/2"));
        assertEquals(List.of("one", "two"), runbooks("2/2"));
        assertEquals(List.of("four", "two"), runbooks("1/3"));
        assertEquals(List.of("one"), runbooks("2/3"));
        assertEquals(List.of("three"), runbooks("3/3"));
        assertEquals(runbooks("2/3"), runbooks(" 2 / 3 "));
        assertEquals(List.of(), runbooks("5/5"));
    }

    @Test
    void aShardThatIsNoneIsRefusedSayingWhy() {
        for (String wrong : List.of("0/2", "3/2", "2", "a/b", "1/0", "-1/2")) {
            PreconditionViolationException refused = assertThrows(PreconditionViolationException.class,
                    () -> RunbookShard.parse(wrong));
            assertEquals("rehearse.shard=" + wrong + ": not a shard I/N with 1 <= I <= N", refused.getMessage());
        }
    }

    /** the names of the runbooks discovered under fixtures/engine-parallel with {@code rehearse.shard=shard} */
    private static List<String> runbooks(String shard) {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(RUNBOOKS.toFile()))
                .filters(EngineFilter.includeEngines(RehearseTestEngine.ID))
                .configurationParameters(shard == null ? Map.of() : Map.of(RunbookShard.PARAMETER, shard))
                .build());
        List<String> names = new ArrayList<>();
        for (TestIdentifier engine : plan.getRoots()) {
            plan.getChildren(engine).forEach(runbook -> names.add(runbook.getDisplayName()));
        }
        return names.stream().sorted().toList();
    }
}
