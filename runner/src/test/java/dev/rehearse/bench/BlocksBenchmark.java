package dev.rehearse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code rehearse blocks --json} over every corpus guide against docutils on the same files, in the same run, each a
 * whole process as a user starts it:
 * <ul>
 *   <li>docutils: {@code python3 tools/docutils_oracle.py LAB TMP} (all guides, one process);</li>
 *   <li>ours: the {@code ./rehearse} launcher run once for all guides, output to a file.</li>
 * </ul>
 * Each figure is the median of several runs (and, in brackets, the fastest: on a machine shared with other work the
 * median moves with the load); it prints guides per second and the ratio to docutils. The reader's warm figure, the
 * same command in a JVM that has compiled it, is JMH's: {@link BlocksWarmBenchmark}.
 *
 * <p>Run from the repository root, after {@code mvn -o -q -B package -DskipTests}:
 * {@code java -cp runner/target/rehearse.jar:runner/target/test-classes dev.rehearse.bench.BlocksBenchmark}
 * (optional arguments: the shared folder, default {@code ../shared}; the number of timed runs, default 5).
 */
public final class BlocksBenchmark {

    private BlocksBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path lab = shared.resolve("corpus/lab");
        Path launcher = root.resolve("rehearse");
        require(Files.isDirectory(lab), "no corpus at " + lab + " (pass the shared folder as first argument)");
        require(Files.isExecutable(launcher), "run from the repository root: no ./rehearse here");
        List<String> guides;
        try (Stream<Path> files = Files.list(lab)) {
            guides = files.map(Path::toString).filter(f -> f.matches(".*/guide_[^/]*\\.rst")).sorted().toList();
        }
        int n = guides.size();
        System.out.printf("blocks benchmark: %d guides of %s, median of %d runs (%d processors)%n", n, lab, runs,
                Runtime.getRuntime().availableProcessors());

        Path out = Files.createTempDirectory("rehearse-bench");
        List<String> docutils = List.of("python3", shared.resolve("tools/docutils_oracle.py").toString(),
                lab.toString(), out.resolve("oracle").toString());
        List<String> ours = new ArrayList<>(List.of(launcher.toString(), "blocks", "--json"));
        ours.addAll(guides);

        spawn(ours, out.resolve("ours.jsonl"));          // builds the jar if stale, records the CDS archive
        spawn(docutils, out.resolve("docutils.txt"));    // Python's own caches warm, as ours are
        double[] pythonTimes = new double[runs];
        double[] processTimes = new double[runs];
        for (int i = 0; i < runs; i++) {
            // interleaved, so that both see the same load on a shared machine
            pythonTimes[i] = spawn(docutils, out.resolve("docutils.txt"));
            processTimes[i] = spawn(ours, out.resolve("ours.jsonl"));
        }
        double python = median(pythonTimes);
        double process = median(processTimes);

        System.out.printf("docutils (whole process)    %8.1f ms  %7.0f guides/s               [fastest %.1f ms]%n",
                python * 1e3, n / python, min(pythonTimes) * 1e3);
        System.out.printf("rehearse (whole process)    %8.1f ms  %7.0f guides/s  %6.1fx docutils  [fastest %.1f ms, "
                + "%.1fx]  target 20x%n", process * 1e3, n / process, python / process, min(processTimes) * 1e3,
                min(pythonTimes) / min(processTimes));
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** Run a command with its output to a file; seconds it took. */
    private static double spawn(List<String> command, Path output) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        require(p.waitFor(10, TimeUnit.MINUTES), "timed out: " + command.get(0));
        double seconds = (System.nanoTime() - start) / 1e9;
        require(p.exitValue() == 0, command.get(0) + " failed with exit status " + p.exitValue());
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
