package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.plan.PromptText;
import dev.rehearse.plan.TranscriptCommand;

import java.util.List;

/**
 * Text after a prompt that nobody types ({@link PromptText}): the prompt copied again with the command
 * ({@code [isabell@stardust ~]$ $ java -version}), which a reader who copies the line types too, and an elision
 * mark at a prompt ({@code [isabell@stardust api]$ [...]}), which reads as a command.
 */
final class PromptTextRule implements LintRule {

    @Override
    public String name() {
        return "prompt-text";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        return guide.prompts().stream().filter(p -> p.entry().untyped() != null)
                .map(p -> finding(p.block().source(), p.entry().line(), Finding.Level.WARNING, message(p.entry())))
                .toList();
    }

    private static String message(TranscriptCommand entry) {
        if (entry.command().isEmpty() && PromptText.isElision(entry.untyped())) {
            return "\"" + entry.untyped() + "\" stands at a prompt, where it reads as a command: put the cut among the "
                    + "output, or drop the prompt (a run reads it as the output before cut short)";
        }
        String after = entry.command().isEmpty() ? ""
                : " before \"" + PromptSigilRule.firstLine(entry.command()) + "\"";
        return "the prompt is shown twice: \"" + entry.untyped() + "\" comes again" + after
                + ", and a reader who copies the line types it too (a run types what follows it)";
    }
}
