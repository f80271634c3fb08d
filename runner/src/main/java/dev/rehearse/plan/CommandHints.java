package dev.rehearse.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a guide's commands and the prose around them say about the blocks next to them: an editor opened on the file
 * the next block changes, a copy the next block fills in, a server the reader is told to stop with Ctrl-C, a log
 * followed until it is stopped.
 */
final class CommandHints {
    /**
     * A command that only opens an interactive editor on a file (also as another user: {@code sudo -u git -H editor
     * config/gitlab.yml}, {@code sudo nano /etc/x}; Debian's {@code editor}): a person's step, never a script's.
     */
    private static final Pattern EDITOR = Pattern.compile("\\s*(?:sudo\\s+(?:-u\\s+\\S+\\s+|-\\S+\\s+)*)?"
            + "(nano|vim?|nvim|emacs|mcedit|joe|micro|editor|sensible-editor|sudoedit"
            + "|\\$EDITOR|\\$\\{EDITOR}|\\$VISUAL)"
            + "\\s+(?:-\\S+\\s+)*([^\\s;&|<>]+)\\s*");
    /** A copy of one file to another, the copy's name in group 1 ({@code cp -p app.example.ini app.ini}). */
    private static final Pattern COPY = Pattern.compile("\\s*cp\\s+(?:-\\S+\\s+)*[^\\s;&|<>]+\\s+([^\\s;&|<>]+[^/\\s;&|<>])\\s*");
    /**
     * A command that follows its output until the reader stops it: {@code tail -f}, {@code journalctl -f}, a
     * container's or pod's {@code logs -f}, {@code kubectl get -w}, {@code docker events} and {@code stats},
     * {@code dmesg -w}, {@code supervisorctl tail -f}, {@code watch}, {@code top} and {@code htop} without a count,
     * {@code ping} without one.
     */
    private static final Pattern FOLLOWS = Pattern.compile("\\s*(?:sudo\\s+(?:-\\S+\\s+)*)?(?:(?:tail|journalctl"
            + "|(?:docker|podman|kubectl|docker-compose|docker\\s+compose)\\s+logs|supervisorctl\\s+(?:tail|maintail))"
            + "\\s(?:[^;&|<>]*\\s)?(?:-[A-Za-z]*[fF][A-Za-z]*|--follow(?:=\\S*)?)(?:\\s[^;&|<>]*)?"
            + "|(?:kubectl|oc)\\s+get\\s(?:[^;&|<>]*\\s)?(?:-w|--watch(?:-only)?)(?:\\s[^;&|<>]*)?"
            + "|docker\\s+(?:events|stats(?![^;&|<>]*--no-stream))(?:\\s[^;&|<>]*)?"
            + "|dmesg\\s+(?:-[A-Za-z]*w|--follow)\\s*"
            + "|watch\\s[^;&|<>]+|h?top(?:\\s+(?!(?:.*\\s)?-[A-Za-z]*[bn])[^;&|<>]*)?"
            + "|ping\\s+(?!(?:.*\\s)?-[A-Za-z]*[cw])[^;&|<>]+)\\s*");
    /** "In a new terminal, ...", "open another shell", "in a second ssh session": the reader's next terminal */
    private static final Pattern OTHER_TERMINAL = Pattern.compile("(?i)\\b(?:another|a\\s+(?:new|second|separate"
            + "|different|fresh)|the\\s+other|a\\s+2nd)\\s+(?:(?:ssh|bash|terminal)\\s+)?(?:terminal|shell|console"
            + "|session)\\b");
    /** "press Ctrl+C", "stop it by pressing ``Ctrl-C``", "quit with **CTRL+C**": an instruction, not a mention */
    private static final Pattern CTRL_C = Pattern.compile("(?i)\\b(?:press(?:ing)?|hit(?:ting)?|us(?:e|ing)|send(?:ing)?"
            + "|insert(?:ing)?|with|by)\\s+[`*]*(?:ctrl|control)\\s*[-+]?\\s*c\\b");

    /** @param program the editor, {@code file} the file it opens */
    record Editor(String program, String file) {

        /** Why its step is skipped. */
        String why() {
            return "opens the editor " + program + ": the change to make in it is the guide's next block";
        }
    }

    /**
     * {@code diff} or {@code cmp} of files, no more: exit status 1 says they differ, as the output a guide shows
     * after it does ({@code --version} and {@code --help} say nothing of files)
     */
    private static final Pattern COMPARES = Pattern.compile(
            "\\s*(?:diff|cmp)(?:\\s+(?!--version\\b|--help\\b|-v\\b)[^\\s;&|<>`$()]+)+\\s*");

    /**
     * A wizard that asks its questions one after the other and whose first one may be a bare label
     * ({@code Username: admin}, which alone reads as output): Django's createsuperuser, {@code npm init} and
     * {@code yarn init} without {@code -y}, {@code adduser}
     */
    private static final Pattern ASKS = Pattern.compile(
            "(?:[^;&|<>]*\\s)?(?:createsuperuser|changepassword)\\b[^;&|<>]*"
            + "|\\s*(?:npm|yarn|pnpm)\\s+init(?![^;&|<>]*\\s(?:-y|--yes)\\b)[^;&|<>]*"
            + "|\\s*(?:sudo\\s+)?adduser\\s[^;&|<>]*");

    private CommandHints() {
    }

    /** The command is a wizard whose first question may look like output ({@link #ASKS}). */
    static boolean asksFirst(String command) {
        // each wizard's name, looked for before the expression that tells it apart (asked of every command)
        return (command.contains("createsuperuser") || command.contains("changepassword") || command.contains("init")
                || command.contains("adduser")) && ASKS.matcher(command).matches();
    }

    static Optional<Editor> editor(String command) {
        Matcher m = EDITOR.matcher(command);
        return m.matches() ? Optional.of(new Editor(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The file a plain {@code cp} makes, when the command is one. */
    static Optional<String> copiedTo(String command) {
        Matcher m = COPY.matcher(command);
        return m.matches() && FileTargets.isPath(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A comparison of files, whose exit status 1 says they differ. */
    static boolean comparesFiles(String command) {
        return COMPARES.matcher(command).matches();
    }

    /** The command follows its output until it is stopped with Ctrl-C ({@code tail -f ~/logs/app.log}). */
    static boolean follows(String command) {
        return FOLLOWS.matcher(command).matches();
    }

    /** The prose sends the reader to another terminal than the one a command runs on in. */
    static boolean saysOtherTerminal(String prose) {
        return prose != null && OTHER_TERMINAL.matcher(prose).find();
    }

    /** The prose tells the reader to stop a command with Ctrl-C. */
    static boolean saysCtrlC(String prose) {
        // the key's name, looked for before the expression that tells an instruction from a mention (asked of every
        // output line a guide shows)
        if (prose == null) {
            return false;
        }
        String lower = prose.toLowerCase(Locale.ROOT);
        return (lower.contains("ctrl") || lower.contains("control")) && CTRL_C.matcher(prose).find();
    }
}
