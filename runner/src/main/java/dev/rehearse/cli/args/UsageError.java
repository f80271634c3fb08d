package dev.rehearse.cli.args;

import dev.rehearse.guide.ClosestName;

import java.util.List;
import java.util.Optional;

/**
 * A command line that does not fit its {@link Syntax}, said in one line that starts with the command and blames
 * what was mistyped, with the closest known name where one is near: {@code rehearse rnu} is an unknown command (did
 * you mean run?), {@code run --targt local DIR} an unknown option, not a runbook with no place.
 */
public final class UsageError extends RuntimeException {

    private UsageError(String line) {
        super(line);
    }

    /** A problem with what was given: the line ends by pointing at the command's help. */
    static UsageError of(Syntax command, String problem) {
        return new UsageError(command.name() + ": " + problem + " (" + command.name() + " --help shows the usage)");
    }

    static UsageError unknownOption(Syntax command, String typed) {
        String option = Option.nameIn(typed);
        // a long name offers the closest long one; a one-letter name is too short to guess from
        List<String> names = option.startsWith("--")
                ? command.options().stream().map(Option::name).toList() : List.of();
        // a name cut short (--report for --report-dir) is too far from the whole one to look like a typo
        List<String> longer = names.stream().filter(name -> name.startsWith(option + "-")).toList();
        Optional<String> meant = ClosestName.of(option, names)
                .or(() -> longer.size() == 1 ? Optional.of(longer.get(0)) : Optional.empty());
        return new UsageError(command.name() + ": unknown option '" + option + "'" + hint(command, meant));
    }

    static UsageError unknownCommand(Syntax program, String typed) {
        return new UsageError(program.name() + ": unknown command '" + typed + "'"
                + hint(program, ClosestName.of(typed, program.commands().keySet())));
    }

    static UsageError unexpected(Syntax command, String argument) {
        return new UsageError(command.name() + ": unexpected argument '" + argument + "'");
    }

    private static String hint(Syntax command, Optional<String> meant) {
        return meant.map(name -> " (did you mean '" + name + "'?)")
                .orElse(" (" + command.name() + " --help lists them)");
    }
}
