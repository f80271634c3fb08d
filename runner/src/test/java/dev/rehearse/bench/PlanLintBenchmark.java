package dev.rehearse.bench;

import dev.rehearse.guide.Guide;
import dev.rehearse.lint.Linter;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.testing.OracleGuides;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The planner and lint over the whole corpus once the guides are read: the docutils oracle stands in for the reader,
 * so that the figure is theirs alone. One operation is the whole corpus. How to run it: README, "Benchmarks".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanLintBenchmark {

    /** the shared folder, which holds the corpus and its oracle */
    @Param("../shared")
    public String shared;

    private List<Guide> corpus;
    private Path dir;
    private Runbook bare;
    private Planner planner;

    @Setup
    public void corpus() throws IOException {
        System.setProperty("rehearse.shared", Path.of(shared).toAbsolutePath().toString());
        corpus = OracleGuides.corpus();
        dir = Files.createTempDirectory("rehearse-bench");
        bare = Runbook.load(Files.writeString(dir.resolve("guide.rst"), "x\n"));
        planner = new Planner(new TargetFacts("alice", "box1", "/home/alice", "alice.box1.test"), Map.of());
    }

    @TearDown
    public void removeTheGuide() throws IOException {
        Files.delete(dir.resolve("guide.rst"));
        Files.delete(dir);
    }

    @Benchmark
    public int planTheCorpus() {
        int steps = 0;
        for (Guide g : corpus) {
            steps += planner.plan(bare, g).steps().size();
        }
        return steps;
    }

    @Benchmark
    public int lintTheCorpus() {
        int findings = 0;
        for (Guide g : corpus) {
            findings += Linter.lint(g).size();
        }
        return findings;
    }
}
