package dev.rehearse.bench;

import dev.rehearse.check.OutputCheck;
import dev.rehearse.files.YamlMerge;
import dev.rehearse.plan.ExpectedLine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long the checker and the YAML merge take on realistic inputs from the seed guide and the real Synapse's
 * homeserver.yaml. How to run it: docs/performance.md.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CheckBenchmark extends SharedFolderBenchmark {

    private List<ExpectedLine> pipGuide;
    private String pipOutput;
    private List<ExpectedLine> status;
    private List<ExpectedLine> big;
    private String bigOutput;
    private String homeserver;
    private String fragment;

    @Setup
    public void inputs() throws IOException {
        List<String> seed = Files.readAllLines(shared("seed/guide_synapse.rst"));
        homeserver = Files.readString(shared("synapse-real/1.0.0/homeserver.yaml"));

        // the seed's 81 lines after `pip install matrix-synapse` against 400 lines of pip output of today
        pipGuide = new ArrayList<>();
        for (int line = 96; line <= 176; line++) {
            pipGuide.add(ExpectedLine.output(line, seed.get(line - 1).strip()));
        }
        StringBuilder pipReal = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            pipReal.append("Collecting package").append(i).append(">=1.").append(i).append(" (from matrix-synapse)\n")
                    .append("  Using cached package").append(i).append("-2.").append(i).append(".0-py3-none-any.whl (")
                    .append(i * 7).append(" kB)\n");
        }
        pipOutput = pipReal.toString();

        status = List.of(ExpectedLine.output(309, "synapse                            RUNNING   pid 26020, uptime 0:03:14"));

        big = new ArrayList<>();
        StringBuilder bigReal = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            big.add(ExpectedLine.output(i + 1, "line " + i));
            bigReal.append(i == 0 ? "first" : i == 5999 ? "last" : "line " + i).append('\n');
        }
        bigOutput = bigReal.toString();

        // the tls paths and the database of the seed's homeserver.yaml edit
        fragment = String.join("\n", seed.subList(254, 269)).replace("\n    ", "\n").strip() + "\n";
    }

    /** 81 guide lines against 400 real ones: a DRIFT */
    @Benchmark
    public boolean pipInstallDrifts() {
        return OutputCheck.compare(pipGuide, pipOutput).matches();
    }

    /** {@code supervisorctl status}: a PASS through the masks */
    @Benchmark
    public boolean supervisorStatusPasses() {
        return OutputCheck.compare(status, "synapse   RUNNING   pid 311, uptime 0:00:02\r\n").matches();
    }

    /** 6,000 against 6,000 lines, differing at both ends: the Myers path */
    @Benchmark
    public boolean sixThousandLinesDifferAtBothEnds() {
        return OutputCheck.compare(big, bigOutput).matches();
    }

    /** the tls paths and the database merged into the 1,343-line homeserver.yaml */
    @Benchmark
    public int yamlMergeIntoHomeserver() {
        return YamlMerge.merge(homeserver, fragment).length();
    }
}
