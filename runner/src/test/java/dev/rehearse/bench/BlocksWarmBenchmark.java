package dev.rehearse.bench;

import dev.rehearse.cli.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code rehearse blocks --json} over every corpus guide in a warm JVM ({@link Main#execute}): the reader's own speed,
 * once the JIT is done with it. {@link BlocksBenchmark} sets it against docutils, whole process against whole
 * process. On two cores C2 takes a few hundred rounds to finish compiling the reader, hence ten seconds of warm-up.
 * How to run it: README, "Benchmarks".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlocksWarmBenchmark {

    /** the shared folder, which holds the corpus ({@code corpus/lab}) */
    @Param("../shared")
    public String shared;

    private String[] command;

    @Setup
    public void corpus() throws IOException {
        Path lab = Path.of(shared).toAbsolutePath().normalize().resolve("corpus/lab");
        if (!Files.isDirectory(lab)) {
            throw new IllegalStateException("no corpus at " + lab + " (-p shared=DIR names the shared folder)");
        }
        List<String> arguments = new ArrayList<>(List.of("blocks", "--json"));
        try (Stream<Path> files = Files.list(lab)) {
            files.map(Path::toString).filter(f -> f.matches(".*/guide_[^/]*\\.rst")).sorted().forEach(arguments::add);
        }
        command = arguments.toArray(String[]::new);
    }

    @Benchmark
    public int blocksOfTheCorpus() {
        StringWriter err = new StringWriter();
        int status = Main.execute(command, new PrintWriter(Writer.nullWriter()), new PrintWriter(err));
        if (status != 0) {
            throw new IllegalStateException("blocks failed: " + err);
        }
        return status;
    }
}
