package dev.rehearse.targets.shell;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A shell started early on a real terminal and abandoned before it came up: what a local run does when its guide
 * turns out wrong while its shell starts, just before it hands the run's user back. Nothing of that shell may be
 * left running once {@link EarlyShell#abandon()} returns, or it would go on as the user the next run is given.
 */
class EarlyShellIT {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "TERM", "dumb", "LANG", "C.UTF-8");

    @Test
    void aShellAbandonedWhileItStartsIsGoneWhenAbandonReturns() throws Exception {
        String marker = "rehearse-early-" + UUID.randomUUID();
        // a "login shell" that never answers the session's handshake, with a child of its own
        EarlyShell early = EarlyShell.start(() -> PtyTransport.start(List.of("bash", "--norc", "--noprofile", "-c",
                "sleep 60; : " + marker), ENV, Path.of("/tmp"), 80, 24, TerminalPrograms.NONE), ShellSettings.DEFAULT);
        ProcessHandle shell = await(() -> ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.endsWith(": " + marker)).orElse(false))
                .findFirst(), "the early shell");
        List<ProcessHandle> its = await(() -> Optional.of(shell.children().toList()).filter(c -> !c.isEmpty()),
                "the shell's sleep");

        early.abandon();

        // an orphan's zombie, until init reaps it, runs nothing
        assertFalse(Processes.running(shell), "the shell still runs after abandon() returned");
        its.forEach(child -> assertFalse(Processes.running(child), "its child still runs: " + child.info()));
        assertEquals(null, early.take(), "an abandoned shell that never came up is no shell");
    }

    /** What {@code look} finds, looked for every 20 ms for up to 10 s. */
    private static <T> T await(Supplier<Optional<T>> look, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = look.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError(what + " did not start within 10 s");
    }
}
