package dev.rehearse.report;

import dev.rehearse.check.StepResult;
import dev.rehearse.testing.LongRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports and the matrix stay linear in the steps: counted, not timed. Every read of a run's results goes
 * through a list that counts them; a report that looked through the steps once per block or per step (as
 * report.html once did with a block per step) reads them thousands of times per step, a linear one a few. A scan
 * over a copy of the steps made inside a report is out of sight here: {@code LongRunBenchmark} prints the times.
 */
class LinearReportsTest {
    /** reads of the results per step all reports together may make: each walks them a few times */
    private static final int READS_PER_STEP = 20;
    private static final int STEPS = 2_000;

    @TempDir
    Path dir;

    @Test
    void everyReportReadsEachStepAFewTimesWithABlockPerStep() throws IOException {
        Counted results = counted(LongRun.of(STEPS, 1, new ArrayList<>(), new ArrayList<>()));
        Reports.writeAll(results.report, dir);

        String html = Files.readString(dir.resolve(Reports.HTML));
        assertTrue(html.contains("echo 1999") && html.contains("id=\"step-2000\""), "every step on the page");
        assertLinear(results.reads);
    }

    @Test
    void everyReportReadsEachStepAFewTimesInOneLongBlock() throws IOException {
        Counted results = counted(LongRun.oneBlock(STEPS));
        Reports.writeAll(results.report, dir);

        assertLinear(results.reads);
    }

    @Test
    void theMatrixReadsEachRunsStepsAFewTimes() {
        Map<String, RunReport> runs = new LinkedHashMap<>();
        List<Counted> counted = new ArrayList<>();
        for (String value : List.of("1.0", "1.1", "2.0")) {
            Counted run = counted(LongRun.of(STEPS, 1, new ArrayList<>(), new ArrayList<>()));
            counted.add(run);
            runs.put(value, run.report);
        }
        MatrixComparison comparison = MatrixComparison.of("VERSION", runs);

        assertEquals(STEPS, comparison.rows().size());
        assertEquals(0, comparison.regressions().size(), "every run alike: no regression");
        for (Counted run : counted) {
            assertLinear(run.reads);
        }
    }

    private static void assertLinear(long reads) {
        assertTrue(reads >= STEPS && reads <= (long) READS_PER_STEP * STEPS,
                reads + " reads of " + STEPS + " results: not a few per step");
    }

    /** The report with its results behind a list that counts every read of an element (streams and loops too). */
    private static Counted counted(RunReport report) {
        Counted counted = new Counted();
        List<StepResult> results = report.results();
        List<StepResult> counting = new CountingList(results, counted);
        counted.report = new RunReport(report.runbook(), report.guide(), report.target(), counting, report.elapsed(),
                report.captured());
        return counted;
    }

    private static final class Counted {
        RunReport report;
        long reads;
    }

    /** RandomAccess: its iterator and spliterator read through {@link #get}, so every walk is counted. */
    private static final class CountingList extends AbstractList<StepResult> implements RandomAccess {
        private final List<StepResult> results;
        private final Counted counted;

        CountingList(List<StepResult> results, Counted counted) {
            this.results = results;
            this.counted = counted;
        }

        @Override
        public StepResult get(int index) {
            counted.reads++;
            return results.get(index);
        }

        @Override
        public int size() {
            return results.size();
        }
    }
}
