package dev.rehearse.plan;

import dev.rehearse.plan.ShellPromptSyntax.Style;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which prompts a console block's session is at, line by line, where a block may show more than one style: the
 * reader's own ({@code $ docker exec -it db bash}) and then the opened shell's ({@code root@4f2a:/#}) until an
 * {@code exit} brings the reader's back. The block starts in the style of its first prompt; a line in a style
 * likelier than the one it is in (the order of {@link Style}) is a prompt wherever it stands, as a block showing
 * one is read in it; a less likely one only once a command opened a shell ({@code $ react-scripts build}, which
 * yarn prints in a bracketed session, stays output).
 */
final class SessionPrompts {
    /** what leaves an opened shell */
    private static final Pattern LEAVES = Pattern.compile("(?:exit|logout)(?:\\s+\\d+)?");

    /** A prompt found, and the style it was found in. */
    record Found(ShellPromptSyntax.Match match, Style style) {
    }

    /** a shell the session is in: its prompt style, and how many shells were opened in it at prompts of that style */
    private static final class Level {
        Style style;
        int nested;

        Level(Style style) {
            this.style = style;
        }
    }

    private final List<Style> styles;
    private final Deque<Level> levels = new ArrayDeque<>();
    /** the last command opened a shell, whose prompt comes next */
    private boolean justOpened;
    /** a shell opened at a bare prompt goes on at root's bare {@code #} ({@code $ sudo -i}) until it is left */
    private boolean inRootShell;

    /** @param styles every style the block shows, the likeliest first */
    SessionPrompts(List<Style> styles) {
        this.styles = styles;
    }

    /** The prompt {@code line} shows in the session's present state, or empty for a line of output. */
    Optional<Found> find(String line) {
        if (levels.isEmpty()) {
            // before the first prompt: any style the block shows, but a # line before a $ one is the author's
            // remark ("# build it"), as a block of root's prompts alone shows none
            for (Style s : styles) {
                Optional<ShellPromptSyntax.Match> m = s == Style.HASH && styles.size() > 1 ? Optional.empty()
                        : ShellPromptSyntax.match(line, s);
                if (m.isPresent()) {
                    return Optional.of(new Found(m.get(), s));
                }
            }
            return Optional.empty();
        }
        Style current = levels.peek().style;
        Optional<ShellPromptSyntax.Match> own = justOpened || inRootShell
                ? ShellPromptSyntax.matchInOpenedShell(line, current) : ShellPromptSyntax.match(line, current);
        if (own.isPresent()) {
            return Optional.of(new Found(own.get(), current));
        }
        for (Style s : styles) {
            boolean likelier = s.ordinal() < current.ordinal();
            if (s != current && (likelier || justOpened)) {
                Optional<ShellPromptSyntax.Match> m = ShellPromptSyntax.match(line, s)
                        .filter(f -> likelier || ShellPromptSyntax.readsAsCommand(f.command()));
                if (m.isPresent()) {
                    return Optional.of(new Found(m.get(), s));
                }
            }
        }
        return Optional.empty();
    }

    /** The session is at {@code found}'s prompt and {@code command} is typed there. */
    void typed(Found found, String command) {
        if (levels.isEmpty()) {
            levels.push(new Level(found.style()));
        } else if (found.style() != levels.peek().style) {
            if (justOpened) {
                levels.push(new Level(found.style()));
            } else {
                levels.peek().style = found.style(); // the same shell, shown another way
            }
        } else if (justOpened) {
            levels.peek().nested++;
        }
        boolean leaves = LEAVES.matcher(command).matches();
        justOpened = ShellOpeners.opens(command);
        inRootShell = justOpened || inRootShell && "#".equals(found.match().prompt().sigil()) && !leaves;
        if (leaves) {
            if (levels.peek().nested > 0) {
                levels.peek().nested--;
            } else if (levels.size() > 1) {
                levels.pop();
            }
        }
    }
}
