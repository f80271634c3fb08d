package dev.rehearse.run;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.Faults;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.read.Guides;
import dev.rehearse.read.common.SourceText;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.OpeningStop;
import dev.rehearse.targets.RunStamp;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.Targets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One runbook from its path to its report, as {@code rehearse matrix} runs each value and the JUnit engine each
 * runbook: read the guide, open a fresh target, plan against the target's facts, run, close the target. A target
 * that {@linkplain Targets#opensAlongsideReading opens alongside reading} (the local sandbox, a container) is opened
 * while the guide is read and checked, and closed again when the guide is wrong.
 *
 * @param target    a {@code --target} spec; null for the sidecar's {@code target: kind}, else {@code local}
 * @param binds     {@code NAME=VALUE} as {@code --bind} gives them: sidecar variables or example values
 * @param selection which steps run; the others are SKIP
 * @param keepGoing a FAIL does not skip the steps after it
 * @param targetOptions how the target is opened: kept or not (sandbox, container), how ssh logs in
 * @param reportDir where the run's reports go, and where a {@code --from} run finds what the last one captured;
 *                  null for {@link #reportsOf(String, Guide)}'s default; a step whose output outgrows its limit
 *                  leaves the whole of it there, in {@code output/step-N.log}
 * @param timeout   every step's timeout where the sidecar's {@code steps:} rules set none ({@code --timeout}); null
 *                  for the sidecar's {@code defaults.timeout}, else 5 minutes
 * @param maxOutput how many bytes of a step's output are kept ({@code --max-output}); null for the sidecar's
 *                  {@code max_output}, else 2 MB
 */
public record Rehearsal(String target, Map<String, String> binds, StepSelection selection, boolean keepGoing,
                       TargetOptions targetOptions, Path reportDir, Duration timeout, Long maxOutput) {

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
        return new Rehearsal(null, Map.of(), StepSelection.ALL, false, TargetOptions.defaults(), null, null, null);
    }

    public Rehearsal withTarget(String spec) {
        return new Rehearsal(spec, binds, selection, keepGoing, targetOptions, reportDir, timeout, maxOutput);
    }

    public Rehearsal withBinds(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(binds);
        all.putAll(more);
        return new Rehearsal(target, all, selection, keepGoing, targetOptions, reportDir, timeout, maxOutput);
    }

    public Rehearsal withSelection(StepSelection steps) {
        return new Rehearsal(target, binds, steps, keepGoing, targetOptions, reportDir, timeout, maxOutput);
    }

    public Rehearsal withKeepGoing(boolean keepGoingAfterFail) {
        return new Rehearsal(target, binds, selection, keepGoingAfterFail, targetOptions, reportDir, timeout, maxOutput);
    }

    public Rehearsal withTargetOptions(TargetOptions options) {
        return new Rehearsal(target, binds, selection, keepGoing, options, reportDir, timeout, maxOutput);
    }

    public Rehearsal withReportDir(Path dir) {
        return new Rehearsal(target, binds, selection, keepGoing, targetOptions, dir, timeout, maxOutput);
    }

    public Rehearsal withTimeout(Duration stepTimeout) {
        return new Rehearsal(target, binds, selection, keepGoing, targetOptions, reportDir, stepTimeout, maxOutput);
    }

    public Rehearsal withMaxOutput(Long bytes) {
        return new Rehearsal(target, binds, selection, keepGoing, targetOptions, reportDir, timeout, bytes);
    }

    public Rehearsal withKeep(boolean keepTarget) {
        return new Rehearsal(target, binds, selection, keepGoing, targetOptions.withKeep(keepTarget), reportDir,
                timeout, maxOutput);
    }

    /**
     * Plans the runbook without a target ({@link #EXAMPLE_FACTS}): what discovery shows, and a check of the
     * sidecar and the bindings before any target is opened.
     *
     * @throws dev.rehearse.guide.BadInput when the runbook, its guide or a binding is wrong, or there is no step
     */
    public Plan preview(Path runbook) {
        return preview(draft(Runbook.load(runbook)));
    }

    /**
     * The runbooks found under a folder without the guides among them that show nothing to type and no file to write:
     * the pages of prose of a documentation site, which are no runbooks. A runbook folder (its {@code runbook.yaml})
     * stays, and so does a folder's only guide, and one that cannot be planned, to fail on its own when it runs.
     */
    public List<Path> withoutPagesOfNoStep(List<Path> found) {
        if (found.size() < 2) {
            return found;
        }
        return found.stream().filter(runbook -> !Files.isRegularFile(runbook) || hasSteps(runbook)).toList();
    }

    private boolean hasSteps(Path runbook) {
        try {
            return !planned(draft(Runbook.load(runbook))).steps().isEmpty();
        } catch (BadInput wrong) {
            return true;
        }
    }

    /** The target's opening, started now where it opens while the guide is read; else null. */
    private TargetOpening openingAlongside(String spec, TargetOptions options, RunStamp stamp) {
        return Targets.opensAlongsideReading(spec) && selection.isAll() ? TargetOpening.start(spec, options, stamp)
                : null;
    }

    private static Planner.Draft draft(Runbook loaded) {
        return Planner.draft(loaded, Guides.BY_FORMAT.read(loaded.guide(), loaded.roots()));
    }

    private Plan preview(Planner.Draft draft) {
        return bound(planned(draft));
    }

    /** The draft planned without a target ({@link #EXAMPLE_FACTS}), steps or none, bound or not. */
    private Plan planned(Planner.Draft draft) {
        return new Planner(EXAMPLE_FACTS, binds).plan(draft);
    }

    /**
     * Plans the runbook with the target's own facts (its user, home and host), as a run there would: the target is
     * opened to learn them, then closed (a sandbox given back, a container removed); nothing of the guide runs.
     *
     * @param say where what the target's opening reaped and what was planned for are told
     * @throws dev.rehearse.guide.BadInput when the runbook, its guide, a binding or the target spec is wrong
     */
    public Plan planFor(Runbook loaded, Guide guide, Consumer<String> say) {
        Planner.Draft draft = Planner.draft(loaded, guide);
        // what is wrong without a target is told before one opens; a guide with no step has nothing to plan there
        Plan example = new Planner(EXAMPLE_FACTS, binds).plan(draft);
        if (example.steps().isEmpty()) {
            return example;
        }
        String spec = targetSpec(loaded);
        TargetOptions options = target == null ? sidecarsOptions(targetOptions, loaded, spec) : targetOptions;
        Targets.prepare(spec, options);
        TargetOpening.Opened ready = TargetOpening.open(spec, options, RunStamp.next());
        ready.reaped().forEach(say);
        try (Target opened = ready.target()) {
            Plan plan = new Planner(opened.facts(), binds).plan(draft);
            say.accept("planned for " + opened.describe());
            return plan;
        }
    }

    /** {@code plan}, once it is known to have a step to run and every placeholder bound. */
    private static Plan bound(Plan plan) {
        plan.runnable().requireBound();
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
        return run(runbook, listener, say, new Interruption());
    }

    /**
     * Makes the report folder (and its parents) to know it can be made, and removes the folder itself again: one that
     * cannot be made (under a file, in /proc) is bad input before anything opens, and a guide found wrong leaves no
     * folder. Its parents stay: runs at once (the JUnit engine's) may be making folders beside it.
     */
    /**
     * A report folder a file can be written in, or bad input before any step runs: one that cannot be made, or where
     * nothing can be written (read-only, immutable, a folder of /proc or /sys), was found only when the record
     * was first written, after a step. A folder made to know it is removed again, alone: runs at once (a matrix's
     * jobs) make folders beside it.
     */
    private static void requireWritable(Path folder) {
        boolean there = Files.isDirectory(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            throw new BadInput("--report-dir " + folder, 0, "the folder cannot be made: " + Faults.withCauses(e));
        }
        try {
            Files.delete(Files.createTempFile(folder, ".rehearse-can-write-", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new BadInput("--report-dir " + folder, 0, "no file can be written in it: " + Faults.withCauses(e));
        } finally {
            if (!there) {
                try {
                    Files.deleteIfExists(folder);
                } catch (IOException inUseMeanwhile) {
                    // another run's reports went in meanwhile: it is theirs to keep
                }
            }
        }
    }

    /**
     * As {@link #run(Path, RunListener, Consumer)}, stopped early when {@code stop} is requested: the running step
     * INTERRUPTED, the rest SKIP, the target closed (or kept) as at any end.
     */
    public RunReport run(Path runbook, RunListener listener, Consumer<String> say, Interruption stop) {
        if (reportDir != null && reportDir.toString().isEmpty()) {
            throw new BadInput("--report-dir", 0, "names no folder");
        }
        if (reportDir != null && Files.exists(reportDir) && !Files.isDirectory(reportDir)) {
            // found before any step runs, not when its record is first written
            throw new BadInput("--report-dir " + reportDir, 0, "not a folder: the reports go in a folder");
        }
        if (reportDir != null) {
            requireWritable(reportDir);
        }
        // a stop while the target opens cuts short what the opening waits on (an ssh host that does not answer)
        OpeningStop openingStop = new OpeningStop();
        stop.whenRequested(openingStop::request);
        TargetOptions options = targetOptions.withStop(openingStop);
        RunStamp stamp = RunStamp.next();
        // a target named on the command line is got ready, or opened, while the runbook is read, too; a selection
        // (--from, --only) is checked against the guide's steps before any target opens
        TargetOpening opening = null;
        if (target != null) {
            Targets.prepare(target, options);
            opening = openingAlongside(target, options, stamp);
        }
        Runbook loaded;
        String spec;
        Planner.Draft draft;
        try {
            loaded = Runbook.load(runbook);
            if (timeout != null) {
                loaded = loaded.withTimeout(timeout);
            }
            spec = targetSpec(loaded);
            if (target == null) {
                options = sidecarsOptions(options, loaded, spec);
                Targets.prepare(spec, options);
                opening = openingAlongside(spec, options, stamp);
            }
            draft = draft(loaded);
            // a target still opening (a container's services start) leaves time to check the guide as a target
            // opened after it would: a wrong one is told at once; once the target is open, its plan says the same
            if (opening == null || !opening.isDone()) {
                checkBeforeOpening(draft);
            }
        } catch (RuntimeException | Error wrong) {
            if (opening != null) {
                openingStop.request(); // what it waits on is cut short (a container's start): it is undone at once
                opening.abandon();
            }
            throw wrong;
        }
        TargetOpening.Opened ready;
        try {
            ready = opening != null ? opening.join() : TargetOpening.open(spec, options, stamp);
        } finally {
            openingStop.opened(); // from here on the runner's interruption stops the run
        }
        ready.reaped().forEach(say);
        try (Target opened = ready.target()) {
            // Ctrl-C, unless the caller stops the run itself (stop), ends the JVM without unwinding this thread:
            // the hook closes the target (container, sandbox) then
            Thread closeOnInterrupt = new Thread(opened::close, "rehearse-interrupted");
            Runtime.getRuntime().addShutdownHook(closeOnInterrupt);
            try {
                Plan plan = new Planner(opened.facts(), binds).plan(draft);
                if (opening != null) {
                    selection.checkAgainst(bound(plan).steps().size());
                }
                Path reports = reportsOf(plan.name(), plan.guide());
                EarlierCaptures.Adopted earlier = null;
                if (!selection.isAll()) {
                    earlier = EarlierCaptures.bind(plan, selection, reports, opened.describe(), say)
                            .orElse(null);
                    if (earlier != null) {
                        plan = earlier.plan();
                    }
                    SkippedCaptures.check(plan, selection);
                }
                int steps = plan.steps().size();
                say.accept(plan.name() + ", " + steps + (steps == 1 ? " step" : " steps") + " on " + opened.describe());
                RunReport.Origin origin = new RunReport.Origin(stamp.id(), stamp.startedAt().toString(), stamp.pid(),
                        earlier == null ? null : earlier.id(), earlier == null ? List.of() : earlier.inherited());
                RunReport report = new Runner(opened, selection, keepGoing, listener).interruptibleBy(stop)
                        .recordedAs(origin, earlier == null ? List.of() : earlier.captured())
                        .keepingOriginalsIn(reports.resolve(BACKUPS))
                        .keepingOutput(maxOutput, reports)
                        .run(plan, loaded.checks(), loaded.effects());
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

    /**
     * What is wrong without a target is told before the target starts (a container, a connection), or while it
     * opens: a guide with no step, a binding, a selection outside the plan (which would start a target, skip every
     * step and pass).
     */
    private void checkBeforeOpening(Planner.Draft draft) {
        selection.checkAgainst(preview(draft).steps().size());
    }

    /** The folder under a run's report folder that keeps the originals of the files the run replaced. */
    public static final String BACKUPS = "backups";

    /**
     * Where this rehearsal's reports of {@code runbook}, whose guide is {@code guide}, go: the folder it was given,
     * else {@code <reportsRoot>/<runbook>}, kept to that guide ({@link ReportFolder}).
     */
    public Path reportsOf(String runbook, Guide guide) {
        return reportDir != null ? reportDir : ReportFolder.of(reportsRoot(), runbook, guide);
    }

    /** {@link #reportsOf(String, Guide)} of a run's report. */
    public Path reportsOf(RunReport report) {
        return reportsOf(report.runbook(), report.guide());
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

    /**
     * The sidecar's options for the target it names ({@code target: {kind: container, network: host}}), where the
     * run takes its target from there: a target named on the command line is opened as the command line says.
     */
    private static TargetOptions sidecarsOptions(TargetOptions options, Runbook loaded, String spec) {
        return Targets.withSidecars(options, spec, loaded.target(),
                loaded.sidecar() == null ? loaded.name() : SourceText.display(loaded.sidecar()));
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
