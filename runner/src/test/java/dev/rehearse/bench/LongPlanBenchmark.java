package dev.rehearse.bench;

import dev.rehearse.guide.Guide;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long planning a guide of 1,000, 5,000 and 20,000 steps takes (the made-up guide of {@link LongRun}, one long
 * block): a run plans twice, once before the target opens and once with its facts. Linear planning takes the same
 * time per 1,000 steps (the score divided by {@code steps / 1000}) at every size. How to run it: README,
 * "Benchmarks".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class LongPlanBenchmark {

    @Param({"1000", "5000", "20000"})
    public int steps;

    private Guide guide;
    private Path dir;
    private Runbook bare;
    private final Planner planner = new Planner(new TargetFacts("alice", "box1", "/home/alice", "alice.box1.test"),
            Map.of());

    @Setup
    public void guide() throws IOException {
        guide = LongRun.oneBlock(steps).guide();
        dir = Files.createTempDirectory("rehearse-bench");
        bare = Runbook.load(Files.writeString(dir.resolve("long.md"), "x\n"));
    }

    @TearDown
    public void removeTheGuide() throws IOException {
        Files.delete(dir.resolve("long.md"));
        Files.delete(dir);
    }

    @Benchmark
    public int planTheGuide() {
        return planner.plan(bare, guide).steps().size();
    }
}
