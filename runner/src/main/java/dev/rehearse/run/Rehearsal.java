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
 *                  null for {@link #defaultReportDir(String)}; a step whose output outgrows its limit leaves the whole
 *                  of it there, in {@code output/step-N.log}
 * @param maxOutput how many bytes of a step's output are kept ({@code --max-output}); null for the sidecar's
 *                  {@code max_output}, else 2 MB
 */
public record Rehearsal(String target, Map<String, String> binds, StepSelection selection, boolean keepGoing,
                       TargetOptions targetOptions, Path reportDir, Long maxOutput) {

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
        return new Rehearsal(null, Map.of(), StepSelection.ALL, false, TargetOptions.defaults(), null, null);
    }

    public Rehearsal withTarget(String spec) {
        return new Rehearsal(spec, binds, selection, keepGoing, targetOptions, reportDir, maxOutput);
    }

    public Rehearsal withBinds(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(binds);
        all.putAll(more);
        return new Rehearsal(target, all, selection, keepGoing, targetOptions, reportDir, maxOutput);
    }

    public Rehearsal withSelection(StepSelection steps) {
        return new Rehearsal(target, binds, steps, keepGoing, targetOptions, reportDir, maxOutput);
    }

    public Rehearsal withKeepGoing(boolean keepGoingAfterFail) {
        return new Rehearsal(target, binds, selection, keepGoingAfterFail, targetOptions, reportDir, maxOutput);
    }

    public Rehearsal withTargetOptions(TargetOptions options) {
        return new Rehearsal(target, binds, selection, keepGoing, options, reportDir, maxOutput);
    }

    public Rehearsal withMaxOutput(Long bytes) {
        return new Rehearsal(target, binds, selection, keepGoing, targetOptions, reportDir, bytes);
    }

    public Rehearsal withReportDir(Path dir) {
        return new Rehearsal(target, binds, selection, keepGoing, targetOptions, dir, maxOutput);
    }

    public Rehearsal withKeep(boolean keepTarget) {
        return new Rehearsal(target, binds, selection, keepGoing, targetOptions.withKeep(keepTarget), reportDir,
                maxOutput);
    }

    /**
     * Plans the runbook without a target ({@link #EXAMPLE_FACTS}): what discovery shows, and a check of the
     * sidecar and the bindings before any target is opened.
     *
     * @throws dev.rehearse.guide.BadInput when the runbook, its guide or a binding is wrong
     */
    public Plan preview(Path runbook) {
        Runbook loaded = Runbook.load(runbook);
        return new Planner(EXAMPLE_FACTS, binds).plan(loaded, Guides.BY_FORMAT.read(loaded.guide(), loaded.dir()));
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
                if (!selection.equals(StepSelection.ALL)) {
                    EarlierCaptures.bind(plan, selection, reportsOf(plan.name()), opened.describe()).ifPresent(say);
                    SkippedCaptures.check(plan, selection);
                }
                int steps = plan.steps().size();
                say.accept(plan.name() + ", " + steps + (steps == 1 ? " step" : " steps") + " on " + opened.describe());
                RunReport report = new Runner(opened, selection, keepGoing, listener)
                        .keepingOutput(maxOutput, reportsOf(plan.name())).run(plan, loaded.checks());
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

    /** Where a run's reports go unless told otherwise: {@code <reportsRoot>/<runbook>}. */
    private static Path defaultReportDir(String runbook) {
        return reportsRoot().resolve(runbook);
    }

    /**
     * The folder reports go under unless told otherwise, the same from whatever folder a command runs:
     * {@code $XDG_STATE_HOME/rehearse}, else {@code ~/.local/state/rehearse} (the XDG base directories' place for
     * what a program keeps between runs, such as logs and history), never beside the user's own files.
     */
    public static Path reportsRoot() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && Path.of(state).isAbsolute() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("rehearse");
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
