package dev.rehearse.bench;

import dev.rehearse.cli.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code rehearse blocks --json} over every corpus guide in a warm JVM ({@link Main#execute}): the reader's own speed,
 * once the JIT is done with it. {@link BlocksBenchmark} sets it against docutils, whole process against whole
 * process. How to run it: docs/performance.md.
 */
public class BlocksWarmBenchmark extends SharedFolderBenchmark {

    private String[] command;

    @Setup
    public void corpus() throws IOException {
        Path lab = shared("corpus/lab");
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
