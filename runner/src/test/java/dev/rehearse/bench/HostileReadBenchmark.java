package dev.rehearse.bench;

import dev.rehearse.cli.Main;
import dev.rehearse.guide.BadInput;
import dev.rehearse.read.Guides;
import dev.rehearse.testing.HostileGuides;
import dev.rehearse.testing.HostileGuides.Case;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read and plan times of the guides that once crashed or stalled a reader or the planner ({@link HostileGuides}), each
 * at the size the report named and at about four times that much text, in one warm JVM (each read and planned once
 * before it is timed). Linear work shows as a ratio near 4; quadratic as 16. Then the largest of each under 10 MB,
 * and a runbook of 1,000, 4,000 and 16,000 bindings (linear: a time four times the one before). Run from the repository root after
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
        System.out.printf("%-62s %10s %9s %9s %10s %9s %9s %6s %6s  %s%n", "guide", "size", "read ms", "plan ms",
                "size ~x4", "read ms", "plan ms", "read", "plan", "outcome");
        for (Case c : HostileGuides.ALL) {
            Path small = write(dir, c, c.reported());
            // four times the text: four times the count, or twice it where the text grows with its square (nesting)
            int larger = c.text().apply(c.reported() * 2).length() > 3 * Files.size(small) ? 2 : 4;
            Path large = write(dir, c, c.reported() * larger);
            read(small);
            read(large);
            plan(small);
            plan(large);
            long smallMs = read(small);
            long largeMs = read(large);
            long smallPlanMs = plan(small);
            long largePlanMs = plan(large);
            System.out.printf("%-62s %10d %9d %9d %10d %9d %9d %6.1f %6.1f  %s%n", c.name(), Files.size(small),
                    smallMs, smallPlanMs, Files.size(large), largeMs, largePlanMs, ratio(largeMs, smallMs),
                    ratio(largePlanMs, smallPlanMs), outcome(large));
        }
        System.out.println();
        System.out.printf("%-62s %10s %9s %9s%n", "at most 10 MB", "size", "read ms", "plan ms");
        for (Case c : HostileGuides.ALL) {
            int n = c.reported();
            while (c.text().apply(n * 2).length() < TEN_MB) {
                n *= 2;
            }
            Path file = write(dir, c, n);
            System.out.printf("%-62s %10d %9d %9d%n", c.name(), Files.size(file), read(file), plan(file));
        }
        manyBindings(dir);
    }

    /**
     * A runbook whose sidecar binds n values, each typed by a step of its own and all by one more step: each command
     * was searched for every binding (and lexed again for each one it held), quadratic in the bindings.
     */
    private static void manyBindings(Path dir) throws IOException {
        System.out.println();
        System.out.printf("%-62s %10s %9s%n", "a sidecar of n bindings, each typed", "n", "plan ms");
        for (int n : new int[]{1_000, 4_000, 16_000}) {
            Path runbook = Files.createDirectories(dir.resolve("bindings-" + n));
            StringBuilder guide = new StringBuilder("# T\n\n```console\n$ echo");
            StringBuilder sidecar = new StringBuilder("guide: guide.md\nbindings:\n");
            for (int i = 0; i < n; i++) {
                guide.append(" VAL").append(i).append('x');
                sidecar.append("  VAL").append(i).append("x: v").append(i).append('\n');
            }
            guide.append('\n');
            for (int i = 0; i < n; i++) {
                guide.append("$ echo VAL").append(i).append("x\nVAL").append(i).append("x\n");
            }
            Files.writeString(runbook.resolve("guide.md"), guide.append("```\n"));
            Files.writeString(runbook.resolve("runbook.yaml"), sidecar);
            plan(runbook);
            System.out.printf("%-62s %10d %9d%n", "", n, plan(runbook));
        }
    }

    private static double ratio(long larger, long smaller) {
        return smaller == 0 ? 0.0 : (double) larger / smaller;
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

    /** the {@code plan} command in this JVM (reading the guide again, then planning it), its output thrown away */
    private static long plan(Path file) {
        long start = System.nanoTime();
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Main.execute(new String[]{"plan", file.toString()}, nowhere, nowhere);
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
