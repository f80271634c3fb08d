package dev.rehearse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A run whose every other step captures a value the next one types (carry-forward: {@code echo id $((1000000 + n))}
 * prints {@code id 100000n}, then {@code echo use 100000n}), against a run of as many {@code echo n} steps, both
 * through the launcher ({@code ./rehearse run GUIDE --target local -q}), at 2,000 and 8,000 steps. Each capture was
 * once checked against every command of the run, and made the replacements of every binding anew: 2,000 steps with
 * 1,000 captures took 4.3 s, quadratic. Linear work shows as the same milliseconds per 1,000 steps at both sizes, and
 * the captures' cost as the difference between the two kinds.
 * <p>
 * Run from the repository root, as root (the local target's sandbox): {@code java -cp
 * runner/target/classes:runner/target/test-classes:$(cat /tmp/cp.txt) dev.rehearse.bench.CaptureRunBenchmark
 * [RUNS]} (medians of RUNS runs each, default 3).
 */
public final class CaptureRunBenchmark {
    private CaptureRunBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path work = Files.createTempDirectory("rehearse-capture-bench");
        System.out.printf("%-10s %8s %12s %18s%n", "guide", "steps", "median ms", "ms per 1,000 steps");
        for (int pairs : new int[]{1000, 4000}) {
            for (boolean captures : new boolean[]{false, true}) {
                String name = (captures ? "captures" : "plain") + pairs;
                Path guide = Files.writeString(work.resolve(name + ".md"), guide(pairs, captures));
                long median = medianMillis(guide, work.resolve("reports-" + name), runs);
                System.out.printf("%-10s %8d %12d %18.1f%n", captures ? "captures" : "plain", pairs * 2, median,
                        median * 1000.0 / (pairs * 2));
            }
        }
    }

    /** {@code pairs} pairs of steps: with captures, a value shown then typed; else two plain echoes */
    private static String guide(int pairs, boolean captures) {
        StringBuilder md = new StringBuilder("# Captures\n\n```console\n");
        for (int n = 1; n <= pairs; n++) {
            int value = 1_000_000 + n;
            md.append(captures ? "$ echo id $((1000000 + " + n + "))\n" : "$ echo id " + value + "\n")
                    .append("id ").append(value).append('\n')
                    .append("$ echo use ").append(value).append('\n')
                    .append("use ").append(value).append('\n');
        }
        return md.append("```\n").toString();
    }

    private static long medianMillis(Path guide, Path reports, int runs) throws IOException, InterruptedException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            Process run = new ProcessBuilder("./rehearse", "run", guide.toString(), "--target", "local", "-q",
                    "--report-dir", reports.toString())
                    .redirectErrorStream(true).start();
            String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (run.waitFor() != 0 || !printed.contains(" 0 DRIFT, 0 FAIL, 0 SKIP")) {
                throw new IllegalStateException(guide.getFileName() + " did not pass:\n" + printed);
            }
            times.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
