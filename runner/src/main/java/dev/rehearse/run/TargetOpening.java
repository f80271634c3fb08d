package dev.rehearse.run;

import dev.rehearse.model.Faults;
import dev.rehearse.targets.RunStamp;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.Targets;

import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * A run's target opened on a thread of its own while the run reads and checks its guide: making the sandbox's user
 * or starting a container takes about as long as reading a guide, and neither needs the other. What runs left
 * behind is reaped first, on that thread too (or beside it: {@link #open}).
 */
final class TargetOpening {
    /** the target opened, and one line for each leftover reaped before */
    record Opened(Target target, List<String> reaped) {
    }

    private final FutureTask<Opened> task;

    private TargetOpening(FutureTask<Opened> task) {
        this.task = task;
    }

    /** @param stamp the run's, which the target opened carries */
    static TargetOpening start(String spec, TargetOptions options, RunStamp stamp) {
        FutureTask<Opened> task = new FutureTask<>(() -> open(spec, options, stamp));
        Thread opener = new Thread(task, "rehearse-open");
        opener.setDaemon(true);
        opener.start();
        return new TargetOpening(task);
    }

    /**
     * Reaps what runs left behind, then opens the target, on this thread; where the provider allows, the reaping
     * runs on a thread of its own meanwhile, and is waited for either way.
     */
    static Opened open(String spec, TargetOptions options, RunStamp stamp) {
        if (!Targets.reapsAlongsideOpening(spec)) {
            List<String> reaped = Targets.reapLeftovers(spec, options);
            return new Opened(Targets.open(spec, options.withStamp(stamp)), reaped);
        }
        FutureTask<List<String>> reaping = new FutureTask<>(() -> Targets.reapLeftovers(spec, options));
        Thread reaper = new Thread(reaping, "rehearse-reap");
        reaper.setDaemon(true);
        reaper.start();
        Target target;
        try {
            target = Targets.open(spec, options.withStamp(stamp));
        } catch (RuntimeException | Error notOpened) {
            try {
                Faults.awaited(reaping);
            } catch (RuntimeException | Error reapingFailedToo) {
                // the opening's error is the one to tell
            }
            throw notOpened;
        }
        try {
            return new Opened(target, Faults.awaited(reaping));
        } catch (RuntimeException | Error reapingFailed) {
            try {
                target.close();
            } catch (RuntimeException notClosed) {
                reapingFailed.addSuppressed(notClosed);
            }
            throw reapingFailed;
        }
    }

    /** Whether the opening has ended, the target open or not. */
    boolean isDone() {
        return task.isDone();
    }

    /** Waits for the target; what opening it threw is thrown here, as it would have been on this thread. */
    Opened join() {
        return Faults.awaited(task);
    }

    /** The run will not go on (its guide is wrong): closes the target once it is open, whatever opening it said. */
    void abandon() {
        try {
            join().target().close();
        } catch (RuntimeException openingFailedToo) {
            // the run's own error is the one to tell
        }
    }
}
