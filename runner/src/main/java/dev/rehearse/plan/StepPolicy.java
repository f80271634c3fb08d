package dev.rehearse.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one step is run and judged, from the sidecar's {@code steps:} section; defaults otherwise.
 *
 * @param timeout    the most a step may take before it FAILs
 * @param eventually retry a status-like step until its output matches, up to {@code timeout}
 * @param skip       do not run it (verdict SKIP), with the reason
 * @param expectExit the exit status that counts as success
 * @param ready      what must hold after the step before the next one runs, or null
 * @param maxOutput  how many bytes of its output are kept (half head, half tail), from the sidecar's
 *                   {@code defaults: max_output}; null for the run's limit
 * @param opensShell whether the command opens a shell that takes the next commands (a step rule's
 *                   {@code opens_shell}); null: as {@link ShellOpeners} reads the command
 */
public record StepPolicy(Duration timeout, boolean eventually, String skip, int expectExit, Readiness ready,
                         Long maxOutput, Boolean opensShell) {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)i?b?", Pattern.CASE_INSENSITIVE);

    public static final StepPolicy DEFAULT = new StepPolicy(Duration.ofMinutes(5), false, null, 0);

    /** A policy with nothing to wait for after the step, and the run's output limit. */
    public StepPolicy(Duration timeout, boolean eventually, String skip, int expectExit) {
        this(timeout, eventually, skip, expectExit, null, null, null);
    }

    /** This policy, the step skipped for {@code why} (null: run after all). */
    public StepPolicy skipped(String why) {
        return new StepPolicy(timeout, eventually, why, expectExit, ready, maxOutput, opensShell);
    }

    /** This policy, success being exit status {@code exit}. */
    public StepPolicy expecting(int exit) {
        return new StepPolicy(timeout, eventually, skip, exit, ready, maxOutput, opensShell);
    }

    /**
     * A size as {@code --max-output} and the sidecar's {@code max_output} take it: {@code 2M}, {@code 512K},
     * {@code 1G}, {@code 4096}; null when it is not one.
     */
    public static Long parseSize(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            long n = Long.parseLong(m.group(1));
            int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            return n > 0 && n < (1L << (62 - shift)) ? n << shift : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
