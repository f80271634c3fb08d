package dev.rehearse.bench;

import dev.rehearse.check.OutputCheck;
import dev.rehearse.files.YamlMerge;
import dev.rehearse.plan.ExpectedLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * How long the checker and the YAML merge take on realistic inputs; prints the median of repeated runs.
 * Run from the repository root after {@code mvn -o -q test-compile}:
 * <pre>
 * cd runner &amp;&amp; java -cp target/classes:target/test-classes:$(mvn -o -q dependency:build-classpath \
 *     -Dmdep.outputFile=/dev/stdout) dev.rehearse.bench.CheckBenchmark ../../shared
 * </pre>
 */
public final class CheckBenchmark {

    private CheckBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../../shared");
        List<String> seed = Files.readAllLines(shared.resolve("seed/guide_synapse.rst"));
        String homeserver = Files.readString(shared.resolve("synapse-real/1.0.0/homeserver.yaml"));

        // the seed's 81 lines after `pip install matrix-synapse` against 400 lines of pip output of today
        List<ExpectedLine> pipGuide = new ArrayList<>();
        for (int line = 96; line <= 176; line++) {
            pipGuide.add(ExpectedLine.output(line, seed.get(line - 1).strip()));
        }
        StringBuilder pipReal = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            pipReal.append("Collecting package").append(i).append(">=1.").append(i).append(" (from matrix-synapse)\n")
                    .append("  Using cached package").append(i).append("-2.").append(i).append(".0-py3-none-any.whl (")
                    .append(i * 7).append(" kB)\n");
        }
        String pipOutput = pipReal.toString();
        report("compare: 81 guide lines vs 400 real lines (drift)", 200,
                () -> OutputCheck.compare(pipGuide, pipOutput).matches());

        List<ExpectedLine> status = List.of(ExpectedLine.output(309,
                "synapse                            RUNNING   pid 26020, uptime 0:03:14"));
        report("compare: supervisorctl status (pass)", 20_000,
                () -> OutputCheck.compare(status, "synapse   RUNNING   pid 311, uptime 0:00:02\r\n").matches());

        List<ExpectedLine> big = new ArrayList<>();
        StringBuilder bigReal = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            big.add(ExpectedLine.output(i + 1, "line " + i));
            bigReal.append(i == 0 ? "first" : i == 5999 ? "last" : "line " + i).append('\n');
        }
        String bigOutput = bigReal.toString();
        report("compare: 6000 vs 6000 lines, differing at both ends (Myers path)", 5,
                () -> OutputCheck.compare(big, bigOutput).matches());

        String fragment = String.join("\n", seed.subList(254, 269)).replace("\n    ", "\n").strip() + "\n";
        report("YamlMerge: tls paths + database into the 1343-line homeserver.yaml", 200,
                () -> YamlMerge.merge(homeserver, fragment).length());
    }

    private static void report(String what, int runs, Supplier<Object> task) {
        for (int i = 0; i < Math.max(3, runs / 5); i++) {
            task.get(); // warm up
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-72s median %8.3f ms  (p90 %8.3f ms, %d runs)%n", what, millis[runs / 2],
                millis[(int) (runs * 0.9)], runs);
    }
}
