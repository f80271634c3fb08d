package dev.rehearse.targets.shell;

import com.pty4j.unix.PtyHelpers;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.nio.ByteOrder;

/**
 * The master side of a terminal, read and written with direct native calls on a descriptor of its own (a
 * {@code dup} of pty4j's). pty4j's own streams go through JNA's reflective interface mapping, and its reads build
 * a poll structure each time: for a step that prints one line, that cost more than bash took to run it.
 * <p>
 * A read waits in {@code poll} on the terminal and on a pipe of its own, so that {@link #close()} wakes a reader
 * up at once (no read blocked forever on a terminal some escaped process still holds), and so does
 * {@link #nudge()}, for a read with a time limit. The descriptors are closed once the last read or write under way
 * has returned: never under a call that uses them.
 */
final class PtyMaster {
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    /** a {@code struct pollfd}'s {@code short events, revents} as one int: POLLIN asked, nothing returned yet */
    private static final int POLLIN = LITTLE_ENDIAN ? 1 : 1 << 16;
    private static final int EINTR = 4;
    private static final int EAGAIN = Platform.isMac() ? 35 : 11;
    private static final int BUFFER = 8192;

    /** libc, bound once by direct mapping: a native method per call, no proxy, no argument conversion */
    private static final class LibC {
        static {
            Native.register(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static native int dup(int fd);

        static native int pipe(int[] fds);

        static native int close(int fd);

        static native long read(int fd, byte[] buffer, long count);

        static native long write(int fd, byte[] buffer, long count);

        /** {@code fds}: {@code struct pollfd}s as ints, {@code fd} then {@code events} and {@code revents} */
        static native int poll(int[] fds, long count, int timeout);
    }

    private final Object lock = new Object();
    private final int fd;
    /** read end, write end: a byte written wakes the reader */
    private final int[] wake = new int[2];
    private final byte[] readBuffer = new byte[BUFFER];
    private final byte[] nudges = new byte[8];
    private final byte[] writeBuffer = new byte[BUFFER];
    /** reads and writes under way */
    private int users;
    private boolean closing;
    private boolean released;
    /** a nudge's byte is in the pipe: one is enough, and the pipe must never fill */
    private boolean nudged;

    /**
     * Binds libc and pty4j's own native calls now rather than at the first terminal: JNA builds its type tables then.
     * A terminal made meanwhile waits for the binding to finish (the classes' initialisation).
     */
    static void bindNativeCalls() {
        NativeLibraries.useCache();
        try {
            MethodHandles.lookup().ensureInitialized(LibC.class);
            // pty4j's own binding, which starts the terminal's process
            PtyHelpers.getInstance();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param masterFd the terminal's master descriptor; this object works on a duplicate, closed by {@link #close()} */
    PtyMaster(int masterFd) throws IOException {
        fd = LibC.dup(masterFd);
        if (fd < 0) {
            throw new IOException("cannot duplicate the terminal's descriptor (errno " + Native.getLastError() + ")");
        }
        if (LibC.pipe(wake) != 0) {
            int errno = Native.getLastError();
            LibC.close(fd);
            throw new IOException("cannot make a pipe (errno " + errno + ")");
        }
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] from, int off, int len) throws IOException {
                PtyMaster.this.write(from, off, len);
            }
        };
    }

    /** Reads with a time limit, woken by {@link #nudge()}. */
    TimedOutput timedOutput() {
        return new TimedOutput() {
            @Override
            public int read(byte[] into, long timeout) {
                // poll counts milliseconds: a wait is rounded up, never cut short into a busy loop
                long millis = Math.min(Integer.MAX_VALUE, (Math.max(0, timeout) + 999_999) / 1_000_000);
                return PtyMaster.this.read(into, (int) millis);
            }

            @Override
            public void wake() {
                nudge();
            }

            @Override
            public void close() {
                // the terminal is closed with its transport
            }
        };
    }

    /**
     * Waits up to {@code timeoutMillis} for output: the bytes read; 0 when the time passed or a {@link #nudge()}
     * came first; -1 once the terminal is hung up (every process on it gone) or this is closed. One reader at a
     * time.
     */
    private int read(byte[] into, int timeoutMillis) {
        if (into.length == 0) {
            return 0;
        }
        if (!enter()) {
            return -1;
        }
        try {
            while (true) {
                int[] fds = {fd, POLLIN, wake[0], POLLIN};
                int ready = LibC.poll(fds, 2, timeoutMillis);
                if (ready < 0) {
                    int errno = Native.getLastError();
                    // the caller counts its own time: a wait cut short is no end
                    return errno == EINTR || errno == EAGAIN ? 0 : -1;
                }
                if (ready == 0) {
                    return 0;
                }
                if (revents(fds[3]) != 0) {
                    return woken() ? 0 : -1;
                }
                if (revents(fds[1]) == 0) {
                    continue;
                }
                long n = LibC.read(fd, readBuffer, Math.min(into.length, readBuffer.length));
                if (n > 0) {
                    System.arraycopy(readBuffer, 0, into, 0, (int) n);
                    return (int) n;
                }
                // a hung-up terminal reads as an error (EIO) or nothing at all: either is its end
                if (n < 0 && Native.getLastError() == EINTR) {
                    continue;
                }
                return -1;
            }
        } finally {
            leave();
        }
    }

    /** The wake-up pipe was readable: true for a nudge (its byte taken out), false when this is closing. */
    private boolean woken() {
        synchronized (lock) {
            if (closing) {
                return false;
            }
            nudged = false;
            LibC.read(wake[0], nudges, nudges.length);
            return true;
        }
    }

    /** Makes the read under way, or the next, return 0 at once. */
    void nudge() {
        synchronized (lock) {
            if (!closing && !nudged) {
                nudged = true;
                LibC.write(wake[1], new byte[1], 1);
            }
        }
    }

    private void write(byte[] from, int off, int len) throws IOException {
        if (!enter()) {
            throw new IOException("the terminal is closed");
        }
        try {
            synchronized (writeBuffer) {
                for (int done = 0; done < len; ) {
                    int chunk = Math.min(len - done, writeBuffer.length);
                    System.arraycopy(from, off + done, writeBuffer, 0, chunk);
                    long n = LibC.write(fd, writeBuffer, chunk);
                    if (n < 0) {
                        int errno = Native.getLastError();
                        if (errno == EINTR || errno == EAGAIN) {
                            continue;
                        }
                        throw new IOException("cannot write to the terminal (errno " + errno + ")");
                    }
                    done += (int) n;
                }
            }
        } finally {
            leave();
        }
    }

    /** the {@code revents} half of a {@code struct pollfd}'s second int */
    private static int revents(int eventsAndRevents) {
        return LITTLE_ENDIAN ? eventsAndRevents >>> 16 : eventsAndRevents & 0xffff;
    }

    private boolean enter() {
        synchronized (lock) {
            if (closing) {
                return false;
            }
            users++;
            return true;
        }
    }

    private void leave() {
        synchronized (lock) {
            users--;
            releaseWhenUnused();
        }
    }

    /** Wakes a reader up and closes the descriptors once no read or write uses them. Closing twice is harmless. */
    void close() {
        synchronized (lock) {
            if (!closing) {
                closing = true;
                LibC.write(wake[1], new byte[1], 1);
            }
            releaseWhenUnused();
        }
    }

    private void releaseWhenUnused() {
        if (closing && users == 0 && !released) {
            released = true;
            LibC.close(fd);
            LibC.close(wake[0]);
            LibC.close(wake[1]);
        }
    }
}
