package dev.rehearse.targets;

import dev.rehearse.model.CommandResult;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of some files are there, asked in the run's own shell: one command typed there, where reading each file
 * through the target ({@link Target#readFile}) starts a program on the target for each (an exec in a container,
 * slower than the shell's whole start). A path is there when anything is at it, a symbolic link too, dangling or
 * not. The command runs in a subshell, so the session keeps its variables; it prints the index of each path that is
 * there on a line of its own, and every other line (what a login script's trap may print) is ignored.
 */
public final class ExistingFiles {
    private static final String MARK = "rehearse-there:";
    private static final Pattern THERE = Pattern.compile("^" + MARK + "(\\d{1,9})$", Pattern.MULTILINE);

    private ExistingFiles() {
    }

    /**
     * @param paths absolute paths
     * @return those of {@code paths} that are there; empty when the shell could not tell (the command did not complete
     * with status 0: interrupted, timed out, the shell gone)
     */
    public static Optional<Set<String>> askedIn(Session shell, List<String> paths, Duration timeout) {
        CommandResult result = shell.run(command(paths), List.of(), timeout, null);
        if (result.status() != CommandResult.Status.COMPLETED || result.exit() != 0) {
            return Optional.empty();
        }
        Set<String> there = new HashSet<>();
        Matcher line = THERE.matcher(result.output());
        while (line.find()) {
            int index = Integer.parseInt(line.group(1));
            if (index < paths.size()) {
                there.add(paths.get(index));
            }
        }
        return Optional.of(there);
    }

    /** The command that prints {@code rehearse-there:N} for each path N (from 0) that is there. */
    static String command(List<String> paths) {
        StringBuilder command = new StringBuilder("(n=0; for p in");
        for (String path : paths) {
            command.append(' ').append(BashQuoting.ansiC(path));
        }
        return command.append("; do if [ -e \"$p\" ] || [ -L \"$p\" ]; then printf '" + MARK
                + "%s\\n' \"$n\"; fi; n=$((n + 1)); done)").toString();
    }
}
