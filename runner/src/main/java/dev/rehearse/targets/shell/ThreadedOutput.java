package dev.rehearse.targets.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TimedOutput} over a stream whose reads can only block (an ssh channel's, a pipe's): a thread of its own reads it
 * and hands each piece over through a queue. A fast printer waits once the queue is full, rather than fill the heap.
 */
public final class ThreadedOutput implements TimedOutput {
    private static final byte[] END = new byte[0];
    private static final byte[] WAKE_UP = new byte[0];
    /** pieces of up to 8 K waiting for the reader */
    private static final int QUEUED = 256;
    /** nanoseconds a read waits awake for the next piece, before it sleeps until it comes (see {@link #nextPiece}) */
    private static final long AWAKE = Runtime.getRuntime().availableProcessors() > 1 ? 100_000 : 0;

    private final BlockingQueue<byte[]> pieces = new LinkedBlockingQueue<>(QUEUED);
    private volatile boolean closed;
    /** the piece being read, from {@link #at} on */
    private byte[] piece;
    private int at;
    private boolean ended;

    private ThreadedOutput() {
    }

    /** Starts reading {@code stream} on a thread of its own. */
    public static ThreadedOutput of(InputStream stream, String threadName) {
        ThreadedOutput output = new ThreadedOutput();
        Thread reader = new Thread(() -> output.pump(stream), threadName);
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void pump(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                if (n > 0 && !queue(Arrays.copyOf(buffer, n))) {
                    return;
                }
            }
        } catch (IOException e) {
            // a terminal reports its hang-up as an I/O error: it is the end of the output all the same
        } finally {
            queue(END);
        }
    }

    /** Hands a piece on, waiting while the queue is full; false once closed. */
    private boolean queue(byte[] next) {
        try {
            while (!pieces.offer(next, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public int read(byte[] into, long timeout) {
        if (into.length == 0) {
            return 0;
        }
        if (piece == null && !ended) {
            try {
                byte[] next = nextPiece(Math.max(0, timeout));
                if (next == END) {
                    ended = true;
                } else if (next != null && next != WAKE_UP) {
                    piece = next;
                    at = 0;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = true;
            }
        }
        if (piece == null) {
            return ended ? -1 : 0;
        }
        int n = Math.min(into.length, piece.length - at);
        System.arraycopy(piece, at, into, 0, n);
        at += n;
        if (at == piece.length) {
            piece = null;
        }
        return n;
    }

    /**
     * The next piece, waiting for it awake for a moment before asleep: a quick command's output, and the shell's
     * sentinel after it, come within that moment, where waking a sleeping thread for each piece costs a quick step
     * twice over. Awake, it yields its core to whatever else is ready to run there: what it waits for is the work
     * of others (the shell, util-linux's script, this reader's thread), which a busy wait kept from a core of a small
     * machine. Never awake on one core, where it would keep the shell from running.
     */
    private byte[] nextPiece(long timeout) throws InterruptedException {
        long start = System.nanoTime();
        byte[] next = pieces.poll();
        while (next == null && System.nanoTime() - start < Math.min(AWAKE, timeout)) {
            Thread.yield();
            next = pieces.poll();
        }
        return next != null ? next : pieces.poll(Math.max(0, timeout - (System.nanoTime() - start)),
                TimeUnit.NANOSECONDS);
    }

    @Override
    public void wake() {
        pieces.offer(WAKE_UP);
    }

    @Override
    public void close() {
        closed = true;
    }
}
