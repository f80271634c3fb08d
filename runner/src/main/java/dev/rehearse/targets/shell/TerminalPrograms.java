package dev.rehearse.targets.shell;

import java.util.stream.Stream;

/**
 * Where the programs a terminal's shell runs can be looked at on this machine, to tell one that waits in a read of
 * the terminal ({@link TerminalReaders}): a local shell's are the descendants of the program on the terminal; a
 * container's, on an engine of this machine, are the container's processes, as {@code docker exec}'s client only
 * passes the terminal on.
 */
@FunctionalInterface
public interface TerminalPrograms {
    /** nowhere to look: the shell runs on another machine */
    TerminalPrograms NONE = client -> Stream.empty();
    /** the program on the terminal runs here with all it starts */
    TerminalPrograms DESCENDANTS = Process::descendants;

    /** @param client the program this process started on the terminal */
    Stream<ProcessHandle> of(Process client);

    /**
     * Those of its programs that this terminal's shell started, where {@link #of} gives others too (a container's
     * other terminals' and services'); as {@link #of} by default.
     */
    default Stream<ProcessHandle> startedBy(Process client) {
        return of(client);
    }
}
