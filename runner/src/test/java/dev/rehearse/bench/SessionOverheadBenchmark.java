package dev.rehearse.bench;

import dev.rehearse.model.CommandResult;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.local.LocalTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The session's overhead per step: N trivial steps ({@code echo n}) typed one by one into the persistent
 * session, each waiting for its sentinel, against the same N commands run as one plain bash script.
 * Prints the median time per step in the session, the script's time per command, and the difference.
 * Target: at most 1 ms median overhead per step.
 * <p>
 * Run: {@code mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -pl runner}
 * then {@code java -cp runner/target/classes:runner/target/test-classes:$(cat /tmp/cp.txt)
 * dev.rehearse.bench.SessionOverheadBenchmark [N]}.
 */
public final class SessionOverheadBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (LocalTarget target = LocalTarget.open(null, false)) {
            Session session = target.openSession();
            for (int i = 0; i < 200; i++) {
                session.run("echo warm " + i, List.of(), TIMEOUT, null);
            }
            long[] perStep = new long[steps];
            for (int i = 0; i < steps; i++) {
                long start = System.nanoTime();
                CommandResult result = session.run("echo " + i, List.of(), TIMEOUT, null);
                perStep[i] = System.nanoTime() - start;
                if (result.exit() != 0 || !result.output().equals(i + "\n")) {
                    throw new IllegalStateException("step " + i + " went wrong: " + result);
                }
            }
            Arrays.sort(perStep);
            double sessionMedianMs = perStep[steps / 2] / 1e6;
            double scriptPerCommandMs = plainScript(steps, target.home()) / 1e6 / steps;
            System.out.printf("session: %d steps, median %.3f ms per step (p90 %.3f ms)%n", steps, sessionMedianMs,
                    perStep[steps * 9 / 10] / 1e6);
            System.out.printf("plain bash script: %.4f ms per command%n", scriptPerCommandMs);
            System.out.printf("median overhead per step: %.3f ms (target <= 1 ms)%n",
                    sessionMedianMs - scriptPerCommandMs);
        }
    }

    /** nanoseconds for one bash running the same commands as a script, median of 5 runs */
    private static long plainScript(int steps, Path dir) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < steps; i++) {
            script.append("echo ").append(i).append('\n');
        }
        Path file = dir.resolve("plain.sh");
        Files.writeString(file, script);
        long[] runs = new long[5];
        for (int r = 0; r < runs.length; r++) {
            long start = System.nanoTime();
            Process bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).start();
            bash.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (bash.waitFor() != 0) {
                throw new IllegalStateException("the plain script failed");
            }
            runs[r] = System.nanoTime() - start;
        }
        Arrays.sort(runs);
        return runs[runs.length / 2];
    }
}
