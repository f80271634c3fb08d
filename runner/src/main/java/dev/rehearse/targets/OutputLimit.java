package dev.rehearse.targets;

/**
 * How much of one command's output is kept in memory: its first {@code head} and last {@code tail} characters, and
 * of those at most {@link #MAX_LINES} lines at each end.
 * What lies between is only counted, so that a step printing gigabytes runs in constant memory and its reports
 * stay small (the run streams the whole output to a file of the report folder instead).
 */
public record OutputLimit(int head, int tail) {
    /** how the line that stands for the output not kept starts */
    public static final String CUT_MARKER = "[... output cut by rehearse:";
    /** 1 MB head and 1 MB tail: far more than any guide shows after a command, little enough for a report */
    public static final int DEFAULT_SIZE = 1 << 20;
    public static final OutputLimit DEFAULT = of(2L * DEFAULT_SIZE);
    /**
     * Lines kept at each end, whatever their length: the check masks volatile tokens line by line (about 10 us a
     * line), and no guide shows thousands of lines after a command.
     */
    public static final int MAX_LINES = 10_000;

    public OutputLimit {
        if (head < 1 || tail < 1) {
            throw new IllegalArgumentException("an output limit keeps at least one character at each end");
        }
    }

    /** Half of {@code size} at each end. */
    public static OutputLimit of(long size) {
        int half = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 4, size / 2));
        return new OutputLimit(half, half);
    }

    /** head and tail together */
    public long size() {
        return (long) head + tail;
    }
}
