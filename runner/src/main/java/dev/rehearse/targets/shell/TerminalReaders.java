package dev.rehearse.targets.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * Finds, among a terminal's processes, one at the front of the terminal (its foreground process group) that waits
 * in a read of a terminal, as {@code /proc} tells: the process's state, its group and the terminal's, the system
 * call it waits in and what the file it reads (or, in a select, watches) is. A read of the terminal is how a program
 * waits for someone to type, or a select of it, as a line editor does (of standard input) and GnuPG (of the
 * {@code /dev/tty} it opened); where it printed no question first, only this tells the wait from a silent
 * computation. Linux only, on
 * x86-64 and arm64 (the system calls' numbers differ by architecture); elsewhere, and where {@code /proc} says
 * nothing (a process of another user, gone meanwhile), nothing is found. A program that passes the terminal on to
 * one elsewhere ({@code docker run -it}, {@code kubectl exec -it}, a serial console) reads it all the time while
 * that one works: it is not counted.
 */
public final class TerminalReaders {
    /** programs that pass what is typed on to another (by their names as {@code /proc} gives them, 15 characters) */
    private static final Set<String> PASSING_ON = Set.of("docker", "podman", "nerdctl", "kubectl", "oc", "crictl",
            "lxc", "incus", "machinectl", "ssh", "mosh-client", "telnet", "nc", "ncat", "socat", "screen", "tmux",
            "tmux: client", "script", "minicom", "picocom", "expect");
    private static final WaitCalls HERE = calls(System.getProperty("os.arch"));

    private TerminalReaders() {
    }

    /**
     * The system calls a program waits for input in, by their numbers on one architecture: the reads (read, readv,
     * pread64), whose first argument is the file descriptor, and the selects (select, pselect6), whose first is one
     * more than the highest descriptor watched, the one counted: 1 watches standard input alone, as a line editor
     * waits ({@code bc}); 4 the terminal GnuPG opened as descriptor 3 to ask on.
     */
    public record WaitCalls(Set<Long> reads, Set<Long> selects) {
        boolean known() {
            return !reads.isEmpty();
        }
    }

    /** The calls of a machine of that architecture (as Java or {@code uname -m} names it); none where not known. */
    public static WaitCalls calls(String architecture) {
        return switch (architecture) {
            case "amd64", "x86_64" -> new WaitCalls(Set.of(0L, 19L, 17L), Set.of(23L, 270L));
            case "aarch64", "arm64" -> new WaitCalls(Set.of(63L, 65L, 67L), Set.of(72L));
            default -> new WaitCalls(Set.of(), Set.of());
        };
    }

    /**
     * A command that makes the login shell itself read the terminal ({@code read}, {@code mapfile}, {@code select}):
     * only then does the shell count as a reader. Else it waits for the command still on its way to it (typed into
     * {@code script}, or through the Docker engine, on a busy machine), not for a line a program reads unasked.
     */
    private static final Pattern SHELL_READS = Pattern.compile("(?:^|[\\s;&|(){}!])(?:read|mapfile|readarray|select)"
            + "(?=[\\s;&|)]|$)");

    /** Whether the command makes the login shell itself read the terminal (see {@link #SHELL_READS}). */
    public static boolean shellReads(String command) {
        return SHELL_READS.matcher(command).find();
    }

    /**
     * The name of the first of these processes (this machine's) that waits in a read of a terminal at its front.
     *
     * @param shellCounts whether the login shell (its session's leader) counts: {@link #shellReads}
     */
    static Optional<String> among(Iterable<ProcessHandle> processes, boolean shellCounts) {
        if (!HERE.known()) {
            return Optional.empty();
        }
        for (ProcessHandle process : processes) {
            Path proc = Path.of("/proc", String.valueOf(process.pid()));
            try {
                Optional<String> reader = reader(Files.readString(proc.resolve("stat")),
                        Files.readString(proc.resolve("syscall")),
                        fd -> link(proc.resolve("fd").resolve(String.valueOf(fd))), HERE, shellCounts);
                if (reader.isPresent()) {
                    return reader;
                }
            } catch (IOException goneOrNotOurs) {
                // looked at no further
            }
        }
        return Optional.empty();
    }

    /**
     * The process's name when it waits in a read of a terminal at the front of it; else empty.
     *
     * @param stat    its {@code /proc/PID/stat}
     * @param syscall its {@code /proc/PID/syscall}: the system call it waits in, then its arguments
     * @param fileOf  what its file descriptor of that number is ({@code /proc/PID/fd/N}'s target), or null
     * @param calls   the numbers of the calls that wait for input on its machine
     * @param shellCounts whether the terminal's login shell, the leader of its session, counts
     */
    public static Optional<String> reader(String stat, String syscall, LongFunction<String> fileOf, WaitCalls calls,
                                          boolean shellCounts) {
        try {
            Optional<Front> front = Front.of(stat);
            if (front.isEmpty() || !front.get().state().equals("S") || front.get().leader() && !shellCounts) {
                return Optional.empty();
            }
            String name = front.get().name();
            Optional<Call> call = Call.of(syscall);
            if (call.isEmpty()) {
                return Optional.empty();
            }
            long first = call.get().first();
            long fd;
            if (calls.reads().contains(call.get().number())) {
                fd = first; // a read's first argument is the file descriptor
            } else if (calls.selects().contains(call.get().number()) && first >= 1) {
                fd = first - 1;
            } else {
                return Optional.empty();
            }
            String file = fileOf.apply(fd);
            return file != null && (file.startsWith("/dev/pts/") || file.equals("/dev/tty"))
                    ? Optional.of(name) : Optional.empty();
        } catch (RuntimeException notAProcessLine) {
            return Optional.empty();
        }
    }

    /** The system call a process waits in, by its number, and the call's first argument. */
    public record Call(long number, long first) {
        /**
         * @param syscall the process's {@code /proc/PID/syscall}: the call's number, then its arguments
         * @return empty where the line names no call with an argument (a running process's {@code running})
         */
        public static Optional<Call> of(String syscall) {
            String[] call = syscall.strip().split(" ");
            try {
                return call.length < 2 ? Optional.empty()
                        : Optional.of(new Call(Long.parseLong(call[0]), Long.decode(call[1])));
            } catch (NumberFormatException notACall) {
                return Optional.empty();
            }
        }
    }

    /**
     * A process at the front of its terminal (its group is the terminal's foreground group), by its name and state,
     * that passes nothing on to another terminal.
     */
    record Front(String name, String state, boolean leader) {
        /** @param stat the process's {@code /proc/PID/stat}; empty where it is not at the front, or is no such line */
        static Optional<Front> of(String stat) {
            try {
                int close = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, close);
                // after the name: state, ppid, pgrp, session, tty_nr, tpgid (the terminal's foreground group)
                String[] fields = stat.substring(close + 2).split(" ");
                boolean leader = stat.substring(0, stat.indexOf('(')).strip().equals(fields[3]);
                return fields[2].equals(fields[5]) && !PASSING_ON.contains(name)
                        ? Optional.of(new Front(name, fields[0], leader)) : Optional.empty();
            } catch (RuntimeException notAProcessLine) {
                return Optional.empty();
            }
        }
    }

    static String link(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
