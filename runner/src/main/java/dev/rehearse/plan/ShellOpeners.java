package dev.rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a command opens a shell on the terminal that takes the commands a guide types after it, as a reader's
 * terminal would: {@code bash}, {@code su - synapse}, {@code sudo -i}, {@code sudo -u synapse bash}, {@code pipenv
 * shell}, {@code scl enable devtoolset-9 bash}, {@code newgrp docker}, {@code docker exec -it db bash}, {@code ssh
 * host}, until an {@code exit}. The shell is bash, or a login shell that is bash where the target gives its users
 * bash: Rehearse drives bash; {@code sh}, {@code zsh} and {@code fish} are no openers (such a step ends waiting for
 * input, as any program at a prompt). No opener either: a shell given a script or a command ({@code bash update.sh},
 * {@code su -c ...}, {@code sudo -u synapse psql}), and any command with a pipe, a redirection, a list or a
 * substitution, whose shell would not read the terminal or would not be the last thing to run.
 * <p>
 * A step rule's {@code opens_shell} decides where this reading is wrong.
 */
public final class ShellOpeners {
    /** wrappers that run the rest of the line as their command */
    private static final Set<String> WRAPPERS = Set.of("env", "nice");
    /** bash's options that take a value as the next word */
    private static final Set<String> BASH_VALUED = Set.of("-o", "+o", "-O", "+O", "--rcfile", "--init-file");
    /** su's and runuser's options that take a value as the next word */
    private static final Set<String> SU_VALUED = Set.of("-s", "--shell", "-g", "--group", "-G", "--supp-group",
            "-w", "--whitelist-environment", "-u", "--user");
    /** sudo's options that take a value as the next word (or the rest of their cluster) */
    private static final String SUDO_VALUED_SHORT = "ugpCDrtUhTR";
    private static final Set<String> SUDO_VALUED_LONG = Set.of("--user", "--group", "--prompt", "--close-from",
            "--chdir", "--role", "--type", "--other-user", "--host", "--command-timeout", "--chroot");
    /** ssh's options that take a value as the next word */
    private static final String SSH_VALUED = "BbcDEeFIiJLlmOoPpQRSWw";
    /** docker/podman exec's options that take a value as the next word */
    private static final Set<String> EXEC_VALUED = Set.of("-e", "--env", "--env-file", "-u", "--user", "-w",
            "--workdir", "--detach-keys", "-c", "--container", "--index");

    private ShellOpeners() {
    }

    public static boolean opens(String command) {
        List<String> words = words(command);
        return words != null && opens(words);
    }

    private static boolean opens(List<String> words) {
        int i = 0;
        while (i < words.size() && isAssignment(words.get(i))) {
            i++;
        }
        if (i == words.size()) {
            return false;
        }
        String program = words.get(i);
        List<String> args = words.subList(i + 1, words.size());
        String name = program.substring(program.lastIndexOf('/') + 1);
        if (WRAPPERS.contains(name)) {
            return opens(withoutOptions(args));
        }
        return switch (name) {
            case "bash", "$SHELL", "${SHELL}" -> interactiveBash(args);
            // exec -a NAME names the program it runs
            case "exec" -> !args.isEmpty() && args.get(0).equals("-a")
                    ? args.size() > 2 && opens(args.subList(2, args.size())) : opens(withoutOptions(args));
            case "sudo" -> sudo(args);
            case "su", "runuser" -> su(args);
            case "newgrp" -> args.stream().filter(a -> !a.equals("-")).count() <= 1
                    && args.stream().noneMatch(a -> a.startsWith("-") && !a.equals("-"));
            case "sg" -> args.size() == 1;
            case "pipenv", "poetry", "hatch" -> !args.isEmpty() && args.get(0).equals("shell")
                    && args.stream().skip(1).allMatch(a -> a.startsWith("-"));
            case "nix-shell" -> args.stream().noneMatch(a -> a.equals("--run") || a.equals("--command"));
            case "scl" -> args.size() >= 3 && args.get(0).equals("enable")
                    && opens(List.of(args.get(args.size() - 1).split(" ")));
            case "chroot" -> chroot(args);
            case "docker", "podman", "nerdctl" -> containerExec(args);
            case "docker-compose" -> composeExec(args);
            case "kubectl", "lxc", "incus" -> afterDoubleDash(args);
            case "ssh" -> ssh(args);
            case "vagrant" -> args.size() >= 1 && args.get(0).equals("ssh") && !args.contains("-c")
                    && !args.contains("--command");
            case "machinectl" -> !args.isEmpty() && args.get(0).equals("shell") && args.size() <= 2;
            case "toolbox", "distrobox" -> !args.isEmpty() && args.get(0).equals("enter") && !args.contains("--");
            default -> false;
        };
    }

