package dev.rehearse.targets.shell;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A byte pipe to a shell on a terminal: a local PTY, {@code docker exec -it} on a local PTY, an ssh channel
 * with a remote PTY. {@link ShellSession} speaks the session protocol over any of them.
 * Reads from {@link #output()} block; nothing may rely on {@code available()}.
 */
public interface Transport extends AutoCloseable {

    /** what the terminal shows */
    InputStream output();

    /**
     * What the terminal shows, for the session's own thread to read with a time limit: once, as the session starts.
     * By default a thread reads {@link #output()} and hands each piece over.
     */
    default TimedOutput timedOutput() {
        return ThreadedOutput.of(output(), "rehearse-shell-reader");
    }

    /** what is typed */
    OutputStream input();

    /** sets the terminal's window size (programs like psql format to it) */
    void resize(int columns, int rows);

    boolean isOpen();

    /** one line saying why the output ended (the shell exited, the connection was lost ...) */
    String endReason();

    @Override
    void close();
}
