package dev.rehearse.targets.shell;

/**
 * What a terminal shows, read by the thread that runs the command, each read waiting at most a given time: the
 * session needs no thread of its own to wait on the terminal and hand each piece over.
 */
public interface TimedOutput extends AutoCloseable {

    /**
     * @param into    where the bytes go
     * @param timeout the longest wait in nanoseconds; 0 looks without waiting
     * @return the bytes read (more than 0); 0 when the time passed first or {@link #wake()} was called; -1 once the
     * output has ended
     */
    int read(byte[] into, long timeout);

    /** Makes the read under way, or else the next one, return 0 at once: any thread may call it. */
    void wake();

    /** Stops what serves the reads; the transport itself is closed on its own. */
    @Override
    void close();
}
