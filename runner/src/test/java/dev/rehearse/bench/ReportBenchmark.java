package dev.rehearse.bench;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How long a run's reports (junit.xml, results.json, report.html) take to write at 1,000, 5,000 and 20,000 steps,
 * the steps in one long block or a block each. Linear reports take the same time per 1,000 steps (the score divided
 * by {@code steps / 1000}) at every size. The fork has the launcher's JVM options, as a real run writes its reports
 * with them. How to run it: README, "Benchmarks".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class ReportBenchmark {

    @Param({"1000", "5000", "20000"})
    public int steps;

    /** {@code true}: all steps in one block of the guide; {@code false}: a block each */
    @Param({"true", "false"})
    public boolean oneBlock;

    private RunReport report;
    private Path dir;

    @Setup
    public void run() throws IOException {
        report = LongRun.of(steps, oneBlock ? steps : 1, new ArrayList<>(), new ArrayList<>());
        dir = Files.createTempDirectory("rehearse-bench");
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
}
