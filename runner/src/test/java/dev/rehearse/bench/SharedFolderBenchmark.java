package dev.rehearse.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the JMH benchmarks over files of the shared folder have in common: the folder as a parameter ({@code -p
 * shared=DIR}, from the repository root {@code ../shared} by default), the mean time of an operation, ten seconds of
 * warm-up (on two cores C2 takes a few hundred rounds of the reader to finish compiling it), one fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class SharedFolderBenchmark {

    /** the shared folder, which holds the corpus, its oracle, the seed and the real Synapse's files */
    @Param("../shared")
    public String shared;

    /** a file or folder of the shared folder */
    protected Path shared(String path) {
        return Path.of(shared).toAbsolutePath().normalize().resolve(path);
    }
}