    /** bash with options only: no {@code -c}, no script */
    private static boolean interactiveBash(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (BASH_VALUED.contains(a)) {
                i++;
            } else if (a.equals("--")) {
                return i == args.size() - 1;
            } else if (a.startsWith("--")) {
                if (a.equals("--version") || a.equals("--help")) {
                    return false;
                }
            } else if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                if (a.indexOf('c') > 0) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /** {@code sudo -i}, {@code sudo -s}, or sudo running an opener */
    private static boolean sudo(List<String> args) {
        boolean shell = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                return opens(args.subList(i + 1, args.size()));
            }
            if (a.startsWith("--")) {
                shell |= a.equals("--login") || a.equals("--shell");
                if (SUDO_VALUED_LONG.contains(a)) {
                    i++;
                } else if (a.equals("--version") || a.equals("--help") || a.equals("--list")) {
                    return false;
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    shell |= c == 'i' || c == 's';
                    if (c == 'l' || c == 'v' || c == 'V') {
                        return false;
                    }
                    if (SUDO_VALUED_SHORT.indexOf(c) >= 0) {
                        if (k == a.length() - 1) {
                            i++;
                        }
                        break;
                    }
                }
            } else {
                return opens(args.subList(i, args.size()));
            }
        }
        return shell;
    }

    /** {@code su}, {@code su -}, {@code su - USER}, {@code su -l USER}: no command, and bash if a shell is named */
    private static boolean su(List<String> args) {
        int operands = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-c") || a.equals("--command") || a.equals("-C") || a.equals("--session-command")
                    || a.startsWith("--command=")) {
                return false;
            }
            if (a.equals("-s") || a.equals("--shell") || a.startsWith("--shell=")) {
                String shell = a.startsWith("--shell=") ? a.substring("--shell=".length())
                        : i + 1 < args.size() ? args.get(++i) : "";
                if (!shell.endsWith("bash")) {
                    return false;
                }
            } else if (SU_VALUED.contains(a)) {
                // runuser -u USER takes a command: it opens nothing without one
                if (a.equals("-u") || a.equals("--user")) {
                    return i + 2 < args.size() && args.get(i + 2).equals("--")
                            && opens(args.subList(i + 3, args.size()));
                }
                i++;
            } else if (!a.startsWith("-") || a.equals("--")) {
                operands += a.equals("--") ? 0 : 1;
            }
        }
        return operands <= 1;
    }

    /** {@code chroot DIR} (the shell of $SHELL) or chroot running an opener */
    private static boolean chroot(List<String> args) {
        List<String> rest = withoutOptions(args);
        return rest.size() == 1 || rest.size() > 1 && opens(rest.subList(1, rest.size()));
    }

    /** {@code docker exec -it CONTAINER bash}, and {@code docker compose exec SERVICE bash} */
    private static boolean containerExec(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("compose")) {
            return composeExec(args.subList(1, args.size()));
        }
        if (args.isEmpty() || !args.get(0).equals("exec")) {
            return false;
        }
        boolean interactive = false;
        boolean tty = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (EXEC_VALUED.contains(a)) {
                i++;
            } else if (a.startsWith("--")) {
                interactive |= a.equals("--interactive");
                tty |= a.equals("--tty");
            } else if (a.startsWith("-")) {
                interactive |= a.indexOf('i') > 0;
                tty |= a.indexOf('t') > 0;
            } else {
                return interactive && tty && i + 1 < args.size() && opens(args.subList(i + 1, args.size()));
            }
        }
        return false;
    }

    /** {@code docker-compose exec SERVICE bash}: a terminal unless {@code -T} */
    private static boolean composeExec(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("exec") || args.contains("-T") || args.contains("--no-TTY")) {
            return false;
        }
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (EXEC_VALUED.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return i + 1 < args.size() && opens(args.subList(i + 1, args.size()));
            }
        }
        return false;
    }

    /** {@code kubectl exec -it POD -- bash}, {@code lxc exec C -- bash} */
    private static boolean afterDoubleDash(List<String> args) {
        int dashes = args.indexOf("--");
        return !args.isEmpty() && args.get(0).equals("exec") && dashes > 0
                && opens(args.subList(dashes + 1, args.size()));
    }

    /** {@code ssh [options] HOST}: a login shell there; with a command, only if that command opens one ({@code -t}) */
    private static boolean ssh(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    // no command, in the background, no connection
                    if (c == 'N' || c == 'f' || c == 'V' || c == 'G') {
                        return false;
                    }
                    if (SSH_VALUED.indexOf(c) >= 0) {
                        // its value is the rest of the word, else the next word
                        i += k == a.length() - 1 ? 1 : 0;
                        break;
                    }
                }
            } else {
                return i == args.size() - 1 || args.contains("-t") && opens(args.subList(i + 1, args.size()));
            }
        }
        return false;
    }

    /** The words from the first that is no option on. */
    private static List<String> withoutOptions(List<String> args) {
        int i = 0;
        while (i < args.size() && (args.get(i).startsWith("-") || isAssignment(args.get(i)))) {
            i++;
        }
        return args.subList(i, args.size());
    }

    private static boolean isAssignment(String word) {
        int eq = word.indexOf('=');
        return eq > 0 && word.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /**
     * The command's words, quotes taken off and a trailing comment dropped; null when it holds what makes it more
     * than one simple command reading the terminal: a pipe, a redirection, a list, a subshell, a substitution other
     * than {@code $SHELL}, a line break.
     */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == ' ' || c == '\t') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else if ("|&;<>()`\\\n\r".indexOf(c) >= 0 || c == '$' && command.startsWith("$(", i)) {
                return null;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            return null;
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
