package dev.rehearse.plan;

import java.time.Duration;

/**
 * What "ready" means after a step, from the sidecar's {@code ready:} (docs/runbook.md): a TCP port listening on
 * the target's loopback, an HTTP answer (status below 400), or a command that succeeds; waited for up to
 * {@code timeout}. A server started in the background (supervisord says RUNNING at once; Synapse listens only once
 * its schema is made) is then up before the next step talks to it, as a person would wait for it.
 *
 * @param kind    which of the three
 * @param what    the port, URL or command, as the sidecar gives it (bindings are applied when it runs)
 * @param timeout the longest to wait
 */
public record Readiness(Kind kind, String what, Duration timeout) {

    public enum Kind { PORT, HTTP, COMMAND }

    /** One line for progress and reasons: {@code port 40132 listening}. */
    public String describe(String bound) {
        return switch (kind) {
            case PORT -> "port " + bound + " listening";
            case HTTP -> "an HTTP answer from " + bound;
            case COMMAND -> "`" + bound + "` succeeding";
        };
    }

    /**
     * The shell command that tests it once: exit 0 when ready. A port is tried on 127.0.0.1 and ::1 (a server
     * may bind either); curl follows no redirect and gives up on one attempt after 10 s.
     */
    public String probe(String bound) {
        return switch (kind) {
            case PORT -> "(: </dev/tcp/127.0.0.1/" + bound + ") 2>/dev/null || (: </dev/tcp/::1/" + bound + ")";
            case HTTP -> "curl -fsS -o /dev/null --max-time 10 '" + bound.replace("'", "'\\''") + "'";
            case COMMAND -> bound;
        };
    }

    /**
     * The whole wait as one command: the probe, once a second, until it succeeds or the time is up; then the last
     * probe's output, for the reason. In a subshell, so the user's shell keeps no variable of ours.
     */
    public String waitCommand(String bound) {
        return "( __end=$((SECONDS+" + Math.max(1, timeout.toSeconds()) + ")); until __out=$( { " + probe(bound)
                + "; } 2>&1 ); do if [ $SECONDS -ge $__end ]; then printf '%s\\n' \"$__out\"; exit 1; fi; sleep 1; "
                + "done )";
    }
}
