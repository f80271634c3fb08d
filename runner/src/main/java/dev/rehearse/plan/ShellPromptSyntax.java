package dev.rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the shell prompt a transcript line starts with, in one of these styles: the Uberspace
 * style {@code (venv) [user@host cwd]$} (the sigil may be missing), Debian's and Ubuntu's default
 * {@code user@host:cwd$} (or {@code #} for root; Raspberry Pi OS puts a space before it: {@code pi@raspberrypi:~ $}),
 * Gentoo's and Mint's {@code user@host cwd $} and zsh's {@code user@host cwd %}, a bare {@code $} (also after bash's
 * name or a folder: {@code bash-5.1$}, {@code ~/app$}), zsh's bare {@code %}, the arrows of starship and oh-my-zsh
 * ({@code ❯}, {@code ➜  app}), one word and the sigil (Gentoo's {@code root #} and {@code user $}, SUSE's {@code host:~ #}), or a bare root {@code #}.
 * The commands are bash's whatever the prompt: Rehearse's shell is bash. Which styles a block shows is decided for
 * the whole block first, and which of them a line is read in by where it stands ({@link SessionPrompts}), because a
 * {@code $ react-scripts build} that yarn prints in a bracketed-style block is output, and a {@code # comment} in a
 * script is no root prompt.
 */
public final class ShellPromptSyntax {

    /** How a block's prompts look. */
    public enum Style { BRACKETED, USER_HOST, DOLLAR, PERCENT, ARROW, WORD, HASH }

    /** A prompt and what was typed after it (empty for an empty prompt). */
    public record Match(ShellPrompt prompt, String command) {
    }

    /**
     * what a customised PS1 shows before a prompt: a clock ({@code [10:32:01] user@host:~$}) or the last command's
     * exit status ({@code [0] ~/app $})
     */
    private static final String STAMP = "(?:\\[(?:\\d{1,2}:\\d{2}(?::\\d{2})?|\\d{1,3})\\]\\s+)?";
    /** git's prompt helper's branch after the folder: {@code ~/app (main)$}, {@code ~/app (main *) $} */
    private static final String BRANCH = "(?:\\s?\\([^()\\s][^()]{0,40}\\))?";
    private static final Pattern BRACKETED = Pattern.compile(
            "^\\s*(?:\\((?<venv>[^()\\s]+)\\)\\s+)?\\[(?<user>[A-Za-z0-9_.$-]+)@(?<host>[A-Za-z0-9_.-]+)"
                    + "(?:\\s+(?<cwd>[^\\]]*?))?\\s*\\](?<sigil>[$#])?(?:\\s+(?<rest>.*))?$");
    private static final Pattern USER_HOST = Pattern.compile(
            "^\\s*" + STAMP + "(?:\\((?<venv>[^()\\s]+)\\)\\s+)?(?<user>[A-Za-z0-9_.-]+)@(?<host>[A-Za-z0-9_.-]+)"
                    + "(?::(?<cwd>[^\\s$#%]*)" + BRANCH + " ?|\\s+(?<spaced>[^\\s$#%]+)\\s+)(?<sigil>[$#%])(?:\\s+(?<rest>.*))?$");
    /**
     * a bare {@code $}, after bash's own name when no PS1 is set ({@code bash-5.1$}) or after the folder alone
     * ({@code ~/app$}, {@code /srv $}, with git's branch {@code ~/app (main)$}); the MySQL manual's {@code shell>} and
     * {@code $>}, its prompts of the system shell before a {@code mysql>} session
     */
    private static final Pattern DOLLAR = Pattern.compile("^\\s*" + STAMP + "(?:\\((?<venv>[^()\\s]+)\\)\\s+)?"
            + "(?:shell>|(?:(?:bash|sh)(?:-\\d+(?:\\.\\d+)*)?|(?<cwd>~[^\\s$#]*|/[^\\s$#]*)" + BRANCH + " ?)?\\$>?)"
            + "(?:\\s+(?<rest>.*))?$");
    /**
     * the arrow themes draw: starship's {@code ❯ }, oh-my-zsh's {@code ➜  app git:(main) ✗ } (its folder's name,
     * then the branch)
     */
    private static final Pattern ARROW = Pattern.compile("^(?:\\((?<venv>[^()\\s]+)\\)\\s+)?(?:(?<sigil>\u276f)"
            + "|(?<sigil2>\u279c)\\s+(?<cwd>\\S+)(?:\\s+git:\\([^)\\s]*\\))?(?:\\s+\u2717)?)(?:\\s+(?<rest>.*))?$");
    /**
     * zsh's bare prompt: at the start of the line (an indented {@code %} is output, as in curl's progress meter's
     * {@code   % Total    % Received}).
     */
    private static final Pattern PERCENT = Pattern.compile("^(?:\\((?<venv>[^()\\s]+)\\)\\s+)?%(?:\\s+(?<rest>.*))?$");
    /**
     * one word, maybe a folder, then the sigil: Gentoo's {@code root #}, {@code user $}, {@code (chroot) livecd #},
     * {@code livecd ~ #}, SUSE's {@code myhost:~ #}
     */
    private static final Pattern WORD = Pattern.compile("^(?:\\((?<venv>[^()\\s]+)\\)\\s+)?(?<word>[A-Za-z][\\w.-]*)"
            + "(?::(?<cwd>[~/]\\S*)|\\s+(?<spaced>[~/]\\S*))?\\s+(?<sigil>[$#])(?:\\s+(?<rest>.*))?$");
    /** root's bare {@code #}, also after bash's name ({@code bash-5.1#}) or a chroot's ({@code (chroot) #}) */
    private static final Pattern HASH = Pattern.compile("^\\s*(?:\\((?<venv>[^()\\s]+)\\)\\s+)?"
            + "(?:(?:bash|sh)-\\d+(?:\\.\\d+)*)?#(?:\\s+(?<rest>.*))?$");

    /** Words that start prose rather than a command; a # line starting with one is a comment. */
    private static final Set<String> PROSE_WORDS = Set.of("the", "a", "an", "this", "these", "to", "for", "if",
            "and", "or", "by", "in", "on", "of", "with", "your", "you", "we", "it", "is", "are", "be", "note",
            "replace", "add", "remove", "use", "change", "set", "see", "default", "optional", "example");
    private static final Pattern COMMAND_WORD = Pattern.compile("[a-z0-9_./~-][A-Za-z0-9_./~+-]*");

    private ShellPromptSyntax() {
    }

    /**
     * Every prompt style a block shows, the likeliest first (the order of {@link Style}); empty when it shows no
     * shell prompt (then it is file content).
     */
    public static List<Style> stylesOf(List<String> lines, String language) {
        if (!BlockLanguage.mayShowPrompts(language)) {
            return List.of();
        }
        List<Style> shown = new ArrayList<>();
        for (Style style : Style.values()) {
            if (shows(lines, language, style)) {
                shown.add(style);
            }
        }
        return shown;
    }

    private static boolean shows(List<String> lines, String language, Style style) {
        return switch (style) {
            case BRACKETED -> lines.stream().anyMatch(l -> mayBe(l, style) && BRACKETED.matcher(l).matches());
            case USER_HOST -> lines.stream().anyMatch(l -> mayBe(l, style) && USER_HOST.matcher(l).matches());
            case DOLLAR -> lines.stream().anyMatch(l -> mayBe(l, style) && DOLLAR.matcher(l).matches()
                    && l.strip().length() > 1);
            case PERCENT -> lines.stream().anyMatch(l -> mayBe(l, style) && PERCENT.matcher(l).matches()
                    && l.strip().length() > 1);
            case ARROW -> lines.stream().anyMatch(l -> mayBe(l, style) && ARROW.matcher(l).matches());
            case WORD -> lines.stream().anyMatch(ShellPromptSyntax::isWordPrompt);
            case HASH -> (BlockLanguage.isSession(language)
                    || lines.stream().anyMatch(ShellPromptSyntax::isNamedRootPrompt)) && isRootSession(lines);
        };
    }

    /** The prompt {@code line} starts with in a block of the given style. */
    public static Optional<Match> match(String line, Style style) {
        if (!mayBe(line, style)) {
            return Optional.empty();
        }
        Matcher m = switch (style) {
            case BRACKETED -> BRACKETED.matcher(line);
            case USER_HOST -> USER_HOST.matcher(line);
            case DOLLAR -> DOLLAR.matcher(line);
            case PERCENT -> PERCENT.matcher(line);
            case ARROW -> ARROW.matcher(line);
            case WORD -> WORD.matcher(line);
            case HASH -> HASH.matcher(line);
        };
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group("rest") == null ? "" : m.group("rest");
        ShellPrompt prompt = switch (style) {
            case BRACKETED -> new ShellPrompt(m.group("venv"), m.group("user"), m.group("host"), folder(m.group("cwd")),
                    m.group("sigil"));
            case USER_HOST -> new ShellPrompt(m.group("venv"), m.group("user"), m.group("host"),
                    folder(m.group("cwd") != null ? m.group("cwd") : m.group("spaced")), m.group("sigil"));
            case DOLLAR -> new ShellPrompt(m.group("venv"), null, null, folder(m.group("cwd")), "$");
            case PERCENT -> new ShellPrompt(m.group("venv"), null, null, null, "%");
            case ARROW -> new ShellPrompt(m.group("venv"), null, null, folder(m.group("cwd")),
                    m.group("sigil") != null ? m.group("sigil") : m.group("sigil2"));
            case WORD -> wordPrompt(m);
            case HASH -> new ShellPrompt(m.group("venv"), null, null, null, "#");
        };
        return Optional.of(new Match(prompt, rest));
    }

    /**
     * Whether the line has the character a prompt of the style cannot do without: most lines of a transcript are
     * output, and a guide of thousands of steps asks this of every line, before any code is compiled.
     */
    private static boolean mayBe(String line, Style style) {
        return switch (style) {
            case BRACKETED -> line.indexOf('[') >= 0 && line.indexOf('@') >= 0;
            case USER_HOST -> line.indexOf('@') >= 0;
            case DOLLAR -> line.indexOf('$') >= 0 || line.startsWith("shell>");
            case PERCENT -> line.indexOf('%') >= 0;
            case ARROW -> line.indexOf('\u276f') >= 0 || line.indexOf('\u279c') >= 0;
            case WORD -> line.indexOf(" #") >= 0 || line.indexOf(" $") >= 0;
            case HASH -> line.indexOf('#') >= 0;
        };
    }

    /** Gentoo's {@code root} and {@code user} name who types; any other word is the host's name */
    private static ShellPrompt wordPrompt(Matcher m) {
        String word = m.group("word");
        boolean who = word.equals("root") || word.equals("user");
        return new ShellPrompt(m.group("venv"), who ? word : null, who ? null : word,
                folder(m.group("cwd") != null ? m.group("cwd") : m.group("spaced")), m.group("sigil"));
    }

    /**
     * A line in {@link Style#WORD}: Gentoo's {@code root} or {@code user}, or a word with a folder or a chroot's name
     * beside it (a word alone before a {@code #} is a value and its comment: {@code retries # how often}), and what
     * follows a {@code #} reads as a command.
     */
    private static boolean isWordPrompt(String line) {
        if (!mayBe(line, Style.WORD)) {
            return false;
        }
        Matcher m = WORD.matcher(line);
        if (!m.matches() || m.group("rest") == null) {
            return false;
        }
        boolean named = m.group("word").equals("root") || m.group("word").equals("user") || m.group("venv") != null
                || m.group("cwd") != null || m.group("spaced") != null;
        return named && (m.group("sigil").equals("$") || readsAsCommand(m.group("rest")));
    }

    /** root's {@code #} after a name a comment never has: {@code bash-5.1#}, {@code (chroot) #} */
    private static boolean isNamedRootPrompt(String line) {
        Matcher m = HASH.matcher(line);
        return mayBe(line, Style.HASH) && m.matches() && !line.strip().startsWith("#");
    }

    private static String folder(String cwd) {
        return cwd == null || cwd.isEmpty() ? null : cwd;
    }

    /**
     * The prompt {@code line} starts with in a bare {@code $} (or {@code %}) block once a command there opened a
     * shell ({@code $ sudo -i}, {@code $ su -}): that shell's prompt may be root's bare {@code #}, before a
     * command-like first word.
     */
    public static Optional<Match> matchInOpenedShell(String line, Style style) {
        Optional<Match> own = match(line, style);
        if (own.isPresent() || style == Style.BRACKETED || style == Style.USER_HOST || style == Style.HASH) {
            return own;
        }
        return match(line, Style.HASH).filter(root -> !root.command().isEmpty() && readsAsCommand(root.command()));
    }

    /**
     * A block is a root session when every {@code #} line reads as a command: a lowercase command-like first
     * word that is not a prose word. One line of prose makes the whole block a script or a file with comments.
     */
    private static boolean isRootSession(List<String> lines) {
        boolean any = false;
        for (String line : lines) {
            Matcher m = HASH.matcher(line);
            if (!mayBe(line, Style.HASH) || !m.matches()) {
                continue;
            }
            String rest = m.group("rest");
            if (rest == null || rest.isBlank()) {
                continue;
            }
            if (!readsAsCommand(rest)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** a lowercase command-like first word that is not a prose word, in no sentence */
    static boolean readsAsCommand(String rest) {
        String first = rest.strip().split("\\s+")[0];
        return COMMAND_WORD.matcher(first).matches() && !PROSE_WORDS.contains(first) && !rest.contains(" the ")
                && !rest.endsWith(".");
    }
}
