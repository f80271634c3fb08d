package dev.rehearse.targets.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds, among a terminal's processes, one at the front of the terminal that listens on a TCP port: a server the
 * guide started in the foreground ({@code python3 -m http.server}, {@code npm run dev}, {@code jupyter lab}), as
 * {@code /proc} tells: the process's sockets (its file descriptors that are {@code socket:[INODE]}) and the sockets
 * of its network namespace that listen ({@code /proc/PID/net/tcp} and {@code tcp6}, state {@code 0A}). Linux only;
 * where {@code /proc} says nothing (another user's process, gone meanwhile), nothing is found.
 */
public final class TerminalServers {
    /** a TCP socket's state in {@code /proc/net/tcp}: listening */
    private static final String LISTEN = "0A";

    private TerminalServers() {
    }

    /** A program and a TCP port it listens on. */
    public record Listening(String program, int port) {
        /** as a step's note says it: {@code python3, listening on port 8642} */
        public String describe() {
            return program + ", listening on port " + port;
        }
    }

    /** What listens among these processes (this machine's) at the front of their terminal. */
    static List<Listening> among(Iterable<ProcessHandle> processes) {
        List<Listening> found = new ArrayList<>();
        for (ProcessHandle process : processes) {
            Path proc = Path.of("/proc", String.valueOf(process.pid()));
            try {
                String stat = Files.readString(proc.resolve("stat"));
                if (TerminalReaders.Front.of(stat).isEmpty()) {
                    continue;
                }
                Set<Long> sockets = sockets(proc.resolve("fd"));
                if (!sockets.isEmpty()) {
                    found.addAll(listening(stat, sockets, Files.readString(proc.resolve("net/tcp"))
                            + Files.readString(proc.resolve("net/tcp6"))));
                }
            } catch (IOException | RuntimeException goneOrNotOurs) {
                // looked at no further
            }
        }
        return found;
    }

    /**
     * The ports the process listens on, when it is at the front of its terminal; else none.
     *
     * @param stat    its {@code /proc/PID/stat}
     * @param sockets the inodes of its sockets
     * @param tables  its network namespace's {@code /proc/net/tcp} and {@code tcp6}, one after the other
     */
    public static List<Listening> listening(String stat, Set<Long> sockets, String tables) {
        Optional<TerminalReaders.Front> front = TerminalReaders.Front.of(stat);
        List<Listening> found = new ArrayList<>();
        if (front.isEmpty() || sockets.isEmpty()) {
            return found;
        }
        for (String line : tables.split("\n")) {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 10 || !fields[3].equals(LISTEN)) {
                continue;
            }
            try {
                if (sockets.contains(Long.parseLong(fields[9]))) {
                    String address = fields[1];
                    found.add(new Listening(front.get().name(),
                            Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16)));
                }
            } catch (RuntimeException notASocketLine) {
                // the table's heading, or a line of another form
            }
        }
        return found;
    }

    /**
     * The inodes of the sockets among what a process's file descriptors link to ({@code socket:[12345]}, as
     * {@code /proc/PID/fd} gives them; anything else, or null, is no socket).
     */
    public static Set<Long> socketInodes(Stream<String> links) {
        Set<Long> inodes = new HashSet<>();
        links.forEach(link -> {
            long inode = socketInode(link);
            if (inode >= 0) {
                inodes.add(inode);
            }
        });
        return inodes;
    }

    /** The inode of a socket, from what its file descriptor links to ({@code socket:[12345]}); else -1. */
    static long socketInode(String link) {
        if (link == null || !link.startsWith("socket:[") || !link.endsWith("]")) {
            return -1;
        }
        try {
            return Long.parseLong(link.substring("socket:[".length(), link.length() - 1));
        } catch (NumberFormatException notOne) {
            return -1;
        }
    }

    private static Set<Long> sockets(Path fds) throws IOException {
        try (Stream<Path> each = Files.list(fds)) {
            return socketInodes(each.map(TerminalReaders::link));
        }
    }
}
