package dev.rehearse.targets.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadedOutputTest {
    private final byte[] into = new byte[64];

    @Test
    void aReadGetsWhatComesWhileItWaitsAwakeOrAsleep() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        ThreadedOutput output = ThreadedOutput.of(new PipedInputStream(writer), "test-reader");
        writer.write("at once".getBytes(StandardCharsets.UTF_8));
        writer.flush();
        assertEquals("at once", read(output, Duration.ofSeconds(5)));
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(50); // long after a read stops waiting awake
                writer.write("later".getBytes(StandardCharsets.UTF_8));
                writer.close();
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        later.start();
        assertEquals("later", read(output, Duration.ofSeconds(5)));
        assertEquals(-1, output.read(into, Duration.ofSeconds(5).toNanos()), "the end of the stream");
        later.join();
    }

    @Test
    void aReadWithNothingToReadWaitsItsWholeTimeout() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        ThreadedOutput output = ThreadedOutput.of(new PipedInputStream(writer), "test-reader");
        long timeout = Duration.ofMillis(30).toNanos();
        long start = System.nanoTime();
        assertEquals(0, output.read(into, timeout));
        assertTrue(System.nanoTime() - start >= timeout, "returned before its timeout");
        assertEquals(0, output.read(into, 0), "a read that may not wait");
        writer.close();
        output.close();
    }

    private String read(ThreadedOutput output, Duration timeout) {
        int n = output.read(into, timeout.toNanos());
        return new String(into, 0, Math.max(0, n), StandardCharsets.UTF_8);
    }
}
