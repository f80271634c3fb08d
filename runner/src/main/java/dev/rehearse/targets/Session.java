package dev.rehearse.targets;

import dev.rehearse.model.CommandResult;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.ShownAnswers;
import dev.rehearse.model.StandingAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
     * From the next command on, answers a prompt wherever it comes, shown by the guide or not, that no answer of the
     * command's own is due at.
     */
    void answerWherever(List<StandingAnswer> answers);

    /**
     * For the next command only ({@link #run} or {@link #enter}): what its transcript shows typed after questions the
     * plan read as output, typed where the command waits at one of them in a read of the terminal rather than
     * stopping it there.
     */
    default void answerAsShown(ShownAnswers shown) {
    }

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

    /**
     * As {@link #run(String, List, Duration, Consumer, OutputLimit)}, for a command that opens a shell on the
     * terminal ({@code bash}, {@code su - synapse}, {@code sudo -i}, {@code pipenv shell}): once that shell shows its
     * prompt it is set up as the session's first shell was, and the next commands go to it until it exits, when
     * the shell it was opened from takes them again. The result is the output up to the new shell's prompt, exit
     * status 0; {@code SHELL_UNANSWERED} when the shell does not take the setup (it is no bash).
     */
    CommandResult enter(String command, List<Interaction> interactions, Duration timeout, Consumer<String> live,
                        OutputLimit limit);

    /** Why the shell or the connection to it went away, once a command came back {@code DISCONNECTED}. */
    default String lostReason() {
        return "the connection to the target was lost";
    }

    /**
     * A command the guide left running ({@link Interaction#leave}) holds this session's terminal: the target's next
     * session is another, as the reader's next terminal is.
     */
    default boolean holdsACommand() {
        return false;
    }

    /**
     * What the command this session holds is, where it was left running as a server that nothing stops (it listens
     * on a port: {@code "python3, listening on port 8642"}) rather than as the guide says; else empty.
     */
    default Optional<String> heldServer() {
        return Optional.empty();
    }

    @Override
    void close();
}
