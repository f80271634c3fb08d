package dev.rehearse.plan;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a transcript shows after a prompt that nobody types: the prompt copied again with the command
 * ({@code [isabell@stardust ~]$ $ java -version}, where bash answers "$: command not found"), and an elision mark
 * put at a prompt where the author cut what the command before went on to print ({@code [isabell@stardust api]$
 * [...]}). A reader types neither, nor does a run; lint tells both ({@code prompt-text}).
 */
public final class PromptText {
    /** a bare {@code $}: no command begins with it and a blank, as bash has no command of that name */
    private static final Pattern BARE_DOLLAR = Pattern.compile("\\$(?:\\s+|$)");

    private PromptText() {
    }

    /**
     * The prompts {@code typed} begins with: bare {@code $}s, or prompts of its line's own style where that style
     * names a user and host; null when it begins with none.
     */
    static String repeatedPrompt(String typed, ShellPromptSyntax.Style style) {
        boolean namesUserAndHost = style == ShellPromptSyntax.Style.BRACKETED
                || style == ShellPromptSyntax.Style.USER_HOST;
        String rest = typed;
        while (true) {
            Matcher bare = BARE_DOLLAR.matcher(rest);
            if (bare.lookingAt()) {
                rest = rest.substring(bare.end());
                continue;
            }
            Optional<ShellPromptSyntax.Match> again = namesUserAndHost ? ShellPromptSyntax.match(rest, style)
                    : Optional.empty();
            if (again.isPresent() && again.get().prompt().sigil() != null) {
                rest = again.get().command().strip();
                continue;
            }
            return rest.length() == typed.length() ? null : typed.substring(0, typed.length() - rest.length()).strip();
        }
    }

    /** Whether what follows a prompt is an elision mark alone ({@link Elisions}), not a comment. */
    public static boolean isElision(String typed) {
        return !typed.isEmpty() && !typed.contains("\n") && !typed.startsWith("#") && Elisions.is(typed);
    }
}
