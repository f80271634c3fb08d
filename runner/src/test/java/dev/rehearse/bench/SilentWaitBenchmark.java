package dev.rehearse.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.rehearse.model.CommandResult;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.local.LocalTarget;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * What waiting costs: one silent step ({@code sleep S}, 30 s by default) in a local session, and the CPU time this
 * JVM spent while it ran, next to its wall time. Waiting should be free: the session sleeps until output comes or
 * a deadline is due. Goal: under 0.3 s of CPU for a silent 30 s step.
 * <p>
 * Run: {@code mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -pl runner}
 * then {@code java -cp runner/target/classes:runner/target/test-classes:$(cat /tmp/cp.txt)
 * dev.rehearse.bench.SilentWaitBenchmark [SECONDS]}.
 */
public final class SilentWaitBenchmark {

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (LocalTarget target = LocalTarget.open(null, false)) {
            Session session = target.openSession();
            session.run("true", List.of(), Duration.ofSeconds(10), null);
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            CommandResult result = session.run("sleep " + seconds, List.of(), Duration.ofSeconds(seconds + 30), null);
            double wallS = (System.nanoTime() - wall) / 1e9;
            double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
            if (result.status() != CommandResult.Status.COMPLETED || result.exit() != 0) {
                throw new IllegalStateException("sleep " + seconds + " went wrong: " + result);
            }
            System.out.printf("silent step: sleep %d, wall %.2f s, CPU %.3f s (goal < 0.3 s)%n", seconds, wallS, cpuS);
        }
    }
}
