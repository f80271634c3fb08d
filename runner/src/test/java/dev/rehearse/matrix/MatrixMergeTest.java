package dev.rehearse.matrix;

import dev.rehearse.check.StepResult;
import dev.rehearse.cli.JsonSchemas;
import dev.rehearse.check.Verdict;
import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;
import dev.rehearse.report.MatrixComparison;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Shard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merge of a matrix's shards on report folders written as the matrix writes them, from made-up runs: the merged
 * files are byte for byte those of the whole matrix, and every way shards can fail to make one matrix is one line.
 */
class MatrixMergeTest {
    private static final Variation VARIATION = Variation.parse("widget_version=1.0,2.0,1.1,3.0");
    private static final List<String> FILES = List.of(MatrixReport.HTML, MatrixReport.JSON, MatrixReport.JUNIT);
    private static final List<Step> STEPS = List.of(
            new CommandStep(1, "guide.rst", 12, List.of("Install"), "echo \"widget 1.0\"", null, List.of(), List.of(),
                    List.of(), StepPolicy.DEFAULT),
            new WriteStep(2, "guide.rst", 20, List.of("Install"), "~/widget.conf", "a = 1\n", StepPolicy.DEFAULT, true),
            new EditStep(3, "guide.rst", 30, List.of("Configure"), "~/widget.yaml", "yaml", "b: 2\n",
                    StepPolicy.DEFAULT),
            new CommandStep(4, "guide.rst", 40, List.of("Configure"), "widget check \\\n  --all", null, List.of(),
                    List.of(), List.of(), StepPolicy.DEFAULT));

    @TempDir
    Path tmp;

