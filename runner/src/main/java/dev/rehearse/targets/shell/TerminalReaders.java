package dev.rehearse.targets.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, among a terminal's processes on this machine, one at the front of the terminal (its foreground process
 * group) that waits in a read of a terminal, as {@code /proc} tells: the process's state, its group and the
 * terminal's, the system call it waits in and what the file it reads is. A read of the terminal is how a program
 * waits for someone to type; where it printed no question first, only this tells the wait from a silent
 * computation. Linux only, on x86-64 and arm64 (the system calls' numbers differ by architecture); elsewhere, and
 * where {@code /proc} says nothing (a process of another user, gone meanwhile), nothing is found. A program that
 * passes the terminal on to one elsewhere ({@code docker run -it}, {@code kubectl exec -it}, a serial console)
 * reads it all the time while that one works: it is not counted.
 */
final class TerminalReaders {
    /** read, readv and pread64, by architecture */
    private static final Set<Long> READS = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> Set.of(0L, 19L, 17L);
        case "aarch64", "arm64" -> Set.of(63L, 65L, 67L);
        default -> Set.of();
    };

    /** programs that pass what is typed on to another (by their names as {@code /proc} gives them, 15 characters) */
    private static final Set<String> PASSING_ON = Set.of("docker", "podman", "nerdctl", "kubectl", "oc", "crictl",
            "lxc", "incus", "machinectl", "ssh", "mosh-client", "telnet", "nc", "ncat", "socat", "screen", "tmux",
            "tmux: client", "script", "minicom", "picocom", "expect");

    private TerminalReaders() {
    }

    /** The name of the first of these processes that waits in a read of a terminal at the front of it. */
    static Optional<String> among(Iterable<ProcessHandle> processes) {
        if (READS.isEmpty()) {
            return Optional.empty();
        }
        for (ProcessHandle process : processes) {
            Optional<String> reader = readerName(process.pid());
            if (reader.isPresent()) {
                return reader;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> readerName(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"));
            int close = stat.lastIndexOf(')');
            String name = stat.substring(stat.indexOf('(') + 1, close);
            // after the name: state, ppid, pgrp, session, tty_nr, tpgid (the terminal's foreground group)
            String[] fields = stat.substring(close + 2).split(" ");
            if (!fields[0].equals("S") || !fields[2].equals(fields[5]) || PASSING_ON.contains(name)) {
                return Optional.empty();
            }
            // the system call it waits in, then its arguments: a read's first is the file descriptor
            String[] call = Files.readString(proc.resolve("syscall")).strip().split(" ");
            if (call.length < 2 || !READS.contains(Long.parseLong(call[0]))) {
                return Optional.empty();
            }
            String file = Files.readSymbolicLink(proc.resolve("fd").resolve(String.valueOf(Long.decode(call[1]))))
                    .toString();
            return file.startsWith("/dev/pts/") || file.equals("/dev/tty") ? Optional.of(name) : Optional.empty();
        } catch (IOException | RuntimeException goneOrNotOurs) {
            return Optional.empty();
        }
    }
}
