package dev.rehearse.bench;

import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.testing.LongRun;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * How long a run's reports (junit.xml, results.json, report.html) take to write at 1,000, 5,000 and 20,000 steps,
 * the steps in one long block and then a block each; prints the median per 1,000 steps, wall and CPU (the CPU time
 * of this thread, the figure that holds on a busy machine). Linear reports print about the same figure at every
 * size. Run with the launcher's JVM options, from the repository root after {@code mvn -o -q test-compile}:
 * <pre>
 * cd runner &amp;&amp; java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/classes:target/test-classes:$(mvn -o -q dependency:build-classpath \
 *     -Dmdep.outputFile=/dev/stdout) dev.rehearse.bench.ReportBenchmark
 * </pre>
 */
public final class ReportBenchmark {
    private static final int ROUNDS = 5;
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("rehearse-bench");
        warm(dir);
        for (int steps : new int[] {1_000, 5_000, 20_000}) {
            for (boolean oneBlock : new boolean[] {true, false}) {
                RunReport report = LongRun.of(steps, oneBlock ? steps : 1, new ArrayList<>(), new ArrayList<>());
                long[] wall = new long[ROUNDS];
                long[] cpu = new long[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    long start = System.nanoTime();
                    long startCpu = THREAD.getCurrentThreadCpuTime();
                    Reports.writeAll(report, dir);
                    wall[round] = System.nanoTime() - start;
                    cpu[round] = THREAD.getCurrentThreadCpuTime() - startCpu;
                }
                double ms = median(wall);
                double cpuMs = median(cpu);
                System.out.printf("%,6d steps, %-12s reports in %7.1f ms wall, %7.1f ms CPU: per 1,000 steps %5.1f ms wall,"
                                + " %5.1f ms CPU (report.html %,d bytes)%n", steps, oneBlock ? "one block" : "a block each",
                        ms, cpuMs, ms / (steps / 1000.0), cpuMs / (steps / 1000.0), Files.size(dir.resolve(Reports.HTML)));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private static double median(long[] nanos) {
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }

    /** The JIT compiles the reports' code before anything is timed. */
    private static void warm(Path dir) throws IOException {
        RunReport report = LongRun.oneBlock(2_000);
        for (int i = 0; i < 10; i++) {
            Reports.writeAll(report, dir);
        }
    }
}