    @Test
    void theShardsMergedAreTheWholeMatrixByteForByte() throws IOException {
        Path whole = matrix(tmp.resolve("whole"), Shard.WHOLE, Duration.ofMillis(900));
        Path one = matrix(tmp.resolve("one"), new Shard(1, 2), Duration.ofMillis(900));
        Path two = matrix(tmp.resolve("two"), new Shard(2, 2), Duration.ofMillis(400));
        Path out = tmp.resolve("merged");

        MatrixResult merged = MatrixMerge.merge(List.of(two, one), out, false);

        for (String file : FILES) {
            assertEquals(Files.readString(whole.resolve(file)), Files.readString(out.resolve(file)), file);
        }
        for (String value : List.of("1.0", "2.0", "1.1")) {
            Path from = (new Shard(1, 2).of(VARIATION.values(), v -> v).contains(value) ? one : two)
                    .resolve(VARIATION.label(value));
            for (String report : List.of(Reports.JUNIT, Reports.JSON, Reports.HTML)) {
                assertEquals(Files.readString(from.resolve(report)),
                        Files.readString(out.resolve(VARIATION.label(value)).resolve(report)), value + " " + report);
            }
        }
        assertFalse(Files.exists(out.resolve("widget_version=3.0")), "the run that did not start left no folder");
        for (Path dir : List.of(out, one, two)) {
            assertEquals(List.of(), JsonSchemas.problems("matrix", Files.readString(dir.resolve(MatrixReport.JSON))),
                    dir + ": docs/schemas/matrix.schema.json holds");
        }
        assertEquals(List.of(), JsonSchemas.problems("results",
                Files.readString(out.resolve("widget_version=1.0").resolve(Reports.JSON))), "a file step's verb");
        assertTrue(merged.regressed());
        assertEquals(List.of(1, 4), merged.comparison().regressions().stream().map(MatrixComparison.Row::n)
                .toList(), "2.0 drifts at step 1 and fails at 4; 3.0 did not start, which is no change of any step");
        String junit = Files.readString(out.resolve(MatrixReport.JUNIT));
        assertTrue(junit.contains("<testsuite errors=\"0\" failures=\"1\" name=\"widget[widget_version=3.0]\""), junit);
        assertTrue(junit.contains("classname=\"widget[widget_version=2.0]\""), junit);
        assertTrue(junit.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "), junit);
    }

    @Test
    void aMissingShardIsOneLineNamingItAndItsValuesUnlessPartial() throws IOException {
        Path one = matrix(tmp.resolve("one"), new Shard(1, 3), Duration.ofMillis(100));
        Path three = matrix(tmp.resolve("three"), new Shard(3, 3), Duration.ofMillis(100));
        Path out = tmp.resolve("merged");

        BadInput missing = assertThrows(BadInput.class, () -> MatrixMerge.merge(List.of(one, three), out, false));
        assertEquals("merge: shard 2/3 of widget is missing (widget_version=1.1): give its folder too, or --partial "
                + "to merge without it", missing.getMessage());
        assertFalse(Files.exists(out), "nothing written");

        MatrixResult partial = MatrixMerge.merge(List.of(one, three), out, true);
        // by name 1.0, 1.1, 2.0, 3.0 dealt to shards 1, 2, 3, 1
        assertEquals(List.of("1.0", "2.0", "3.0"), partial.runs().stream().map(ValueRun::value).toList(),
                "the values of the shards given, in the matrix's order");
        assertTrue(Files.readString(out.resolve(MatrixReport.JSON))
                .contains("\"values\" : [ \"1.0\", \"2.0\", \"1.1\", \"3.0\" ]"), "every value, those left out too");
    }

    @Test
    void aShardGivenTwiceOverlappingShardsAndAnotherMatrixAreRefused() throws IOException {
        Path one = matrix(tmp.resolve("one"), new Shard(1, 2), Duration.ofMillis(100));
        Path out = tmp.resolve("merged");
        assertEquals(one + ": shard 1/2 is given twice (also " + one + ")", assertThrows(BadInput.class,
                () -> MatrixMerge.merge(List.of(one, one), out, false)).getMessage());

        Path overlapping = write(tmp.resolve("overlapping"), new Shard(2, 2), List.of("1.0", "1.1"),
                Duration.ofMillis(100));
        assertEquals(overlapping + ": overlaps " + one + ": both ran widget_version=1.0", assertThrows(BadInput.class,
                () -> MatrixMerge.merge(List.of(one, overlapping), out, false)).getMessage());

        Path other = tmp.resolve("other");
        MatrixReport.writeAll(new MatrixResult("widget", "Widget", Variation.parse("widget_version=1.0,2.0"),
                new Shard(2, 2), List.of(), Duration.ZERO), other);
        BadInput another = assertThrows(BadInput.class, () -> MatrixMerge.merge(List.of(one, other), out, false));
        assertTrue(another.getMessage().startsWith(other.resolve("matrix.json") + ": a part of another matrix "
                + "(widget over widget_version=1.0,2.0 in 2 shards) than " + one), another.getMessage());

        BadInput notMatrix = assertThrows(BadInput.class, () -> MatrixMerge.merge(List.of(tmp), out, false));
        assertEquals(tmp + ": no matrix.json: not the report folder of a matrix or of a shard of one",
                notMatrix.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aRunAlreadyInTheFolderMergedIntoIsLeftAsItIsUnlessItIsTheShardsOwn() throws IOException {
        Path one = matrix(tmp.resolve("one"), new Shard(1, 2), Duration.ofMillis(100));
        Path two = matrix(tmp.resolve("two"), new Shard(2, 2), Duration.ofMillis(100));
        Path out = tmp.resolve("merged");
        Files.createDirectories(out.resolve("widget_version=1.1"));
        Files.writeString(out.resolve("widget_version=1.1").resolve("mine.txt"), "mine");

        BadInput exists = assertThrows(BadInput.class, () -> MatrixMerge.merge(List.of(one, two), out, false));
        assertEquals(out.resolve("widget_version=1.1") + ": exists already: merge into a folder that holds no run of "
                + "widget_version=1.1", exists.getMessage());
        assertEquals("mine", Files.readString(out.resolve("widget_version=1.1").resolve("mine.txt")));
        assertFalse(Files.exists(out.resolve(MatrixReport.HTML)));

        MatrixMerge.merge(List.of(one, two), one, false);
        assertTrue(Files.readString(one.resolve(MatrixReport.JSON)).contains("\"shard\" : null"),
                "one is the whole now");
        assertTrue(Files.isRegularFile(one.resolve("widget_version=1.1").resolve(Reports.JSON)));
    }

    /** The matrix's folder as {@code matrix --shard} writes it, with the runs of {@code shard}'s values. */
    private static Path matrix(Path dir, Shard shard, Duration elapsed) throws IOException {
        return write(dir, shard, shard.of(VARIATION.values(), v -> v), elapsed);
    }

    private static Path write(Path dir, Shard shard, List<String> values, Duration elapsed) throws IOException {
        List<ValueRun> runs = new ArrayList<>();
        for (String value : VARIATION.values()) {
            if (!values.contains(value)) {
                continue;
            }
            Path runDir = dir.resolve(VARIATION.label(value));
            if (value.equals("3.0")) {
                runs.add(new ValueRun(value, runDir, new RunReport("widget", null, "did not start", List.of(),
                        Duration.ofMillis(12)), "no such image: widget:3.0"));
                continue;
            }
            RunReport report = new RunReport("widget", null, "local /tmp/sandbox-" + value, results(value),
                    Duration.ofMillis(250));
            Reports.writeAll(report, runDir);
            runs.add(new ValueRun(value, runDir, report, null));
        }
        MatrixReport.writeAll(new MatrixResult("widget", "Widget 1.0 basics", VARIATION, shard, runs, elapsed), dir);
        return dir;
    }

    /** 1.x passes; 2.0 drifts at step 1 and fails at step 4. */
    private static List<StepResult> results(String value) {
        boolean two = value.startsWith("2");
        List<StepResult> results = new ArrayList<>();
        results.add(two
                ? result(STEPS.get(0), Verdict.DRIFT, "widget 2.0", "--- guide\n+++ actual\n-widget 1.0\n+widget 2.0", null)
                : result(STEPS.get(0), Verdict.PASS, "widget " + value, "", null));
        results.add(result(STEPS.get(1), Verdict.PASS, "", "", null));
        results.add(result(STEPS.get(2), Verdict.PASS, "", "", null));
        results.add(two ? result(STEPS.get(3), Verdict.FAIL, "unsupported <2.0> & more", "", "exit status 3")
                : result(STEPS.get(3), Verdict.PASS, "ok", "", null));
        return results;
    }

    private static StepResult result(Step step, Verdict verdict, String actual, String diff, String reason) {
        return new StepResult(step, verdict, verdict == Verdict.FAIL ? 3 : 0, "", actual, diff, reason,
                Duration.ofMillis(10 + step.n()));
    }
}
