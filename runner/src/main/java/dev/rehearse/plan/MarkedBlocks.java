package dev.rehearse.plan;

import dev.rehearse.guide.Block;
import dev.rehearse.model.Interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blocks of output marked with {@code >} ({@link MarkedOutput}) after a command's block, one after another with prose
 * between them: GitHub's docs show ssh-keygen's first line, then each of its prompts, in blocks of their own. Each
 * is more of the output of the last command of the block before the first, and the prompts they show are answered
 * as in a transcript.
 */
final class MarkedBlocks {
    /** the last marked block, and the index of the step its lines went to (-1: none) */
    private Block last;
    private int stepIndex = -1;

    /**
     * Adds the block's lines to the output of the command they follow.
     *
     * @return why the block is no step
     */
    String add(Block block, Block before, List<Step> steps, TranscriptReader reader) {
        int index = before != null && before == last ? stepIndex : -1;
        if (index < 0) {
            Optional<CommandStep> command = BlockSteps.commandJustBefore(before, steps);
            // a command whose own block shows its output: the marked block is no more of it
            if (command.isPresent() && command.get().expected().isEmpty()) {
                index = steps.size() - 1;
            }
        }
        last = block;
        stepIndex = index;
        if (index < 0) {
            return "output (marked with >, as GitHub's docs mark it) of no command of the block before";
        }
        CommandStep c = (CommandStep) steps.get(index);
        TranscriptReader.Output shown = reader.readMarkedOutput(block.lines(), block.contentLine(), c.command());
        List<ExpectedLine> expected = new ArrayList<>(c.expected());
        expected.addAll(shown.expected);
        List<Interaction> interactions = new ArrayList<>(c.interactions());
        interactions.addAll(shown.interactions);
        steps.set(index, c.withShown(expected, interactions));
        return NotAStep.OUTPUT_OF + c.n();
    }
}
