package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.plan.ShellPrompt;
import dev.rehearse.plan.transcript.TranscriptCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * A prompt whose user or host is not the guide's own: usually the author's real account leaking in
 * ({@code [matrites@clark ~]$} among {@code [isabell@stardust ~]$}).
 */
final class PromptIdentityRule implements LintRule {

    @Override
    public String name() {
        return "prompt-identity";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        List<Finding> findings = new ArrayList<>();
        for (LintedGuide.Session s : guide.sessions()) {
            for (TranscriptCommand c : s.transcript().entries()) {
                ShellPrompt p = c.prompt();
                if (p.user() != null && (!p.user().equals(guide.user()) || !p.host().equals(guide.host()))) {
                    findings.add(new Finding(s.block().source(), c.line(), Finding.Level.WARNING, name(),
                            "prompt shows " + p.user() + "@" + p.host() + ", the guide's prompts show "
                                    + guide.user() + "@" + guide.host()));
                }
            }
        }
        return findings;
    }
}
