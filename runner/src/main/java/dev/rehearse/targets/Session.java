package dev.rehearse.targets;


import dev.rehearse.model.CommandResult;
import dev.rehearse.model.Interaction;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One persistent login shell on a PTY: {@code cd}, {@code source}, exports and virtualenvs carry over from
 * one command to the next. The same protocol runs over a local PTY, {@code docker exec -it} and SSH.
 */
public interface Session extends AutoCloseable {

    /**
     * Runs one command (bindings already applied) and answers the prompts it stops at.
     *
     * @param interactions answers in order; each is typed when the output so far ends with its prompt
     * @param timeout      the most it may take; then it is interrupted and the result says TIMEOUT
     * @param live         receives output as it arrives (secrets already hidden), for progress display
     */
    CommandResult run(String command, List<Interaction> interactions, Duration timeout, Consumer<String> live);

    /**
     * Stops the command running now (as a timeout does: Ctrl-C, then harder), and any later one before it starts;
     * its {@link CommandResult} says {@code INTERRUPTED}. Called from another thread (a signal's).
     */
    void interrupt();

    /**
     * As {@link #run(String, List, Duration, Consumer)}, keeping of the output only what {@code limit} allows: the
     * result's output is then the head, one marker line and the tail.
     */
    default CommandResult run(String command, List<Interaction> interactions, Duration timeout,
                              Consumer<String> live, OutputLimit limit) {
        return run(command, interactions, timeout, live);
    }

    /** Why the shell or the connection to it went away, once a command came back {@code DISCONNECTED}. */
    default String lostReason() {
        return "the connection to the target was lost";
    }

    @Override
    void close();
}
