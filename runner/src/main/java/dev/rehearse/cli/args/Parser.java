package dev.rehearse.cli.args;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a command line against a {@link Syntax}, left to right: {@code --name value}, {@code --name=value}, flags
 * (several one-letter ones as {@code -qv}), a {@link Option#list} option as often as given, positional parameters
 * in order, {@code --} before arguments that only look like options. {@code --help} or {@code --version} ends the
 * reading: nothing after it counts. For a syntax of commands, the first argument that is no option names the
 * command and the rest is left for it.
 */
public final class Parser {
    private final Syntax syntax;
    private final List<String> args;
    private final Map<String, Object> values = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private int next;

    private Parser(Syntax syntax, List<String> args) {
        this.syntax = syntax;
        this.args = args;
    }

    /** @throws UsageError when the command line does not fit the syntax */
    public static Arguments parse(Syntax syntax, List<String> args) {
        return new Parser(syntax, args).read();
    }

    private Arguments read() {
        boolean optionsEnded = false;
        while (next < args.size()) {
            String arg = args.get(next++);
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && arg.startsWith("-") && arg.length() > 1) {
                Option<?> asked = option(arg);
                if (asked != null) {
                    return new Arguments(Map.of(), asked, null, List.of());
                }
            } else if (!syntax.commands().isEmpty()) {
                if (!syntax.commands().containsKey(arg)) {
                    throw UsageError.unknownCommand(syntax, arg);
                }
                return new Arguments(Map.of(), null, arg, args.subList(next, args.size()));
            } else {
                positionals.add(arg);
            }
        }
        if (!syntax.commands().isEmpty()) {
            throw UsageError.of(syntax, "Missing required subcommand");
        }
        for (Option<?> option : syntax.options()) {
            if (option.isRequired() && !values.containsKey(option.name())) {
                throw UsageError.of(syntax, "Missing required option: '" + option.shown() + "'");
            }
        }
        assignPositionals();
        return new Arguments(values, null, null, List.of());
    }

    /** Reads the option {@code arg} names; returns it when it is {@code --help} or {@code --version}. */
    private Option<?> option(String arg) {
        if (!arg.startsWith("--") && arg.length() > 2) {
            return flags(arg);
        }
        String name = Option.nameIn(arg);
        Option<?> option = syntax.option(name);
        if (option == null) {
            throw UsageError.unknownOption(syntax, arg);
        }
        String attached = name.equals(arg) ? null : arg.substring(name.length() + 1);
        if (option == Syntax.HELP || option == Syntax.VERSION) {
            return option;
        }
        if (option.isFlag()) {
            values.put(option.name(), attached == null || flag(option, attached));
            return null;
        }
        String text = attached != null ? attached : value(option);
        Object value = convert("option '" + option.name() + "'", () -> option.convert(text));
        if (option.isList()) {
            @SuppressWarnings("unchecked")
            List<Object> all = (List<Object>) values.computeIfAbsent(option.name(), k -> new ArrayList<>());
            all.add(value);
        } else if (values.put(option.name(), value) != null) {
            throw UsageError.of(syntax, "option '" + option.name() + "' (" + option.label()
                    + ") should be specified only once");
        }
        return null;
    }

    /** {@code -qv}: one-letter flags given together. */
    private Option<?> flags(String arg) {
        for (char letter : arg.substring(1).toCharArray()) {
            Option<?> option = syntax.option("-" + letter);
            if (option == null || !option.isFlag()) {
                throw UsageError.unknownOption(syntax, arg);
            }
        }
        for (char letter : arg.substring(1).toCharArray()) {
            Option<?> asked = option("-" + letter);
            if (asked != null) {
                return asked;
            }
        }
        return null;
    }

    private boolean flag(Option<?> option, String text) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw UsageError.of(syntax, "Invalid value for option '" + option.name() + "': '" + text
                    + "' is not a boolean");
        }
        return Boolean.parseBoolean(text);
    }

    /** The argument after an option that takes one. */
    private String value(Option<?> option) {
        if (next == args.size()) {
            throw UsageError.of(syntax, "Missing required parameter for option '" + option.name() + "' ("
                    + option.label() + ")");
        }
        String text = args.get(next++);
        if (syntax.option(Option.nameIn(text)) != null) {
            throw UsageError.of(syntax, "Expected parameter for option '" + option.name() + "' but found '" + text
                    + "'");
        }
        return text;
    }

    private void assignPositionals() {
        int taken = 0;
        for (Parameter<?> parameter : syntax.parameters()) {
            if (taken == positionals.size()) {
                if (!parameter.isOptional()) {
                    throw UsageError.of(syntax, "Missing required parameter: '" + parameter.label() + "'");
                }
                break;
            }
            String what = "parameter '" + parameter.label() + "'";
            if (parameter.isMany()) {
                List<Object> all = new ArrayList<>();
                for (String text : positionals.subList(taken, positionals.size())) {
                    all.add(convert(what, () -> parameter.convert(text)));
                }
                taken = positionals.size();
                values.put(parameter.label(), all);
            } else {
                String text = positionals.get(taken++);
                values.put(parameter.label(), convert(what, () -> parameter.convert(text)));
            }
        }
        if (taken < positionals.size()) {
            throw UsageError.unexpected(syntax, positionals.get(taken));
        }
    }

    private Object convert(String what, Supplier<Object> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw UsageError.of(syntax, "Invalid value for " + what + ": " + e.getMessage());
        }
    }
}
