package dev.rehearse.targets.shell;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * A byte pipe to a shell on a terminal: a local PTY, {@code docker exec -it} on a local PTY, an ssh channel
 * with a remote PTY. {@link ShellSession} speaks the session protocol over any of them.
 * Reads from {@link #output()} block; nothing may rely on {@code available()}.
 */
public interface Transport extends AutoCloseable {

    /**
     * What the terminal shows, read by the session's own thread with a time limit. A stream that can only block
     * is read through {@link ThreadedOutput}.
     */
    TimedOutput output();

    /** what is typed */
    OutputStream input();

    boolean isOpen();

    /** one line saying why the output ended (the shell exited, the connection was lost ...) */
    String endReason();

    /**
     * The name of a program at the front of the terminal that waits in a read of a terminal without having asked
     * anything ({@code cat}, a {@code read} with no prompt), where the transport sees the processes on its terminal
     * (a local shell, a container of this machine's engine, an ssh host's marked processes); empty where none
     * does, or where it cannot tell.
     *
     * @param shellCounts whether the terminal's login shell counts ({@link TerminalReaders#shellReads})
     */
    default Optional<String> silentReader(boolean shellCounts) {
        return Optional.empty();
    }

    /**
     * What listens on a TCP port among the programs at the front of the terminal, where the transport sees the
     * processes on its terminal; none where it cannot tell.
     */
    default List<TerminalServers.Listening> listening() {
        return List.of();
    }

    @Override
    void close();
}
