package dev.rehearse.targets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made a thing on a target: which run ({@code id}), in which process. Containers carry it as labels and local
 * run users in their comment field, so that a later run can tell, for sure, what a run that was killed (SIGKILL,
 * a lost machine session) left behind: a thing is reaped only when its stamp is ours in form and its process is
 * provably gone: same boot and PID namespace as we are (else the PID means nothing here) and no process of that
 * PID with that start time.
 *
 * @param id        the run's id: {@code yyyyMMdd-HHmmss-PID-N}, also in its {@code results.json}
 * @param startedAt when the run started
 * @param pid       the process that runs it
 * @param pidStart  that process's start time in clock ticks since boot ({@code /proc/PID/stat}, field 22): a PID
 *                  used again by another process has another one
 * @param boot      the kernel's boot id
 * @param pidSpace  the PID namespace's inode number ({@code /proc/self/ns/pid})
 */
public record RunStamp(String id, Instant startedAt, long pid, long pidStart, String boot, String pidSpace) {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern TEXT = Pattern.compile(
            "rehearse-run=([\\w-]+) pid=(\\d+) start=(\\d+) boot=([\\w-]+) ns=(\\w+)");

    /** A stamp for a new run of this process. */
    public static RunStamp next() {
        long pid = ProcessHandle.current().pid();
        Instant now = Instant.now();
        return new RunStamp(ID_TIME.format(now) + "-" + pid + "-" + RUNS.incrementAndGet(), now, pid,
                startTicks(pid).orElse(-1L), currentBoot(), currentPidSpace());
    }

    /** The stamp in one line without ':' or newlines (a passwd comment field, a label value). */
    public String text() {
        return "rehearse-run=" + id + " pid=" + pid + " start=" + pidStart + " boot=" + boot + " ns=" + pidSpace;
    }

    /** A stamp read back from {@link #text()} (what follows it is left to the caller), if it is one. */
    public static Optional<RunStamp> parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(new RunStamp(m.group(1), null, Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                m.group(4), m.group(5)));
    }

    /**
     * True only when the process that made this stamp is certainly gone: stamped on this boot, in this PID
     * namespace, and no process of its PID has its start time. Anything else (another machine sharing a Docker
     * engine, another namespace) could be alive.
     */
    public boolean provablyDead() {
        if (!boot.equals(currentBoot()) || !pidSpace.equals(currentPidSpace()) || pidStart < 0 || boot.equals("unknown")
                || pidSpace.equals("unknown")) {
            return false;
        }
        return startTicks(pid).map(start -> start != pidStart).orElse(true);
    }

    private static Optional<Long> startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name (field 2) may hold spaces and parentheses: count from the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[19]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String currentBoot() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String currentPidSpace() {
        try {
            // pid:[4026531836]: the number alone, as a passwd comment field may hold no ':'
            return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString().replaceAll("\\D", "");
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }
}
