package dev.rehearse.plan;

import dev.rehearse.model.Interaction;

import java.util.List;

/**
 * One shell prompt of a transcript and what follows it up to the next one. An empty prompt (nothing typed,
 * usually the block's last line) has an empty {@code command}; lint still looks at its user, host and cwd.
 *
 * @param line     the prompt's line in the guide's file
 * @param lastLine the command's last line (after {@code \} continuations and here-documents)
 * @param untyped  what the line shows after its prompt that nobody types ({@link PromptText}): the prompt copied
 *                 again ({@code $ } in {@code [isabell@stardust ~]$ $ java -version}), or an elision mark put at a
 *                 prompt ({@code [...]}); else null
 */
public record TranscriptCommand(int line, int lastLine, ShellPrompt prompt, String command,
                                List<ExpectedLine> expected, List<Interaction> interactions, String untyped) {

    public TranscriptCommand(int line, int lastLine, ShellPrompt prompt, String command, List<ExpectedLine> expected,
                             List<Interaction> interactions) {
        this(line, lastLine, prompt, command, expected, interactions, null);
    }

    /** The same command and interactions, with this output. */
    public TranscriptCommand withExpected(List<ExpectedLine> output) {
        return new TranscriptCommand(line, lastLine, prompt, command, List.copyOf(output), interactions, untyped);
    }

    /** The same command and output, with these interactions. */
    public TranscriptCommand withInteractions(List<Interaction> others) {
        return new TranscriptCommand(line, lastLine, prompt, command, expected, List.copyOf(others), untyped);
    }

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
