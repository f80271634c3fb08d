package dev.rehearse.bench;

import dev.rehearse.guide.Guide;
import dev.rehearse.lint.Linter;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.testing.OracleGuides;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The planner and lint over the whole corpus once the guides are read: the docutils oracle stands in for the reader,
 * so that the figure is theirs alone. One operation is the whole corpus. How to run it: docs/performance.md.
 */
public class PlanLintBenchmark extends SharedFolderBenchmark {

    private List<Guide> corpus;
    private Path dir;
    private Runbook bare;
    private Planner planner;

    @Setup
    public void corpus() throws IOException {
        System.setProperty("rehearse.shared", shared("").toString());
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
