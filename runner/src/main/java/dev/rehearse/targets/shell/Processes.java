package dev.rehearse.targets.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Waiting on processes that are not our children (their onExit is slow to notice an end). */
public final class Processes {
    /** the longest pause between two looks */
    private static final long MAX_PAUSE_MS = 20;

    private Processes() {
    }

    /**
     * Returns once none of {@code processes} is alive, or when {@code patience} is up. Looks again after 1 ms, then
     * twice as long each time up to 20 ms: a process sent SIGKILL is gone within a millisecond or two, and a fixed
     * 20 ms pause made every close wait that long.
     */
    public static void awaitEnd(List<ProcessHandle> processes, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 1;
        while (processes.stream().anyMatch(Processes::running) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(MAX_PAUSE_MS, pause * 2);
        }
    }

    /** alive and not a zombie: an orphan's zombie lasts until init reaps it, but it runs nothing */
    public static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return !Files.exists(Path.of("/proc/self"));
        }
    }
}
