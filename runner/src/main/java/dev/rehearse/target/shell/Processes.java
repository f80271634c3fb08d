package dev.rehearse.target.shell;

import java.time.Duration;
import java.util.List;

/** Waiting on processes that are not our children (their onExit is slow to notice an end). */
public final class Processes {
    private Processes() {
    }

    /** Returns once none of {@code processes} is alive, or when {@code patience} is up. */
    public static void awaitEnd(List<ProcessHandle> processes, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
