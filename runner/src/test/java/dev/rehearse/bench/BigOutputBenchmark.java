package dev.rehearse.bench;

import dev.rehearse.testing.BigOutputGuide;
import dev.rehearse.testing.Checkout;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step printing a lot ({@link BigOutputGuide}: 20 MB and 200 MB by default, any sizes given in bytes), run by
 * the built jar ({@code runner/target/rehearse.jar}) on the local target under {@code /usr/bin/time -v}. Prints
 * per size the wall time, the peak RSS of the JVM, the verdicts and the size of each report and of the step's
 * whole output file. Goal: RSS that does not grow with the output; reports that do not either. {@code -Dheap=128m}
 * runs the jar with {@code -Xmx128m} (the JVM's default heap grows lazily up to a quarter of the memory).
 * <p>
 * Run: {@code mvn -o -q -B package -DskipTests -pl runner}, then
 * {@code mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -pl runner} and
 * (in {@code runner/}) {@code java -cp target/test-classes:$(cat /tmp/cp.txt) dev.rehearse.bench.BigOutputBenchmark [BYTES...]}.
 */
public final class BigOutputBenchmark {
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)");
    private static final Pattern VERDICT = Pattern.compile("\"verdict\" ?: ?\"(\\w+)\"");

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Long.parseLong(arg));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(20_000_000L, 200_000_000L);
        }
        Path jar = Checkout.root().resolve("runner/target/rehearse.jar");
        String heap = System.getProperty("heap", "");
        System.out.println("heap: " + (heap.isEmpty() ? "the JVM's default" : "-Xmx" + heap));
        for (long bytes : sizes) {
            Path dir = Files.createTempDirectory("rehearse-big-output");
            Path guide = BigOutputGuide.write(dir, bytes);
            Path reports = dir.resolve("reports");
            Path timing = dir.resolve("time.txt");
            List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", timing.toString(),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (!heap.isEmpty()) {
                command.add("-Xmx" + heap);
            }
            command.addAll(List.of("-jar", jar.toString(), "run", guide.toString(), "--target", "local",
                    "--keep-going", "-q", "--report-dir", reports.toString()));
            Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectInput(new File("/dev/null")).start();
            int exit = run.waitFor();
            String time = Files.readString(timing);
            System.out.printf("%,d bytes: exit %d, wall %s, peak RSS %,d KB, verdicts %s%n", bytes, exit,
                    first(WALL, time), Long.parseLong(first(RSS, time)), verdicts(reports.resolve("results.json")));
            for (String file : new String[] {"results.json", "junit.xml", "report.html", "output/step-1.log"}) {
                Path path = reports.resolve(file);
                System.out.printf("  %-18s %,d bytes%n", file, Files.exists(path) ? Files.size(path) : -1);
            }
            delete(dir);
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "0";
    }

    private static List<String> verdicts(Path results) throws IOException {
        List<String> found = new ArrayList<>();
        if (Files.exists(results)) {
            Matcher m = VERDICT.matcher(Files.readString(results));
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
