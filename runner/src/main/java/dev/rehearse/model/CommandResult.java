package dev.rehearse.model;

import java.time.Duration;

/**
 * What one command did in a session.
 *
 * @param output   everything the command printed (and the terminal echoed), CR-LF folded to LF, the
 *                 command's own echo and the sentinel removed
 * @param exit     its exit status, or -1 when it did not complete
 * @param cwd      the shell's working directory afterwards, or null when unknown
 * @param lastLine the last non-empty line printed, for progress and for "waiting for input at:"
 * @param cut      the output outgrew its {@link OutputLimit}: {@code output} is its head, a marker line and its tail
 */
public record CommandResult(Status status, int exit, String output, String cwd, String lastLine, Duration elapsed,
                            boolean cut) {

    /** A result whose output was kept whole. */
    public CommandResult(Status status, int exit, String output, String cwd, String lastLine, Duration elapsed) {
        this(status, exit, output, cwd, lastLine, elapsed, false);
    }

    public enum Status {
        COMPLETED,
        /** took longer than the step's timeout; the session interrupted it */
        TIMEOUT,
        /** stopped at a prompt the transcript does not show */
        WAITING_FOR_INPUT,
        /**
         * stopped where a program of it waited in a read of the terminal without having asked anything ({@code cat},
         * a {@code read} with no prompt), its output still; {@code lastLine} names the program
         */
        READING_SILENTLY,
        /** the connection to the target was lost mid-command */
        DISCONNECTED,
        /** the run was interrupted (Ctrl-C, SIGTERM): the session stopped the command as on a timeout */
        INTERRUPTED,
        /**
         * the command opened a shell that did not answer the session's setup in time (not a bash); the session
         * stopped it as on a timeout
         */
        SHELL_UNANSWERED
    }
}
