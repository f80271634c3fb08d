package dev.rehearse.bench;

import dev.rehearse.guide.BadInput;
import dev.rehearse.read.Guides;
import dev.rehearse.testing.HostileGuides;
import dev.rehearse.testing.HostileGuides.Case;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read times of the guides that once crashed or stalled a reader ({@link HostileGuides}), each at the size the report
 * named and at about four times that much text, in one warm JVM (each read once before it is timed). Linear reading shows as a ratio
 * near 4; quadratic as 16. Then the largest of each under 10 MB. Run from the repository root after
 * {@code mvn -o -q test-compile}:
 * <pre>
 * mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -pl runner
 * java -cp runner/target/classes:runner/target/test-classes:$(cat /tmp/cp.txt) dev.rehearse.bench.HostileReadBenchmark
 * </pre>
 */
public final class HostileReadBenchmark {

    private static final int TEN_MB = 10 << 20;

    private HostileReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("rehearse-hostile");
        System.out.printf("%-62s %10s %9s %10s %9s %6s  %s%n", "guide", "size", "ms", "size ~x4", "ms", "ratio",
                "outcome");
        for (Case c : HostileGuides.ALL) {
            Path small = write(dir, c, c.reported());
            // four times the text: four times the count, or twice it where the text grows with its square (nesting)
            int larger = c.text().apply(c.reported() * 2).length() > 3 * Files.size(small) ? 2 : 4;
            Path large = write(dir, c, c.reported() * larger);
            read(small);
            read(large);
            long smallMs = read(small);
            long largeMs = read(large);
            System.out.printf("%-62s %10d %9d %10d %9d %6.1f  %s%n", c.name(), Files.size(small), smallMs,
                    Files.size(large), largeMs, smallMs == 0 ? 0.0 : (double) largeMs / smallMs, outcome(large));
        }
        System.out.println();
        System.out.printf("%-62s %10s %9s%n", "at most 10 MB", "size", "ms");
        for (Case c : HostileGuides.ALL) {
            int n = c.reported();
            while (c.text().apply(n * 2).length() < TEN_MB) {
                n *= 2;
            }
            Path file = write(dir, c, n);
            System.out.printf("%-62s %10d %9d%n", c.name(), Files.size(file), read(file));
        }
    }

    private static Path write(Path dir, Case c, int n) throws IOException {
        return Files.writeString(dir.resolve("guide_" + n + "_" + Math.abs(c.name().hashCode()) + "." + c.extension()),
                c.text().apply(n));
    }

    private static long read(Path file) {
        long start = System.nanoTime();
        try {
            Guides.read(file).findings().size();
        } catch (BadInput refused) {
            // a guide refused in one line is an outcome too: what counts is that it came quickly
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String outcome(Path file) {
        try {
            return Guides.read(file).blocks().size() + " blocks";
        } catch (BadInput refused) {
            return "bad input: " + refused.problem();
        }
    }
}
