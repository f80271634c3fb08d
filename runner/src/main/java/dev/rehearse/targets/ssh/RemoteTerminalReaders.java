package dev.rehearse.targets.ssh;

import dev.rehearse.targets.UserFiles;
import dev.rehearse.targets.shell.TerminalMarks;
import dev.rehearse.targets.shell.TerminalReaders;
import dev.rehearse.targets.shell.TerminalServers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Finds a program of the session's shell on the remote host that waits in a read of the terminal without having
 * asked anything ({@link TerminalReaders}), or that listens on a TCP port ({@link TerminalServers}), over a channel
 * of its own: the shell is started with a mark in its environment ({@link TerminalMarks}), which the programs it
 * starts inherit, and a look is a short script that prints what the host's {@code /proc} says of each process with
 * the mark (the user's own; another user's environment is not readable, and a program that clears its environment
 * is not seen). A host without GNU grep's {@code -z} finds nothing.
 * <p>
 * A look runs on a thread of its own and is waited for a moment only: the session's thread must go on noticing a
 * connection that stopped answering (its keepalives), where opening a channel would wait for the connect's time
 * limit. A look that takes longer is not asked again until it ends, and its answer, which may be a later
 * command's by then, is dropped.
 */
final class RemoteTerminalReaders {
    /**
     * Prints the machine's architecture, then a line for each process whose environment holds {@code $1}: its stat
     * (line breaks and tabs made spaces), the system call it waits in and what the descriptors numbered by that
     * call's first argument, and one less, are (a read's descriptor, or the highest one a select watches),
     * separated by tabs.
     */
    private static final String LOOK = String.join("\n",
            "uname -m",
            "for e in $(grep -lzx \"$1\" /proc/[0-9]*/environ 2>/dev/null); do",
            "  d=${e%/environ}",
            "  s=$(tr '\\n\\t' '  ' < \"$d/stat\" 2>/dev/null) && c=$(cat \"$d/syscall\" 2>/dev/null) || continue",
            "  set -- $c",
            "  f= g=",
            "  case $2 in 0x*) f=$(readlink \"$d/fd/$(($2))\" 2>/dev/null)",
            "    g=$(readlink \"$d/fd/$(($2 - 1))\" 2>/dev/null) ;; esac",
            "  printf '%s\\t%s\\t%s\\t%s\\n' \"$s\" \"$c\" \"$f\" \"$g\"",
            "done",
            "exit 0");

    /**
     * Prints a line for each process whose environment holds {@code $1} and that has sockets: its stat (as
     * {@link #LOOK}), a tab, and its descriptors' links to sockets as {@code /proc} gives them ({@code socket:[INODE]},
     * separated by spaces); then a line {@code --} and the host's TCP tables ({@code /proc/net/tcp} and
     * {@code tcp6}), which hold what listens ({@link TerminalServers}).
     */
    private static final String LOOK_FOR_SERVERS = String.join("\n",
            "for e in $(grep -lzx \"$1\" /proc/[0-9]*/environ 2>/dev/null); do",
            "  d=${e%/environ}",
            "  s=$(tr '\\n\\t' '  ' < \"$d/stat\" 2>/dev/null) || continue",
            "  k=$(ls -l \"$d/fd\" 2>/dev/null | sed -n 's/.* -> \\(socket:\\[[0-9]*\\]\\)$/\\1/p' | tr '\\n' ' ')",
            "  [ -n \"$k\" ] && printf '%s\\t%s\\n' \"$s\" \"$k\"",
            "done",
            "echo --",
            "cat /proc/net/tcp /proc/net/tcp6 2>/dev/null",
            "exit 0");

    /** how long a look is waited for; a look over a healthy connection takes a few round trips */
    private static final Duration WAIT = Duration.ofSeconds(1);

    private final SshConnection connection;
    private final String mark;
    /** a look that outlasted its wait, still under way; else null */
    private CompletableFuture<?> late;

    RemoteTerminalReaders(SshConnection connection) {
        this.connection = connection;
        this.mark = TerminalMarks.next();
    }

    /** The assignment the shell is started with ({@code env} takes it before the program). */
    String mark() {
        return mark;
    }

    /**
     * The name of a marked program that waits in a read of a terminal at the front of it; else empty, also where
     * the look did not answer within {@link #WAIT}.
     */
    Optional<String> look(boolean shellCounts) {
        return look(LOOK, lines -> reader(lines, shellCounts));
    }

    /**
     * What the marked programs at the front of their terminal listen on ({@link TerminalServers#listening}); none
     * also where the look did not answer within {@link #WAIT}.
     */
    List<TerminalServers.Listening> lookForServers() {
        return look(LOOK_FOR_SERVERS, RemoteTerminalReaders::servers).orElse(List.of());
    }

    /** What {@code answer} makes of the lines the script printed; empty where the look did not answer in time. */
    private <T> Optional<T> look(String script, Function<List<String>, Optional<T>> answer) {
        if (late != null && !late.isDone() || connection.isLost()) {
            return Optional.empty();
        }
        CompletableFuture<Optional<T>> looking = new CompletableFuture<>();
        Thread thread = new Thread(() -> looking.complete(lookNow(script, answer)), "rehearse-terminal-look");
        thread.setDaemon(true);
        thread.start();
        try {
            late = null;
            return looking.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            late = looking;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException notExpected) {
            // lookNow catches what a look may throw
        }
        return Optional.empty();
    }

    private <T> Optional<T> lookNow(String script, Function<List<String>, Optional<T>> answer) {
        List<String> lines;
        try {
            lines = connection.exec(UserFiles.commandLine(List.of("sh", "-c", script, "sh", mark))).lines().toList();
        } catch (RuntimeException lostOrRefused) {
            return Optional.empty(); // the session's own channel tells a lost connection
        }
        return answer.apply(lines);
    }

    private static Optional<String> reader(List<String> lines, boolean shellCounts) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        TerminalReaders.WaitCalls calls = TerminalReaders.calls(lines.get(0).strip());
        for (String line : lines.subList(1, lines.size())) {
            String[] process = line.split("\t", -1);
            if (process.length == 4) {
                long first = TerminalReaders.Call.of(process[1]).map(TerminalReaders.Call::first).orElse(-1L);
                Optional<String> reader = TerminalReaders.reader(process[0], process[1],
                        fd -> fd == first ? process[2] : fd == first - 1 ? process[3] : null, calls, shellCounts);
                if (reader.isPresent()) {
                    return reader;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<TerminalServers.Listening>> servers(List<String> lines) {
        int tables = lines.indexOf("--");
        if (tables < 0) {
            return Optional.empty();
        }
        String tcp = String.join("\n", lines.subList(tables + 1, lines.size()));
        List<TerminalServers.Listening> found = new ArrayList<>();
        for (String line : lines.subList(0, tables)) {
            String[] process = line.split("\t", -1);
            if (process.length == 2) {
                Set<Long> sockets = TerminalServers.socketInodes(Arrays.stream(process[1].strip().split(" +")));
                found.addAll(TerminalServers.listening(process[0], sockets, tcp));
            }
        }
        return Optional.of(found);
    }
}
