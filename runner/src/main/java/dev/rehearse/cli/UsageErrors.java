package dev.rehearse.cli;

import dev.rehearse.guide.ClosestName;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.List;

/**
 * A command line picocli could not take, said in one line that blames what was mistyped and offers picocli's
 * closest match: {@code rehearse rnu} is an unknown command (did you mean run?), and {@code run --targt local DIR}
 * an unknown option, not a runbook picocli found no place for.
 */
final class UsageErrors {

    private UsageErrors() {
    }

    static String describe(ParameterException ex) {
        String command = ex.getCommandLine().getCommandSpec().qualifiedName();
        if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return command + ": " + ex.getMessage() + " (" + command + " --help shows the usage)";
        }
        List<String> args = unmatched.getUnmatched();
        String option = args.stream().filter(a -> a.startsWith("-")).findFirst().orElse(null);
        List<String> suggestions = unmatched.getSuggestions().isEmpty() && option == null
                // picocli finds none for rnu; the edit distance does
                ? ClosestName.of(args.get(0), ex.getCommandLine().getSubcommands().keySet()).stream().toList()
                : unmatched.getSuggestions();
        String hint = suggestions.isEmpty() ? " (" + command + " --help lists them)"
                : " (did you mean " + String.join(" or ", suggestions.stream().map(s -> "'" + s + "'").toList()) + "?)";
        if (option != null) {
            return command + ": unknown option '" + option.replaceFirst("=.*", "") + "'" + (option.equals(args.get(0))
                    ? hint : " (" + command + " --help lists them)");
        }
        boolean hasSubcommands = !ex.getCommandLine().getSubcommands().isEmpty();
        return hasSubcommands ? command + ": unknown command '" + args.get(0) + "'" + hint
                : command + ": unexpected argument '" + args.get(0) + "'";
    }
}
