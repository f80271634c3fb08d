package dev.rehearse.targets.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Waiting on processes that are not our children (their onExit is slow to notice an end). */
public final class Processes {
    private Processes() {
    }

    /** Returns once none of {@code processes} is alive, or when {@code patience} is up. */
    public static void awaitEnd(List<ProcessHandle> processes, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (processes.stream().anyMatch(Processes::running) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
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
