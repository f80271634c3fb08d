package dev.rehearse.targets.container;

import dev.rehearse.targets.shell.TerminalMarks;
import dev.rehearse.targets.shell.TerminalPrograms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A container's processes as this machine's {@code /proc} shows them, where its engine runs on this machine: those
 * in the process namespace of its first process. The shell {@code docker exec -it} starts there is no descendant of
 * the client here, which only passes the terminal on. An engine elsewhere ({@code DOCKER_HOST=tcp://...}) gives
 * the number of a process of its own machine: the process of that number here is no process of the container (its
 * control group does not name it), and nothing is looked at.
 */
final class ContainerProcesses implements TerminalPrograms {
    private final String containerId;
    private final long firstPid;
    /** the mark in the environment of the terminal's shell ({@link TerminalMarks}) */
    private final String mark;

    ContainerProcesses(String containerId, long firstPid, String mark) {
        this.containerId = containerId;
        this.firstPid = firstPid;
        this.mark = mark;
    }

    @Override
    public Stream<ProcessHandle> of(Process client) {
        String namespace = namespace(firstPid);
        if (namespace == null || namespace.equals(namespace(ProcessHandle.current().pid())) || !isTheContainers()) {
            return Stream.empty();
        }
        return ProcessHandle.allProcesses().filter(p -> namespace.equals(namespace(p.pid())));
    }

    /** The container's processes that carry the mark of this terminal's shell: not another terminal's. */
    @Override
    public Stream<ProcessHandle> startedBy(Process client) {
        return of(client).filter(p -> TerminalMarks.carries(p.pid(), mark));
    }

    private boolean isTheContainers() {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(firstPid), "cgroup")).contains(containerId);
        } catch (IOException | RuntimeException goneOrNotHere) {
            return false;
        }
    }

    /** the process namespace of {@code pid}, or null where /proc does not say (gone, not Linux) */
    private static String namespace(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "ns", "pid")).toString();
        } catch (IOException | RuntimeException goneOrNotHere) {
            return null;
        }
    }
}
