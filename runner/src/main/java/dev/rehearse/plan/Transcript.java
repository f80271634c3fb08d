package dev.rehearse.plan;

import java.util.List;

/**
 * A console block read as a terminal session: every prompt in order with what follows it.
 *
 * @param style   how the block's first prompt looks (a shell opened in it may show others: {@link SessionPrompts})
 * @param entries every prompt, empty ones included
 */
public record Transcript(ShellPromptSyntax.Style style, List<TranscriptCommand> entries) {

    /** The prompts where something was typed: what becomes command steps. */
    public List<TranscriptCommand> commands() {
        return entries.stream().filter(e -> !e.isEmpty()).toList();
    }
}
