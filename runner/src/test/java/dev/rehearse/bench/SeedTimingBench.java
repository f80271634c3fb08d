package dev.rehearse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.e2e.SeedRun;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the wall time of the README's main command goes, {@code ./rehearse run runbooks/synapse --target
 * container}, run as a person runs it (the launcher, a fresh JVM, a fresh container, removed at the end): image
 * build (or reuse), container start, each step, and Rehearse's own overhead (target: under 5 % of the total).
 * Prints the split of each of RUNS runs (default 3; the first run after a build also records the launcher's class
 * archive). Run from the repository root after {@code mvn -o -q package -DskipTests} (and .ci/setup):
 * <pre>
 * cd runner &amp;&amp; java -cp target/classes:target/test-classes:$(mvn -o -q dependency:build-classpath \
 *     -Dmdep.outputFile=/dev/stdout) dev.rehearse.bench.SeedTimingBench .. [RUNS]
 * </pre>
 */
public final class SeedTimingBench {

    private SeedTimingBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path reports = root.resolve("runner/target/rehearse/seed-bench");
        for (int i = 1; i <= runs; i++) {
            long started = System.nanoTime();
            int exit = new ProcessBuilder("./rehearse", "run", "runbooks/synapse", "--target", "container",
                    "--report-dir", reports.toString())
                    .directory(root.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start().waitFor();
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("run " + i + " of " + runs + ", exit status " + exit);
            System.out.print(SeedRun.timings(new ObjectMapper().readTree(reports.resolve("results.json").toFile()), wall));
        }
    }
}
