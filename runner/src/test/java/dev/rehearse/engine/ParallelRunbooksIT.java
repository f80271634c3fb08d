package dev.rehearse.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

/**
 * fixtures/engine-parallel (four runbooks whose first step prints when it starts and ends, two seconds apart) through
 * the JUnit Launcher on the local target, one after another and with the engine's parallel execution at parallelism
 * 3: one after another the steps never overlap, in parallel two or three run at once (never more than the pool's
 * three threads), and every test ends the same either way.
 */
class ParallelRunbooksIT {
    private static final Path RUNBOOKS = Path.of(System.getProperty("rehearse.root"), "fixtures", "engine-parallel",
            "runbooks").toAbsolutePath().normalize();

    @Test
    void runbooksRunAtOnceInParallelWithTheSameResults(@TempDir Path reports) throws IOException {
        long t0 = System.nanoTime();
        LauncherRun serial = LauncherRun.of(parameters(reports.resolve("serial"), false), selectDirectory(RUNBOOKS.toFile()));
        long t1 = System.nanoTime();
        LauncherRun parallel = LauncherRun.of(parameters(reports.resolve("parallel"), true), selectDirectory(RUNBOOKS.toFile()));
        System.out.printf("four runbooks: %.1f s one after another, %.1f s in parallel%n", (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9);

        assertEquals("Tests run: 6, Failures: 1, Errors: 0, Skipped: 1", serial.surefireCounts(), serial.names().toString());
        assertEquals(outcomes(serial), outcomes(parallel));
        List<BigDecimal[]> oneAfterAnother = sleeps(reports.resolve("serial"));
        List<BigDecimal[]> atOnce = sleeps(reports.resolve("parallel"));
        System.out.println("most sleeps at once: " + mostAtOnce(oneAfterAnother) + " one after another, "
                + mostAtOnce(atOnce) + " in parallel");
        assertEquals(1, mostAtOnce(oneAfterAnother), "one after another: " + show(oneAfterAnother));
        int most = mostAtOnce(atOnce);
        assertTrue(most >= 2 && most <= 3, "in parallel, " + most + " at once: " + show(atOnce));
    }

    private static Map<String, String> parameters(Path reports, boolean parallel) {
        return Map.of(EngineSettings.TARGET, "local", EngineSettings.REPORT_DIR, reports.toString(),
                RunbookTasks.PARALLEL, String.valueOf(parallel),
                RunbookTasks.PARALLEL_CONFIG + "strategy", "fixed",
                RunbookTasks.PARALLEL_CONFIG + "fixed.parallelism", "3",
                RunbookTasks.PARALLEL_CONFIG + "fixed.max-pool-size", "3");
    }

    /** each test's outcome by its unique id: its status and the first line of its message, or its skip reason */
    private static Map<String, String> outcomes(LauncherRun run) {
        Map<String, String> outcomes = new TreeMap<>();
        for (LauncherRun.Outcome test : run.tests()) {
            outcomes.put(test.test().getUniqueId(), test.skipped() != null ? "skipped: " + test.skipped()
                    : test.result().getStatus() + " " + test.message().lines().findFirst().orElse(""));
        }
        return outcomes;
    }

    /** [start, end] of each runbook's sleeping step, as it printed them (epoch seconds) into its results.json */
    private static List<BigDecimal[]> sleeps(Path reports) throws IOException {
        List<BigDecimal[]> sleeps = new ArrayList<>();
        try (Stream<Path> runbooks = Files.list(reports)) {
            for (Path runbook : runbooks.sorted().toList()) {
                JsonNode results = new ObjectMapper().readTree(runbook.resolve("results.json").toFile());
                List<String> times = results.path("steps").path(0).path("actual").asText().strip().lines().toList();
                assertEquals(2, times.size(), runbook + ": " + times);
                sleeps.add(new BigDecimal[]{new BigDecimal(times.get(0)), new BigDecimal(times.get(1))});
            }
        }
        assertEquals(4, sleeps.size());
        return sleeps;
    }

    /** the most intervals open at one moment */
    private static int mostAtOnce(List<BigDecimal[]> intervals) {
        int most = 0;
        for (BigDecimal[] at : intervals) {
            int open = (int) intervals.stream().filter(i -> i[0].compareTo(at[0]) <= 0 && at[0].compareTo(i[1]) < 0)
                    .count();
            most = Math.max(most, open);
        }
        return most;
    }

    private static String show(List<BigDecimal[]> intervals) {
        return intervals.stream().map(i -> "[" + i[0] + ", " + i[1] + "]").toList().toString();
    }
}
