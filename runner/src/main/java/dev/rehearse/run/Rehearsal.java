package dev.rehearse.run;

import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.report.RunReport;
import dev.rehearse.target.Target;
import dev.rehearse.target.TargetOptions;
import dev.rehearse.target.Targets;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One whole run of a runbook, the pipeline end to end: read the guide, open the target, plan against the
 * target's facts, run, close the target. What {@code run}, {@code update}, {@code matrix} and the JUnit engine
 * share. An interrupted JVM (Ctrl-C) still closes the target: its shell, its processes, its sandbox.
 *
 * @param target    the target spec; null means the sidecar's {@code target.kind}, else {@code local}
 * @param overrides {@code --bind} values: sidecar variables or example values
 */
public record Rehearsal(Path runbook, String target, TargetOptions options, Map<String, String> overrides,
                        StepSelection selection, boolean keepGoing) {

    /**
     * @param say receives one-line notes for a person (what runs where, what was kept)
     */
    public RunReport perform(GuideReader reader, RunListener listener, Consumer<String> say) {
        Runbook book = Runbook.load(runbook);
        Guide guide = reader.read(book.guide(), book.dir());
        String where = target != null ? target : book.target().getOrDefault("kind", "local");
        try (Target on = Targets.open(where, options)) {
            Thread closeOnInterrupt = new Thread(on::close, "rehearse-interrupted");
            Runtime.getRuntime().addShutdownHook(closeOnInterrupt);
            try {
                Plan plan = new Planner(on.facts(), overrides).plan(book, guide);
                say.accept(plan.name() + ", " + plan.steps().size() + " steps on " + on.describe());
                RunReport report = new Runner(on, selection, keepGoing, listener).run(plan, book.checks());
                if (options.keep()) {
                    say.accept("kept " + on.describe());
                }
                return report;
            } finally {
                Runtime.getRuntime().removeShutdownHook(closeOnInterrupt);
            }
        }
    }

    /** Where a runbook's reports go unless told otherwise: {@code target/rehearse/<runbook>}. */
    public static Path defaultReportDir(Path runbook) {
        return Path.of("target", "rehearse", Runbook.load(runbook).name());
    }
}
