package dev.rehearse.plan;

import dev.rehearse.model.Interaction;

import java.util.List;

/**
 * One shell prompt of a transcript and what follows it up to the next one. An empty prompt (nothing typed,
 * usually the block's last line) has an empty {@code command}; lint still looks at its user, host and cwd.
 *
 * @param line     the prompt's line in the guide's file
 * @param lastLine the command's last line (after {@code \} continuations and here-documents)
 */
public record TranscriptCommand(int line, int lastLine, ShellPrompt prompt, String command,
                                List<ExpectedLine> expected, List<Interaction> interactions) {

    /** Nothing typed, or only a comment ({@code # now restart}): no command runs. */
    public boolean isEmpty() {
        return command.isBlank() || command.strip().startsWith("#");
    }

    /** The guide stops the command with {@code ^C} once its output is shown. */
    public boolean interrupts() {
        for (Interaction i : interactions) {
            if (i.interrupts()) {
                return true;
            }
        }
        return false;
    }
}
