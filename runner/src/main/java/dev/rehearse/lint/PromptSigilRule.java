package dev.rehearse.lint;

import dev.rehearse.guide.Finding;

import java.util.List;

/** A prompt without its {@code $} or {@code #}: {@code [isabell@stardust ~] uberspace port add}. */
final class PromptSigilRule implements LintRule {

    @Override
    public String name() {
        return "prompt-sigil";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        return guide.prompts().stream().filter(p -> p.entry().prompt().sigil() == null)
                .map(p -> finding(p.block().source(), p.entry().line(), Finding.Level.WARNING, "prompt lacks its $ (or #)"
                        + (p.entry().isEmpty() ? "" : " before \"" + firstLine(p.entry().command()) + "\""))).toList();
    }

    static String firstLine(String command) {
        int nl = command.indexOf('\n');
        return nl < 0 ? command : command.substring(0, nl) + " ...";
    }
}
