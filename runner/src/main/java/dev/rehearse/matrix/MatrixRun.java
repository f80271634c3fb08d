package dev.rehearse.matrix;

import dev.rehearse.guide.BadInput;
import dev.rehearse.model.Faults;
import dev.rehearse.plan.Plan;
import dev.rehearse.run.Interruption;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.ReportedRun;
import dev.rehearse.run.RunsListener;
import dev.rehearse.run.Shard;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one runbook once per value of a variable, each run on a fresh target with the binding NAME=VALUE, up to
 * {@code jobs} at a time, each run's reports in {@code DIR/NAME=VALUE/}; then writes the comparison
 * ({@link MatrixReport}) into {@code DIR}. With a {@link Shard}, only that slice of the values runs, and the
 * comparison is of that slice: {@link MatrixMerge} joins the shards' folders into the whole.
 */
public final class MatrixRun {
    /** stops the run under way and keeps the rest from starting (Ctrl-C, SIGTERM) */
    private Interruption stop = new Interruption();

    private final Path runbook;
    private final Variation variation;
    private final Rehearsal rehearsal;
    private final int jobs;
    private final Shard shard;

    /**
     * @param rehearsal how every run goes (target, further bindings, keep-going); the variable is bound on top
     * @param jobs      how many runs at a time, at least 1
     * @param shard     which of the values this process runs ({@link Shard#WHOLE}: all)
     */
    public MatrixRun(Path runbook, Variation variation, Rehearsal rehearsal, int jobs, Shard shard) {
        if (jobs < 1) {
            throw new BadInput("--jobs", 0, "'" + jobs + "' is not a number of parallel runs (1, 2, ...)");
        }
        this.runbook = runbook;
        this.variation = variation;
        this.rehearsal = rehearsal;
        this.jobs = jobs;
        this.shard = shard;
    }

    /** This run of runs, stopped by {@code stop}. */
    public MatrixRun interruptibleBy(Interruption stop) {
        this.stop = stop;
        return this;
    }

    /**
     * Plans every value first, so that a wrong runbook or an unsafe value is bad input before any target starts (in
     * every shard alike, whichever values it runs); then runs this shard's values.
     *
     * @param dir where the runs' folders and the matrix's own files go
     * @throws BadInput when the runbook, a value or the target spec is wrong
     */
    public MatrixResult run(Path dir, RunsListener listener) throws IOException {
        long started = System.nanoTime();
        Plan plan = null;
        for (String value : variation.values()) {
            try {
                plan = forValue(value).preview(runbook);
            } catch (BadInput e) {
                // the variable came with --vary, not --bind: the line names what the user typed
                if (e.file().equals("--bind " + variation.name())) {
                    throw new BadInput("--vary " + variation.name(), 0, e.problem());
                }
                throw e;
            }
        }
        List<String> values = shard.of(variation.values(), value -> value);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, values.size())), r -> {
            Thread t = new Thread(r, "rehearse-matrix");
            t.setDaemon(true);
            return t;
        });
        List<Future<ValueRun>> futures = new ArrayList<>();
        try {
            for (String value : values) {
                futures.add(pool.submit(() -> runOne(value, dir.resolve(variation.label(value)), listener)));
            }
            List<ValueRun> runs = new ArrayList<>();
            for (Future<ValueRun> future : futures) {
                runs.add(await(future));
            }
            String title = plan.guide().title() != null ? plan.guide().title() : plan.name();
            MatrixResult result = new MatrixResult(plan.name(), title, variation, shard, runs,
                    Duration.ofNanos(System.nanoTime() - started));
            MatrixReport.writeAll(result, dir);
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private Rehearsal forValue(String value) {
        Variation.Setting setting = variation.setting(value);
        Rehearsal run = setting.target() != null ? rehearsal.withTarget(setting.target()) : rehearsal;
        return run.withBinds(setting.binds());
    }

    private ValueRun runOne(String value, Path dir, RunsListener listener) throws IOException {
        String label = variation.label(value);
        ReportedRun run = ReportedRun.of(forValue(value), runbook, dir, () -> listener.runStarted(label), false,
                stop);
        ValueRun done = new ValueRun(value, dir, run.report(), run.error());
        listener.runFinished(label, run);
        return done;
    }

    private static ValueRun await(Future<ValueRun> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the matrix ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw Faults.thrownBy(e);
        }
    }
}
