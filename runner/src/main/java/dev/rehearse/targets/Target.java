package dev.rehearse.targets;

import dev.rehearse.model.TargetFacts;
import java.util.Optional;

/**
 * Where steps run: a sandbox on this machine, a fresh container, or a host over SSH. Knows nothing of
 * guides: it opens shells and reads and writes files.
 */
public interface Target extends AutoCloseable {

    /** A short description for progress and reports, e.g. {@code local:/tmp/rehearse-123}. */
    String describe();

    TargetFacts facts();

    /** Starts the target's one login shell. */
    Session openSession();

    /**
     * The file's content, or empty when it does not exist, read as the target's user. {@code path} may start with
     * {@code ~/}.
     */
    Optional<String> readFile(String path);

    /**
     * Writes a file atomically (a temporary file renamed over it) as the target's user, who owns it; a symbolic link
     * to a file that user does not own is refused. Missing parent folders are made. Nothing is left beside it:
     * keeping the previous version is the caller's business.
     */
    void writeFile(String path, String content);

    /**
     * Says that the run has steps ahead that read and write files ({@link #readFile}, {@link #writeFile}): what those
     * need and takes long to get ready (the container target's Docker client) starts now, in the background, and a
     * run without them never pays for it. Nothing by default.
     */
    default void filesAhead() {
    }

    /**
     * Why the target has no network where the machine may have one (a container on none but its own loopback), and
     * what gives it one: a FAIL whose output shows a name lookup or a route failing says so. Empty by default.
     */
    default Optional<String> withoutNetwork() {
        return Optional.empty();
    }

    /**
     * Why the target has no such program where a guide needs it (a container's image holds the programs it was
     * made with), and what gives it one. Empty by default: a host of one's own is known to its owner.
     */
    default Optional<String> withoutProgram(String program) {
        return Optional.empty();
    }

    /** Releases the target; a throwaway target is removed unless it was asked to be kept. */
    @Override
    void close();
}
