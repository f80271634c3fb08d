package dev.rehearse.plan;

import dev.rehearse.guide.Block;

import java.util.List;
import java.util.Optional;

/**
 * Output a guide shows in a block of its own after the command's ("Check the version:", a block with the command,
 * "The output should look like this:", a block with what it prints), as READMEs and documentation sites write it.
 * It is checked as the command's own would be, where nothing else can have printed it: the block before held that
 * one command, which shows no output and asks nothing, after commands that print nothing ({@link SilentCommands}:
 * {@code mkdir -p ~/notes}, {@code echo one > ~/notes/a.txt}, then {@code ls ~/notes}). The prompts it shows are
 * answered as in a transcript ({@code Do you want to continue? [Y/n] y}): the guide shows what its reader typed. A block in a file's format
 * (json, yaml, ini ...) after such prose is an example of a file as often as an output, and is left unchecked.
 */
final class SeparateOutput {

    private SeparateOutput() {
    }

    /** The last step with {@code block} as its expected output, if the block shows the output of that step alone. */
    static Optional<CommandStep> of(Block block, Block before, List<Step> steps, TranscriptReader reader) {
        if (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof CommandStep last)
                || !last.expected().isEmpty() || !last.interactions().isEmpty()
                || !silentBefore(before, steps)
                || !BlockLanguage.mayShowPrompts(block.language()) || block.text().isBlank()) {
            return Optional.empty();
        }
        TranscriptReader.Output shown = reader.readOutput(block.lines(), block.contentLine(), last.command());
        return Optional.of(last.withShown(shown.expected, shown.interactions));
    }

    /** The block's steps before its last are commands that show, ask and print nothing. */
    private static boolean silentBefore(Block before, List<Step> steps) {
        for (int i = steps.size() - 2; i >= 0 && BlockSteps.stepOf(before, steps.get(i)); i--) {
            if (!(steps.get(i) instanceof CommandStep c) || !c.expected().isEmpty() || !c.interactions().isEmpty()
                    || !SilentCommands.printsNothing(c.command())) {
                return false;
            }
        }
        return true;
    }
}
