package dev.rehearse.plan;

import dev.rehearse.guide.Block;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the steps a guide shows for another machine than the host it installs on: a prompt of the reader's own
 * computer ({@code [localuser@localhost ~]$}, {@code [isabell@local ~]$}), prose saying so ("on your own
 * computer", "on your device", "locally") or putting them on another system ("On Windows, ...", "macOS users"), or
 * a command that is Windows' ({@code .venv\Scripts\activate}). Such steps are skipped with the reason; a sidecar
 * rule with {@code skip: false} runs them anyway.
 */
public final class OtherMachine {
    /** How every reason of this kind begins. */
    public static final String WHY = "for another machine: ";
    /** How a reason begins where the prompt said so. */
    static final String BY_PROMPT = WHY + "the prompt is ";
    /**
     * the reader's own computer; {@code host} only as {@code your@host}: a guide's {@code user@host:~$} is the server
     */
    private static final Set<String> LOCAL_HOSTS = Set.of("local", "localhost", "desktop", "laptop", "pc",
            "client", "home", "workstation", "mycomputer");
    private static final Pattern PROSE = Pattern.compile("(?i)\\b(?:on|at|from) (?:your|our|her|his|the) (?:own )?(?:local )?"
            + "(?:computer|device|devices|machine|laptop|desktop|workstation|pc|client)\\b|\\blocal (?:machine|computer"
            + "|system|device)s?\\b|\\byour local\\b|\\blocally\\b(?! (?:compiled|installed|built|cached))");

    private OtherMachine() {
    }

    /** Why the prompt belongs to another machine, or empty. */
    public static Optional<String> byPrompt(ShellPrompt prompt) {
        if (prompt == null || prompt.host() == null) {
            return Optional.empty();
        }
        String host = prompt.host().toLowerCase(Locale.ROOT);
        String user = prompt.user() == null ? "" : prompt.user().toLowerCase(Locale.ROOT);
        if (user.equals("root") && host.startsWith("localhost")) {
            // a server's first name (RHEL's [root@localhost ~]#): nobody works as root on a laptop
            return Optional.empty();
        }
        if (LOCAL_HOSTS.contains(host) || host.startsWith("localhost") || user.startsWith("local")
                || host.equals("host") && (user.equals("your") || user.equals("you"))) {
            return Optional.of(BY_PROMPT + prompt.user() + "@" + prompt.host());
        }
        return Optional.empty();
    }

    /** Why the prose before the block puts it on another machine, or empty. */
    public static Optional<String> byProse(Block block) {
        if (block.precedingText() == null) {
            return Optional.empty();
        }
        Matcher m = PROSE.matcher(block.precedingText());
        if (m.find()) {
            return Optional.of(WHY + "the guide says \"" + m.group() + "\"");
        }
        Matcher system = OTHER_SYSTEM.matcher(block.precedingText());
        return system.find() && !THIS_SYSTEM.matcher(block.precedingText()).find()
                ? Optional.of(WHY + "the guide says \"" + system.group() + "\"") : Optional.empty();
    }

    /** Whether the text names this kind of system ("Linux", "Debian", "WSL"). */
    static boolean namesThisSystem(String text) {
        return THIS_SYSTEM.matcher(text).find();
    }

    /** Why the command is another system's (a Windows path or package manager), or empty. */
    public static Optional<String> byCommand(String command) {
        Matcher m = WINDOWS_COMMAND.matcher(command);
        return m.find() ? Optional.of(WHY + "\"" + m.group().strip() + "\" is Windows'") : Optional.empty();
    }

    /** prose that puts the steps on Windows or a Mac ("On Windows, activate it with:", "macOS users") */
    private static final Pattern OTHER_SYSTEM = Pattern.compile("(?i)\\b(?:(?:on|for|under|in|using) (?:a )?"
            + "(?:windows|macos|mac os(?: x)?|os x|osx|mac)\\b|(?:windows|macos|mac) users\\b|if you(?:'re| are) "
            + "(?:on|using) (?:windows|macos|a mac)\\b)");
    /** ... unless it names this kind of system too ("On Linux and macOS", "Windows Subsystem for Linux") */
    private static final Pattern THIS_SYSTEM = Pattern.compile("(?i)\\b(?:linux|unix|debian|ubuntu|fedora|centos"
            + "|rhel|red hat|arch|gentoo|suse|bsd|posix|wsl)\\b");
    /** {@code .venv\Scripts\activate}, {@code choco install}, {@code winget}, {@code scoop} */
    private static final Pattern WINDOWS_COMMAND = Pattern.compile("\\\\Scripts\\\\activate\\b"
            + "|^\\s*(?:choco|winget|scoop)\\s");

    /**
     * The steps, where what tells one machine from another is across them: a file step among another machine's
     * commands is for it too; a guide whose every step is at the reader's own prompts installs there.
     */
    static List<Step> settle(List<Step> steps) {
        return onTheOnlyMachine(onTheirMachine(steps));
    }

    /**
     * A guide whose every step stands at (or between) prompts of the reader's own computer ({@code alice@laptop:~$})
     * installs on that computer: there is no other machine for its steps, and the target stands in for it. Where
     * any step would run, the prompts tell one machine from the other, and those of the reader's own stay skipped.
     */
    private static List<Step> onTheOnlyMachine(List<Step> steps) {
        // root's prompt on that computer's name is the same machine (Fedora's [root@localhost ~]# among
        // [user@localhost ~]$), though alone it is a server's
        Set<String> readersHosts = new HashSet<>();
        for (Step step : steps) {
            if (atTheReadersPrompt(step) && promptHost(step) != null) {
                readersHosts.add(promptHost(step));
            }
        }
        if (steps.isEmpty() || !steps.stream().allMatch(s -> atTheReadersPrompt(s)
                || readersHosts.contains(promptHost(s)))) {
            return steps;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (atTheReadersPrompt(steps.get(i))) {
                // no reason to skip it left: the step runs
                steps.set(i, steps.get(i).withPolicy(steps.get(i).policy().skipped(null)));
            }
        }
        return steps;
    }

    /** the host a command step's prompt shows, or null */
    private static String promptHost(Step step) {
        return step instanceof CommandStep c && c.prompt() != null ? c.prompt().host() : null;
    }

    private static boolean atTheReadersPrompt(Step step) {
        return step.policy().skip() != null && step.policy().skip().startsWith(OtherMachine.BY_PROMPT);
    }

    /**
     * A file step between commands that are all for another machine is for that machine too ("add this to your
     * {@code ~/.bashrc.local}" among the commands of the reader's laptop): skipped like them.
     */
    private static List<Step> onTheirMachine(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step instanceof CommandStep || step.policy().skip() != null) {
                continue;
            }
            Optional<String> before = elsewhere(steps, i, -1);
            if (before.isPresent() && elsewhere(steps, i, 1).isPresent()) {
                steps.set(i, step.withPolicy(step.policy().skipped(before.get())));
            }
        }
        return steps;
    }

    /** Why the nearest command before ({@code direction} -1) or after (1) the step is for another machine, if it is. */
    private static Optional<String> elsewhere(List<Step> steps, int at, int direction) {
        for (int i = at + direction; i >= 0 && i < steps.size(); i += direction) {
            if (steps.get(i) instanceof CommandStep c) {
                return Optional.ofNullable(c.policy().skip()).filter(why -> why.startsWith(OtherMachine.WHY));
            }
        }
        return Optional.empty();
    }
}
