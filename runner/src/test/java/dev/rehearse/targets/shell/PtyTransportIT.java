package dev.rehearse.targets.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real process on a real terminal (util-linux's script): what it prints, what is typed, and how a read ends. */
class PtyTransportIT {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "TERM", "dumb", "LANG", "C.UTF-8");

    private static PtyTransport start(String script) {
        return PtyTransport.start(List.of("bash", "--norc", "--noprofile", "-c", script), ENV, Path.of("/tmp"), 80, 24,
                TerminalPrograms.NONE);
    }

    /** script runs the program through a shell's command line: every word must arrive as it was, never as syntax. */
    @Test
    void theProgramsWordsArriveAsTheyAreOnTheTerminalOfTheGivenSize() throws Exception {
        String hostile = "it's $(echo INJECTED) `echo INJECTED` \"; echo INJECTED; '";
        PtyTransport shell = PtyTransport.start(List.of("bash", "--norc", "--noprofile", "-c",
                "stty size; printf '<%s>\\n' \"$1\"; sleep 30", "bash", hostile), ENV, Path.of("/tmp"), 97, 31,
                TerminalPrograms.NONE);
        try {
            String shown = readUntil(shell.output(), ">");
            assertTrue(shown.contains("31 97"), "the window's size: " + shown);
            assertTrue(shown.contains("<" + hostile + ">"), shown);
            assertFalse(shown.replace(hostile, "").contains("INJECTED"), shown);
        } finally {
            shell.close();
        }
    }

    @Test
    void whatIsTypedReachesTheProgramAndWhatItPrintsComesBack() throws Exception {
        PtyTransport cat = start("stty -echo; echo ready; read line; echo \"got $line\"; sleep 30");
        try {
            assertTrue(readUntil(cat.output(), "ready").contains("ready"));
            cat.input().write("héllo\n".getBytes(StandardCharsets.UTF_8));
            cat.input().flush();
            assertTrue(readUntil(cat.output(), "got héllo").contains("got héllo"));
        } finally {
            cat.close();
        }
    }

    @Test
    void aReadEndsWhenTheTerminalIsHungUp() throws Exception {
        PtyTransport shortLived = start("echo bye");
        try {
            TimedOutput out = shortLived.output();
            CompletableFuture<String> all = CompletableFuture.supplyAsync(() -> readToEnd(out));
            assertTrue(all.get(10, TimeUnit.SECONDS).contains("bye"));
        } finally {
            shortLived.close();
        }
    }

    /**
     * A process that escaped the shell's descendants (a daemon that double-forked) still holds the terminal after
     * close: the read blocked on it must end all the same, or the reader thread and the terminal leak.
     */
    @Test
    void closingEndsABlockedReadWhileAnEscapedProcessStillHoldsTheTerminal() throws Exception {
        PtyTransport shell = start("(setsid sleep 30 & echo \"escaped $!\"); sleep 30");
        String pid = null;
        try {
            String said = readUntil(shell.output(), "\n");
            pid = said.replaceAll("(?s).*escaped (\\d+).*", "$1");
            TimedOutput out = shell.output();
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readToEnd(out));
            Thread.sleep(200);
            shell.close();
            rest.get(5, TimeUnit.SECONDS);
            assertThrows(IOException.class, () -> shell.input().write('x'), "no write after close");
        } finally {
            shell.close();
            if (pid != null && pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /**
     * The session reads on its own thread with a time limit: a read returns what came, 0 when the time passed or a
     * wake-up came first (from another thread, at once rather than at the limit), -1 once the terminal is closed.
     */
    @Test
    void aTimedReadReturnsOutputNothingAfterItsTimeAWakeUpAtOnceAndTheEndAfterClose() throws Exception {
        PtyTransport shell = start("stty -echo; read line; echo \"got $line\"; sleep 30");
        TimedOutput screen = shell.output();
        try {
            byte[] buffer = new byte[1024];
            long started = System.nanoTime();
            assertEquals(0, screen.read(buffer, TimeUnit.MILLISECONDS.toNanos(300)));
            assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(300), "waited its time");

            CompletableFuture<Integer> woken = CompletableFuture.supplyAsync(
                    () -> screen.read(buffer, TimeUnit.SECONDS.toNanos(30)));
            Thread.sleep(200);
            started = System.nanoTime();
            screen.wake();
            assertEquals(0, woken.get(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "woken, not timed out");

            shell.input().write("x\n".getBytes(StandardCharsets.UTF_8));
            shell.input().flush();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains("got x")) {
                int n = screen.read(buffer, TimeUnit.SECONDS.toNanos(10));
                assertTrue(n > 0, "output within 10 s: " + seen);
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }

            CompletableFuture<Integer> ended = CompletableFuture.supplyAsync(
                    () -> screen.read(buffer, TimeUnit.SECONDS.toNanos(30)));
            Thread.sleep(200);
            shell.close();
            assertEquals(-1, ended.get(5, TimeUnit.SECONDS));
            assertEquals(-1, screen.read(buffer, 0), "ended for good");
        } finally {
            shell.close();
        }
    }

    private static String readUntil(TimedOutput in, String wanted) {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[1024];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.toString().contains(wanted) && System.nanoTime() < deadline) {
            int n = in.read(buffer, deadline - System.nanoTime());
            if (n < 0) {
                break;
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        assertTrue(seen.toString().contains(wanted), "never printed " + wanted + ": " + seen);
        return seen.toString();
    }

    /** Everything up to the end of the output, however long it takes. */
    private static String readToEnd(TimedOutput in) {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[1024];
        for (int n; (n = in.read(buffer, TimeUnit.SECONDS.toNanos(60))) >= 0; ) {
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }

    @Test
    void aReadOfNothingReturnsAtOnce() throws Exception {
        PtyTransport idle = start("sleep 30");
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertEquals(0, idle.output().read(new byte[0], TimeUnit.SECONDS.toNanos(30))));
        } finally {
            idle.close();
        }
    }
}
