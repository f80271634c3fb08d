package dev.rehearse.model;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * How a fault is told: what went wrong with every cause it came with, and an internal error (a defect of
 * Rehearse, not of the guide or the target) as one line naming the stage, its trace in a log file of its own.
 */
public final class Faults {
    private static final String OURS = "dev.rehearse.";

    private Faults() {
    }

    /**
     * What {@code task} gives once done; what it threw is thrown here ({@link #thrownBy}). An interrupt does not cut
     * the wait short, as what the task does (open a target, kill a container) must not go on behind the caller's
     * back; it is kept for the caller.
     */
    public static <T> T awaited(Future<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw thrownBy(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What a task on another thread threw, to be thrown again on the thread that waited for it, as if the work had
     * been done there: an unchecked exception as it was, an error thrown at once, anything else wrapped.
     */
    public static RuntimeException thrownBy(ExecutionException e) {
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return e.getCause() instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e.getCause());
    }

    /**
     * The exception's message followed by its causes' ({@code a: b: c}), each once; an exception without a message
     * is named by its class, so that a reason is never {@code null}.
     */
    public static String withCauses(Throwable e) {
        List<String> said = new ArrayList<>();
        for (Throwable t = e; t != null && said.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
            String message = messageOf(t);
            if (said.stream().noneMatch(earlier -> earlier.contains(message))) {
                said.add(message);
            }
        }
        return String.join(": ", said);
    }

    private static String messageOf(Throwable t) {
        String message = t.getMessage() == null || t.getMessage().isBlank()
                ? t.getClass().getSimpleName() : t.getMessage().strip();
        if (t instanceof FileSystemException f && f.getReason() == null) {
            // its message is the path alone: the class says what went wrong
            return message + ": " + (t instanceof AccessDeniedException ? "permission denied"
                    : t instanceof NoSuchFileException ? "no such file or folder"
                    : t instanceof FileAlreadyExistsException ? "already there" : t.getClass().getSimpleName());
        }
        return message;
    }

    /**
     * Whether {@code e} is a failure of the machine that our code reports on purpose (a shell that does not start,
     * a file that cannot be written, a connection that drops): an {@link UncheckedIOException} or
     * {@link IllegalStateException} thrown by a class of ours. The same types thrown inside the JDK or a library
     * (a duplicate key in {@code Collectors.toMap}) are defects like any other exception.
     */
    public static boolean isFailureOfTheMachine(Throwable e) {
        return (e instanceof UncheckedIOException || e instanceof IllegalStateException)
                && e.getStackTrace().length > 0 && e.getStackTrace()[0].getClassName().startsWith(OURS);
    }

    /** The stage (top-level package of ours) of the innermost frame of ours in the trace, or {@code rehearse}. */
    public static String stageOf(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith(OURS)) {
                String rest = type.substring(OURS.length());
                return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : "rehearse";
            }
        }
        return "rehearse";
    }

    /**
     * Writes the trace to a new log file and returns the one line that tells it:
     * {@code internal error in <stage>: <what>; details in <log file>}.
     *
     * @param redact applied to the line and to the trace before either is written (hides secrets)
     */
    public static String internalError(Throwable e, UnaryOperator<String> redact) {
        String what = e.getClass().getSimpleName() + ": " + withCauses(e);
        if (e.getMessage() == null) {
            what = withCauses(e);
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String where;
        try {
            Path log = Files.createTempFile("rehearse-internal-error-", ".log");
            Files.writeString(log, redact.apply(trace.toString()));
            where = log.toString();
        } catch (IOException | RuntimeException cannotWrite) {
            where = "no log file (" + withCauses(cannotWrite) + ")";
        }
        return redact.apply("internal error in " + stageOf(e) + ": " + what + "; details in " + where);
    }
}
