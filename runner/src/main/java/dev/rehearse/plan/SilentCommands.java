package dev.rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Commands that print nothing when they succeed, so that a block of output the guide shows after a script of several
 * commands can only be the last one's ({@code mkdir -p ~/notes}, {@code echo one > ~/notes/a.txt}, then
 * {@code ls ~/notes} and "Output:"). Read from the command's text alone: every part of it joined by {@code ;},
 * {@code &&} or {@code ||} must be such a command, and a pipeline's last one; anything not known to be silent is
 * not, since a wrong "silent" checks one command against another's output.
 */
final class SilentCommands {
    /** Programs and builtins that print nothing on success unless asked to (a verbose option; a query form, below). */
    private static final Set<String> QUIET = Set.of("cd", "touch", "mkdir", "cp", "mv", "ln", "rm", "rmdir", "chmod",
            "chown", "chgrp", "source", ".", "true", ":", "sleep", "install", "mkfifo", "truncate", "unset", "unalias",
            "useradd", "groupadd", "usermod", "gzip", "gunzip", "bzip2", "xz", "wait");
    /** Builtins that print their state when given nothing to set: {@code export}, {@code alias}, {@code umask}. */
    private static final Set<String> QUIET_WITH_A_NAME = Set.of("export", "alias", "umask", "shopt", "ulimit");
    /** Copies, moves and removals that ask before they overwrite when told to ({@code -i}). */
    private static final Set<String> MAY_ASK = Set.of("cp", "mv", "rm", "ln");
    /** An option asking a program to say what it does: {@code -v}, {@code -av}, {@code --verbose}. */
    private static final Pattern TALKS = Pattern.compile("-[A-Za-z]*v[A-Za-z]*|--verbose|--help|--version");
    private static final Pattern ASKS = Pattern.compile("-[A-Za-z]*i[A-Za-z]*|--interactive");
    /** sudo's options that take the next word as their value: {@code -u git}, {@code -g www-data} */
    private static final Pattern SUDO_VALUE = Pattern.compile("-[ugCDprtUTh]");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    /**
     * Standard output into a file: {@code > f}, {@code >> f}, {@code &> f}, {@code 1> f}; not another descriptor's
     * ({@code 2> f}) and not standard output onto standard error ({@code >&2}), which the terminal shows
     */
    private static final Pattern INTO_A_FILE = Pattern.compile("(?:^|[^0-9>&]|(?<![0-9])1|&)>{1,2}\\s*[^&\\s>]");

    private SilentCommands() {
    }

    /** The command prints nothing when it succeeds. */
    static boolean printsNothing(String command) {
        if (command.contains("<<") || command.contains("`") || command.contains("$(")) {
            return false;
        }
        List<String> parts = parts(command.replace("\\\n", " "));
        return parts != null && !parts.isEmpty() && parts.stream().allMatch(SilentCommands::silent);
    }

    private static boolean silent(String part) {
        if (INTO_A_FILE.matcher(unquoted(part)).find()) {
            return true;
        }
        List<String> words = words(part);
        int i = 0;
        boolean sudo = false;
        while (i < words.size()) {
            String word = words.get(i);
            if (word.equals("sudo") || word.equals("command")) {
                sudo |= word.equals("sudo");
            } else if (sudo && word.startsWith("-")) {
                i += SUDO_VALUE.matcher(word).matches() ? 1 : 0; // sudo -u git: git is no program
            } else if (!ASSIGNMENT.matcher(word).matches()) {
                break;
            }
            i++;
        }
        if (i >= words.size()) {
            return !sudo && !words.isEmpty();
        }
        String program = words.get(i);
        List<String> arguments = words.subList(i + 1, words.size());
        if (arguments.stream().anyMatch(a -> TALKS.matcher(a).matches()
                || MAY_ASK.contains(program) && ASKS.matcher(a).matches())) {
            return false;
        }
        if (program.equals("cd")) {
            return !arguments.contains("-");
        }
        if (program.equals("tar")) {
            // its first argument holds its letters with or without a dash: v lists as it goes, t lists
            return !arguments.isEmpty() && !arguments.get(0).startsWith("--") && !arguments.get(0).contains("v")
                    && !arguments.get(0).contains("t");
        }
        if (program.matches("python[0-9.]*")) {
            return arguments.size() >= 3 && arguments.get(0).equals("-m") && arguments.get(1).equals("venv");
        }
        if (program.equals("set")) {
            return !arguments.isEmpty() && !(arguments.size() == 1 && arguments.get(0).matches("[-+]o"));
        }
        if (program.equals("sed")) {
            return arguments.stream().anyMatch(a -> a.equals("-i") || a.startsWith("--in-place")
                    || a.matches("-[A-Za-z]*i[A-Za-z]*"));
        }
        if (program.equals("git")) {
            return !arguments.isEmpty() && arguments.get(0).equals("add")
                    || arguments.size() >= 3 && arguments.get(0).equals("config")
                    && arguments.stream().noneMatch(a -> a.startsWith("--get") || a.equals("--list") || a.equals("-l"));
        }
        return QUIET.contains(program)
                || QUIET_WITH_A_NAME.contains(program) && arguments.stream().anyMatch(a -> !a.startsWith("-"));
    }

    /**
     * The command's parts between {@code ;}, {@code &&} and {@code ||} (of a pipeline, its last command), outside
     * quotes; null where it runs something in the background ({@code &}, which prints its job).
     */
    private static List<String> parts(String command) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';' || c == '\n' || c == '|' || c == '&' && !redirection(command, i)) {
                boolean doubled = i + 1 < command.length() && command.charAt(i + 1) == c;
                if (c == '&' && !doubled) {
                    return null;
                }
                if (c == '|' && !doubled) {
                    part.setLength(0);
                } else {
                    parts.add(part.toString());
                    part.setLength(0);
                }
                i += doubled ? 1 : 0;
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** The {@code &} at {@code i} is part of a redirection ({@code &>}, {@code >&}, {@code 2>&1}), no separator. */
    private static boolean redirection(String command, int i) {
        return i + 1 < command.length() && command.charAt(i + 1) == '>' || i > 0 && command.charAt(i - 1) == '>';
    }

    /** The part with its quoted text taken out, so that a {@code >} in a string is no redirection. */
    private static String unquoted(String part) {
        return part.replaceAll("'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"", "''");
    }

    private static List<String> words(String part) {
        return List.of(unquoted(part).strip().split("\\s+"));
    }
}
