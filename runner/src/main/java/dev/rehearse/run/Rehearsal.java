package dev.rehearse.run;

import dev.rehearse.guide.Guide;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.read.Guides;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetFacts;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.Targets;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One runbook from its path to its report, as {@code rehearse matrix} runs each value and the JUnit engine each
 * runbook: read the guide, open a fresh target, plan against the target's facts, run, close the target.
 *
 * @param target    a {@code --target} spec; null for the sidecar's {@code target: kind}, else {@code local}
 * @param binds     {@code NAME=VALUE} as {@code --bind} gives them: sidecar variables or example values
 * @param selection which steps run; the others are SKIP
 * @param keepGoing a FAIL does not skip the steps after it
 * @param targetOptions how the target is opened: kept or not (sandbox, container), how ssh logs in
 * @param reportDir where the run's reports go, and where a {@code --from} run finds what the last one captured;
 *                  null for {@link #defaultReportDir(String)}
 */
public record Rehearsal(String target, Map<String, String> binds, StepSelection selection, boolean keepGoing,
                       TargetOptions targetOptions, Path reportDir) {

    /**
     * The facts a plan is made against when no target is open: the guide's own example values, so that nothing is
     * replaced and the plan shows the steps as the guide does. A plan's steps do not depend on the facts.
     */
    public static final TargetFacts EXAMPLE_FACTS = new TargetFacts("isabell", "stardust", "/home/isabell",
            "my.domain.name");

    public Rehearsal {
        binds = Map.copyOf(binds);
    }

    /** All steps, stop at the first FAIL, remove the target: {@code rehearse run} without options. */
    public static Rehearsal defaults() {
        return new Rehearsal(null, Map.of(), StepSelection.ALL, false, TargetOptions.defaults(), null);
    }

    public Rehearsal withTarget(String spec) {
        return new Rehearsal(spec, binds, selection, keepGoing, targetOptions, reportDir);
    }

    public Rehearsal withBinds(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(binds);
        all.putAll(more);
        return new Rehearsal(target, all, selection, keepGoing, targetOptions, reportDir);
    }

    public Rehearsal withSelection(StepSelection steps) {
        return new Rehearsal(target, binds, steps, keepGoing, targetOptions, reportDir);
    }

    public Rehearsal withKeepGoing(boolean keepGoingAfterFail) {
        return new Rehearsal(target, binds, selection, keepGoingAfterFail, targetOptions, reportDir);
    }

    public Rehearsal withTargetOptions(TargetOptions options) {
        return new Rehearsal(target, binds, selection, keepGoing, options, reportDir);
    }

    public Rehearsal withReportDir(Path dir) {
        return new Rehearsal(target, binds, selection, keepGoing, targetOptions, dir);
    }

    public Rehearsal withKeep(boolean keepTarget) {
        return new Rehearsal(target, binds, selection, keepGoing, targetOptions.withKeep(keepTarget), reportDir);
    }

    /**
     * Plans the runbook without a target ({@link #EXAMPLE_FACTS}): what discovery shows, and a check of the
     * sidecar and the bindings before any target is opened.
     *
     * @throws dev.rehearse.guide.BadInput when the runbook, its guide or a binding is wrong
     */
    public Plan preview(Path runbook) {
        Runbook loaded = Runbook.load(runbook);
        Plan plan = new Planner(EXAMPLE_FACTS, binds).plan(loaded, Guides.BY_FORMAT.read(loaded.guide(), loaded.dir()));
        plan.requireBound();
        return plan;
    }

    /**
     * Runs the runbook on a fresh target, closed (or kept) at the end.
     *
     * @throws dev.rehearse.guide.BadInput when the runbook, its guide, a binding or the target spec is wrong
     */
    public RunReport run(Path runbook, RunListener listener) {
        return run(runbook, listener, note -> { });
    }

    /**
     * As {@link #run(Path, RunListener)}, telling {@code say} in one line each what runs where and what was kept.
     */
    public RunReport run(Path runbook, RunListener listener, Consumer<String> say) {
        Runbook loaded = Runbook.load(runbook);
        // A container takes a second or two to start, mostly waiting on the engine: the guide is read meanwhile.
        CompletableFuture<Target> opening = CompletableFuture.supplyAsync(
                () -> Targets.open(targetSpec(loaded), targetOptions));
        Guide guide;
        try {
            guide = Guides.BY_FORMAT.read(loaded.guide(), loaded.dir());
        } catch (RuntimeException e) {
            // waited for, not left to a daemon thread that the JVM's exit could stop halfway through a start
            try {
                opening.join().close();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        try (Target opened = opened(opening)) {
            // Ctrl-C ends the JVM without unwinding this thread: the hook closes the target (container, sandbox) then
            Thread closeOnInterrupt = new Thread(opened::close, "rehearse-interrupted");
            Runtime.getRuntime().addShutdownHook(closeOnInterrupt);
            try {
                Plan plan = new Planner(opened.facts(), binds).plan(loaded, guide);
                plan.requireBound();
                if (!selection.equals(StepSelection.ALL)) {
                    EarlierCaptures.bind(plan, selection, reportsOf(plan.name()), opened.describe()).ifPresent(say);
                    SkippedCaptures.check(plan, selection);
                }
                say.accept(plan.name() + ", " + plan.steps().size() + " steps on " + opened.describe());
                RunReport report = new Runner(opened, selection, keepGoing, listener).run(plan, loaded.checks());
                if (targetOptions.keep()) {
                    say.accept("kept " + opened.describe());
                }
                return report;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(closeOnInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook has closed the target already; no stack trace on the way out
                }
            }
        }
    }

    /** The target once open; what opening it threw (bad input, say), as it was thrown. */
    private static Target opened(CompletableFuture<Target> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Where this rehearsal's reports of {@code runbook} go: the folder it was given, else the default one. */
    public Path reportsOf(String runbook) {
        return reportDir != null ? reportDir : defaultReportDir(runbook);
    }

    /** Where a run's reports go unless told otherwise: {@code target/rehearse/<runbook>}. */
    private static Path defaultReportDir(String runbook) {
        return Path.of("target", "rehearse", runbook);
    }

    /** The target this runbook runs on: the one asked for, else the sidecar's, else local. */
    public String targetSpec(Runbook runbook) {
        if (target != null) {
            return target;
        }
        String kind = runbook.target().get("kind");
        return kind == null || kind.isBlank() ? "local" : kind;
    }
}
