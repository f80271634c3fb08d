package dev.rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exit status a guide shows for a command, where it shows one without saying "exit status": a comparison of
 * files that prints what differs ends with 1, as {@code diff} says a difference; a command followed by
 * {@code echo $?} ({@code echo "grep said $?"}) ends with the number that echo prints. Asked once every step's
 * output is known, since either may be shown in a block after the command's own.
 */
final class ShownStatuses {
    /** diff's status for "the files differ" */
    private static final int DIFFERENT = 1;

    private ShownStatuses() {
    }

    /** The steps, each command expecting the status its guide shows for it. */
    static List<Step> expected(List<Step> steps) {
        List<Step> out = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int status = step instanceof CommandStep c && c.policy().skip() == null && c.policy().expectExit() == 0
                    ? shownFor(c, i + 1 < steps.size() ? steps.get(i + 1) : null) : 0;
            out.add(status == 0 ? step : withStatus((CommandStep) step, status));
        }
        return out;
    }

    private static int shownFor(CommandStep command, Step next) {
        if (CommandHints.comparesFiles(command.command()) && !outputLines(command).isEmpty()) {
            return DIFFERENT;
        }
        return next instanceof CommandStep echo && echo.source().equals(command.source())
                && echo.policy().skip() == null ? echoed(echo) : 0;
    }

    /**
     * The status {@code echo ... $? ...} prints in its one line of output, or 0 when it is no such command: quotes
     * as the shell reads them (none in its output), never single ones ({@code '$?'} prints itself), no other
     * expansion (what it prints is not known here).
     */
    private static int echoed(CommandStep echo) {
        String command = echo.command().strip();
        if (!command.startsWith("echo ") || !command.contains("$?") || command.contains("'")
                || command.replace("$?", "").contains("$") || command.contains("`")) {
            return 0;
        }
        List<String> output = outputLines(echo);
        if (output.size() != 1) {
            return 0;
        }
        String[] around = command.substring("echo ".length()).strip().replace("\"", "").split(Pattern.quote("$?"), -1);
        StringBuilder shape = new StringBuilder(Pattern.quote(around[0]));
        for (int i = 1; i < around.length; i++) {
            shape.append("(\\d{1,3})").append(Pattern.quote(around[i]));
        }
        Matcher shown = Pattern.compile(shape.toString()).matcher(output.get(0).strip());
        return shown.matches() ? Integer.parseInt(shown.group(1)) : 0;
    }

    private static List<String> outputLines(CommandStep c) {
        return c.expected().stream().filter(line -> line.kind() == ExpectedLine.Kind.OUTPUT && !line.text().isBlank())
                .map(ExpectedLine::text).toList();
    }

    private static CommandStep withStatus(CommandStep c, int status) {
        return c.withPolicy(c.policy().expecting(status));
    }
}
