package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.plan.OtherMachine;
import dev.rehearse.plan.ShellPrompt;

import java.util.List;

/**
 * A prompt whose user or host is not the guide's own: usually the author's real account leaking in
 * ({@code [matrites@clark ~]$} among {@code [isabell@stardust ~]$}). A prompt of the reader's own computer
 * ({@code [isabell@localhost ~]$}, or a block the prose puts "on your local system") is shown so on purpose.
 */
final class PromptIdentityRule implements LintRule {

    @Override
    public String name() {
        return "prompt-identity";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        return guide.prompts().stream().filter(p -> {
            ShellPrompt prompt = p.entry().prompt();
            // Gentoo's "user $" and "root #" name a role, no account on a host
            if (prompt.user() == null || prompt.host() == null) {
                return false;
            }
            // root on the guide's host is the same machine: sudo -i, or su -
            boolean sameHost = prompt.host().equals(guide.host());
            boolean sameUser = prompt.user().equals(guide.user()) || prompt.user().equals("root");
            return !(sameHost && sameUser)
                    && OtherMachine.byPrompt(prompt).isEmpty() && OtherMachine.byProse(p.block()).isEmpty();
        }).map(p -> finding(p.block().source(), p.entry().line(), Finding.Level.WARNING, "prompt shows "
                + p.entry().prompt().user() + "@" + p.entry().prompt().host() + ", the guide's prompts show "
                + guide.user() + "@" + guide.host())).toList();
    }
}
