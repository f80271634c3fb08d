package dev.rehearse.bench;

import dev.rehearse.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code rehearse blocks --json} over every corpus guide against docutils on the same files, in the same run:
 * <ul>
 *   <li>docutils, whole process: {@code python3 tools/docutils_oracle.py LAB TMP} (all guides, one process);</li>
 *   <li>ours, whole process: the {@code ./rehearse} launcher run once for all guides, output to a file;</li>
 *   <li>ours, warm: the same command in this JVM ({@link Main#execute}), after warm-up until the figure is steady.</li>
 * </ul>
 * Each figure is the median of several runs (and, in brackets, the fastest: on a machine shared with other work the
 * median moves with the load); it prints guides per second and the ratios to docutils.
 *
 * <p>A third argument {@code warm} prints only the warm figure (no docutils, no processes): the quick loop while
 * working on the reader.
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

        if (args.length > 2 && args[2].equals("warm")) {
            // quick iteration on the reader: the warm figure only, no docutils and no processes
            Warm warm = warmFigure(blocksCommand(guides));
            System.out.printf("rehearse (warm, in-process) %8.1f ms  %7.0f guides/s  [fastest %.1f ms] (steady after %d "
                    + "rounds)%n", warm.median * 1e3, n / warm.median, warm.fastest * 1e3, warm.warmUpRounds);
            return;
        }
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

        Warm warm = warmFigure(blocksCommand(guides));
        System.out.printf("docutils (whole process)    %8.1f ms  %7.0f guides/s               [fastest %.1f ms]%n",
                python * 1e3, n / python, min(pythonTimes) * 1e3);
        System.out.printf("rehearse (whole process)    %8.1f ms  %7.0f guides/s  %6.1fx docutils  [fastest %.1f ms, "
                + "%.1fx]  target 20x%n", process * 1e3, n / process, python / process, min(processTimes) * 1e3,
                min(pythonTimes) / min(processTimes));
        System.out.printf("rehearse (warm, in-process) %8.1f ms  %7.0f guides/s  %6.1fx docutils  [fastest %.1f ms, "
                + "%.1fx]  target 100x (steady after %d rounds)%n", warm.median * 1e3, n / warm.median,
                python / warm.median, warm.fastest * 1e3, min(pythonTimes) / warm.fastest, warm.warmUpRounds);
    }

    /** {@code blocks --json GUIDE...}, as Main takes it in this JVM. */
    private static String[] blocksCommand(List<String> guides) {
        List<String> command = new ArrayList<>(List.of("blocks", "--json"));
        command.addAll(guides);
        return command.toArray(String[]::new);
    }

    /** The warm figure: median and fastest of {@link #TIMED_ROUNDS} rounds, and the warm-up rounds it took. */
    private record Warm(double median, double fastest, int warmUpRounds) {
    }

    static final int BATCH = 25;
    static final int TIMED_ROUNDS = 50;
    static final int MAX_WARM_UP_ROUNDS = 1000;

    /**
     * Warm until steady, then time. On two cores C2 takes a few hundred rounds to finish compiling the reader
     * (30 rounds left the figure twice too slow), so warm-up runs in batches until three batches in a row are no
     * more than 2 % faster than the best batch before them (a fixed count would be wrong on another machine), at most
     * {@link #MAX_WARM_UP_ROUNDS} rounds.
     */
    private static Warm warmFigure(String[] command) {
        double best = Double.MAX_VALUE;
        int rounds = 0;
        int flat = 0;
        while (rounds < MAX_WARM_UP_ROUNDS) {
            double[] batch = new double[BATCH];
            for (int i = 0; i < BATCH; i++) {
                batch[i] = inProcess(command);
            }
            rounds += BATCH;
            double median = median(batch);
            flat = median < best * 0.98 ? 0 : flat + 1;
            best = Math.min(best, median);
            if (flat == 3) {
                break;
            }
        }
        double[] timed = new double[TIMED_ROUNDS];
        for (int i = 0; i < timed.length; i++) {
            timed[i] = inProcess(command);
        }
        return new Warm(median(timed), min(timed), rounds);
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

    private static double inProcess(String[] command) {
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int status = Main.execute(command, new PrintWriter(Writer.nullWriter()), new PrintWriter(err));
        double seconds = (System.nanoTime() - start) / 1e9;
        require(status == 0, "blocks failed: " + err);
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
