package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.plan.transcript.TranscriptCommand;

import java.util.ArrayList;
import java.util.List;

/** A prompt without its {@code $} or {@code #}: {@code [isabell@stardust ~] uberspace port add}. */
final class PromptSigilRule implements LintRule {

    @Override
    public String name() {
        return "prompt-sigil";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        List<Finding> findings = new ArrayList<>();
        for (LintedGuide.Session s : guide.sessions()) {
            for (TranscriptCommand c : s.transcript().entries()) {
                if (c.prompt().sigil() == null) {
                    findings.add(new Finding(s.block().source(), c.line(), Finding.Level.WARNING, name(),
                            "prompt lacks its $ (or #)" + (c.isEmpty() ? "" : " before \"" + firstLine(c.command()) + "\"")));
                }
            }
        }
        return findings;
    }

    static String firstLine(String command) {
        int nl = command.indexOf('\n');
        return nl < 0 ? command : command.substring(0, nl) + " ...";
    }
}
