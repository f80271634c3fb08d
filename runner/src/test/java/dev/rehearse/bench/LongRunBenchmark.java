package dev.rehearse.bench;

import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.testing.LongRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A made-up run of 1,000, 5,000 and 20,000 steps, in one long block or a block each: how long writing its reports
 * (junit.xml, results.json, report.html) takes, and planning its guide (a run plans twice, once before the target
 * opens and once with its facts). Linear work takes the same time per 1,000 steps (the score divided by
 * {@code steps / 1000}) at every size. The fork has the launcher's JVM options, as a real run has them. How to run
 * it: docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class LongRunBenchmark {

    @Param({"1000", "5000", "20000"})
    public int steps;

    /** {@code true}: all steps in one block of the guide; {@code false}: a block each */
    @Param({"true", "false"})
    public boolean oneBlock;

    private RunReport report;
    private Path dir;
    private Runbook bare;
    private final Planner planner = new Planner(new TargetFacts("alice", "box1", "/home/alice", "alice.box1.test"),
            Map.of());

    @Setup
    public void run() throws IOException {
        report = LongRun.of(steps, oneBlock ? steps : 1, new ArrayList<>(), new ArrayList<>());
        dir = Files.createTempDirectory("rehearse-bench");
        bare = Runbook.load(Files.writeString(dir.resolve("long.md"), "x\n"));
    }

    @TearDown
    public void removeTheReports() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public long writeTheReports() throws IOException {
        Reports.writeAll(report, dir);
        return Files.size(dir.resolve(Reports.HTML));
    }

    @Benchmark
    public int planTheGuide() {
        return planner.plan(bare, report.guide()).steps().size();
    }
}
