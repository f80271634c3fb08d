package dev.rehearse.e2e;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.plan.Step;
import dev.rehearse.read.Guides;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.RunListener;
import dev.rehearse.run.Runner;
import dev.rehearse.run.StepSelection;
import dev.rehearse.targets.container.ContainerTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed against a homeserver that needs a minute before it listens, as a real one does while it makes its
 * schema (the Synapse test double, told to be slow): supervisord says RUNNING at once, and the seed's runbook
 * waits until the homeserver answers through the bound port before it registers the user.
 */
class SlowHomeserverIT {

    @Test
    void theSeedWaitsForAHomeserverThatTakesAMinuteToListen() {
        Path root = Path.of(System.getProperty("rehearse.root"));
        Runbook runbook = Runbook.load(root.resolve("runbooks/synapse"));
        List<String> waits = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void waiting(Step step, String what, Duration timeout) {
                waits.add(what);
            }
        };
        try (ContainerTarget target = ContainerTarget.open("stardust", ContainerTarget.Networking.NONE, false)) {
            target.writeFile("~/.synapse-double/listen-delay", "60\n");
            Plan plan = new Planner(target.facts(), Map.of("<my super secure password>", SeedChecks.PASSWORD))
                    .plan(runbook, Guides.BY_FORMAT.read(runbook.guide(), runbook.dir()));
            RunReport report = new Runner(target, StepSelection.ALL, false, listener)
                    .run(plan, runbook.checks(), runbook.effects());

            List<StepResult> notThrough = report.results().stream()
                    .filter(r -> r.verdict() == Verdict.FAIL || r.verdict() == Verdict.SKIP).toList();
            assertTrue(notThrough.isEmpty(), notThrough.toString());
            assertEquals(1, waits.size(), waits.toString());
            assertTrue(waits.get(0).matches("an HTTP answer from https://robin\\.ravel\\.test:\\d+/_matrix/client/versions"),
                    waits.get(0));
            StepResult status = report.results().stream().filter(r -> r.step().line() == 308).findFirst().orElseThrow();
            assertTrue(status.elapsed().toSeconds() >= 50, "supervisorctl status, then the wait: " + status.elapsed());
        }
    }
}
