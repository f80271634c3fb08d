package dev.rehearse.bench;

import dev.rehearse.guide.Guide;
import dev.rehearse.lint.Linter;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.testing.OracleGuides;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * How fast the planner and lint go over the whole corpus once the guides are read (the docutils oracle stands in
 * for the reader, so that the figure is ours alone); prints the median of repeated rounds, warm.
 * Run from the repository root after {@code mvn -o -q test-compile}:
 * <pre>
 * cd runner &amp;&amp; java -cp target/classes:target/test-classes:$(mvn -o -q dependency:build-classpath \
 *     -Dmdep.outputFile=/dev/stdout) dev.rehearse.bench.PlanLintBenchmark ../../shared
 * </pre>
 */
public final class PlanLintBenchmark {
    private static final int ROUNDS = 30;

    private PlanLintBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("rehearse.shared", Path.of(args.length > 0 ? args[0] : "../../shared").toAbsolutePath().toString());
        List<Guide> corpus = OracleGuides.corpus();
        Path dir = Files.createTempDirectory("rehearse-bench");
        Runbook bare = Runbook.load(Files.writeString(dir.resolve("guide.rst"), "x\n"));
        Planner planner = new Planner(new TargetFacts("alice", "box1", "/home/alice", "alice.box1.test"), Map.of());
        report("plan", corpus, g -> planner.plan(bare, g).steps().size());
        report("lint", corpus, g -> Linter.lint(g).size());
        Files.delete(dir.resolve("guide.rst"));
        Files.delete(dir);
    }

    private static void report(String what, List<Guide> corpus, ToIntFunction<Guide> work) {
        long[] nanos = new long[ROUNDS];
        long sink = 0;
        for (int round = -5; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (Guide g : corpus) {
                sink += work.applyAsInt(g);
            }
            if (round >= 0) {
                nanos[round] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double ms = nanos[ROUNDS / 2] / 1e6;
        System.out.printf("%s: %d corpus guides in %.1f ms (median of %d warm rounds): %.0f guides/s [%d]%n",
                what, corpus.size(), ms, ROUNDS, corpus.size() / (ms / 1000), sink);
    }
}
