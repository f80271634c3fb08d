package dev.rehearse.cli;

import dev.rehearse.check.CheckResult;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.report.RunReport;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndOfRunTest {
    private static final CommandStep STEP = new CommandStep(1, "guide_synapse.rst", 322, List.of("Installation"),
            "pip install \\\n  matrix-synapse", null, List.of(), List.of(), List.of(), StepPolicy.DEFAULT);
    private static final String DIFF = "--- guide\n+++ actual\n@@ -1,8 +1,8 @@\n"
            + IntStream.rangeClosed(1, 8).mapToObj(i -> "-old " + i + "\n+new " + i).collect(Collectors.joining("\n"));

    private static String summary(boolean verbose) {
        StepResult drift = new StepResult(STEP, Verdict.DRIFT, 0, "", "", DIFF, null, Duration.ofSeconds(3));
        RunReport report = new RunReport("synapse", null, "local", List.of(drift), Duration.ofMillis(83_412));
        StringWriter text = new StringWriter();
        EndOfRun.print(new PrintWriter(text), report, "my runbooks/synapse", Path.of("/var/reports/synapse"), verbose);
        return text.toString();
    }

    @Test
    void aDriftWithTheFirstLinesOfItsDiffTheReportAndTheUpdateCommandQuotedForAShell() {
        assertEquals("""

                DRIFT 1/1  guide_synapse.rst:322  pip install ...
                      @@ -1,8 +1,8 @@
                      -old 1
                      +new 1
                      -old 2
                      +new 2
                      -old 3
                      ... 11 more lines

                rehearse: 0 PASS, 1 DRIFT, 0 FAIL, 0 SKIP in 83.4 s
                report: /var/reports/synapse/report.html
                to write what the host printed into the guide: rehearse update 'my runbooks/synapse' --from-report \
                /var/reports/synapse
                """, summary(false));
    }

    @Test
    void eachCheckThatDidNotPassHasALineAndTheChecksAreCountedBesideTheSteps() {
        StepResult pass = new StepResult(STEP, Verdict.PASS, 0, "", "", "", null, Duration.ofSeconds(3));
        RunReport report = new RunReport("synapse", null, "local", List.of(pass), Duration.ofMillis(83_412), List.of(),
                null, List.of(), List.of(new CheckResult("synapse answers", "runbook.yaml", 40, 1, Verdict.PASS, null, Duration.ZERO),
                new CheckResult("synapse still runs at the end", "runbook.yaml", 47, 1, Verdict.FAIL, "exit status 3",
                        Duration.ZERO),
                new CheckResult("never", "runbook.yaml", 51, 0, Verdict.SKIP,
                        "not run: no step of the plan matches its after:", Duration.ZERO)));
        StringWriter text = new StringWriter();
        EndOfRun.print(new PrintWriter(text), report, "synapse", Path.of("/var/reports/synapse"), false);
        assertEquals("""

                FAIL  check  runbook.yaml:47, after step 1  synapse still runs at the end
                      exit status 3
                SKIP  check  runbook.yaml:51  never
                      not run: no step of the plan matches its after:

                rehearse: 1 PASS, 0 DRIFT, 0 FAIL, 0 SKIP in 83.4 s
                checks: 1 PASS, 1 FAIL, 1 SKIP
                report: /var/reports/synapse/report.html
                """, text.toString());
    }

    @Test
    void verboseShowsTheWholeDiff() {
        String shown = summary(true);
        assertEquals(1 + 1 + 17 + 1 + 3, shown.lines().count(), shown);
        assertEquals(true, shown.contains("      +new 8\n"), shown);
    }
}
