package dev.rehearse.bench;

import dev.rehearse.e2e.SeedRun;

import java.nio.file.Path;

/**
 * Where the seed's end-to-end wall time goes: image build (or reuse), container start, each step, and Rehearse's
 * own overhead (target: under 5 % of the total). Runs the seed on a fresh stardust container and prints the split.
 * Run from the repository root after {@code mvn -o -q test-compile}, with the Docker engine up (.ci/setup):
 * <pre>
 * cd runner &amp;&amp; TESTCONTAINERS_RYUK_DISABLED=true java -cp target/classes:target/test-classes:$(mvn -o -q \
 *     dependency:build-classpath -Dmdep.outputFile=/dev/stdout) dev.rehearse.bench.SeedTimingBench ..
 * </pre>
 */
public final class SeedTimingBench {

    private SeedTimingBench() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
        try (SeedRun run = SeedRun.run(root, root.resolve("runner/target/rehearse/seed-bench"))) {
            System.out.print(run.timings());
            System.out.println("exit status " + run.exit + ", " + run.results.path("summary").path("status").asText());
        }
    }
}
