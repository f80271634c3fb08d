package dev.rehearse.cli.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one command takes, declared in plain code: its name as typed ({@code rehearse run}), what it does, its options
 * and positional parameters, and for its {@code --help} the headings its options go under and a footer (examples,
 * exit statuses); or, for the program itself, the commands it dispatches to. Every command also takes
 * {@link #HELP} and {@link #VERSION}. {@link Parser} reads a command line against it, {@link HelpText} shows it.
 */
public final class Syntax {
    /** {@code -h, --help} on every command. */
    public static final Option<Boolean> HELP = Option.flag("-h", "--help", "Show this help message and exit.");
    /** {@code -V, --version} on every command. */
    public static final Option<Boolean> VERSION = Option.flag("-V", "--version", "Print version information and exit.");

    private final String name;
    private final String synopsis;
    private final String description;
    private final List<Option<?>> options;
    private final List<Parameter<?>> parameters;
    private final Map<String, List<String>> headings;
    private final String footerHeading;
    private final List<String> footer;
    private final Map<String, String> commands;

    private Syntax(Builder b) {
        this.name = b.name;
        this.synopsis = b.synopsis;
        this.description = b.description;
        this.options = List.copyOf(b.options);
        this.parameters = List.copyOf(b.parameters);
        this.headings = b.headings;
        this.footerHeading = b.footerHeading;
        this.footer = b.footer;
        this.commands = b.commands;
    }

    /** A command named as typed ({@code rehearse run}), with what it does in a sentence or two. */
    public static Builder command(String name, String description) {
        return new Builder(name, description);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** Every option, {@link #HELP} and {@link #VERSION} included, in the order declared. */
    public List<Option<?>> options() {
        return options;
    }

    public List<Parameter<?>> parameters() {
        return parameters;
    }

    /** The commands this one dispatches to ({@code rehearse}'s: {@code run}, ...) and what each does; else empty. */
    public Map<String, String> commands() {
        return commands;
    }

    /** The option with this name or short name, or null. */
    public Option<?> option(String typed) {
        for (Option<?> option : options) {
            if (option.isNamed(typed)) {
                return option;
            }
        }
        return null;
    }

    /** The usage line after {@code Usage: }, or null to make it from the options. */
    String synopsis() {
        return synopsis;
    }

    /** heading -> the names of the options under it, in the order shown; empty for one list of all options */
    Map<String, List<String>> headings() {
        return headings;
    }

    String footerHeading() {
        return footerHeading;
    }

    List<String> footer() {
        return footer;
    }

    /** Declares a {@link Syntax}. */
    public static final class Builder {
        private final String name;
        private final String description;
        private String synopsis;
        private final List<Option<?>> options = new ArrayList<>();
        private final List<Parameter<?>> parameters = new ArrayList<>();
        private final Map<String, List<String>> headings = new LinkedHashMap<>();
        private String footerHeading;
        private List<String> footer = List.of();
        private final Map<String, String> commands = new LinkedHashMap<>();

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        /** The usage line, e.g. {@code rehearse run [OPTIONS] RUNBOOK}, for a command whose options are too many. */
        public Builder synopsis(String line) {
            this.synopsis = line;
            return this;
        }

        public Builder options(Option<?>... more) {
            return options(List.of(more));
        }

        public Builder options(List<Option<?>> more) {
            for (Option<?> option : more) {
                if (option(option.name()) || option.shortName() != null && option(option.shortName())) {
                    throw new IllegalArgumentException(name + " declares " + option.name() + " twice");
                }
                options.add(option);
            }
            return this;
        }

        private boolean option(String typed) {
            return options.stream().anyMatch(o -> o.isNamed(typed));
        }

        /** The next positional parameter; one that takes {@link Parameter#many} of them must be the last. */
        public Builder parameter(Parameter<?> parameter) {
            if (!parameters.isEmpty() && (parameters.get(parameters.size() - 1).isMany()
                    || parameters.get(parameters.size() - 1).isOptional())) {
                throw new IllegalArgumentException(name + ": no parameter can follow " + parameter.label());
            }
            parameters.add(parameter);
            return this;
        }

        /**
         * A heading in {@code --help} and the options under it (by their names, in the order shown). Once a command
         * has headings, an option none names goes under "Other options", so that none is ever left out.
         */
        public Builder heading(String heading, String... names) {
            headings.put(heading, List.of(names));
            return this;
        }

        /** Text after the options in {@code --help}, under a heading ({@code Examples}). */
        public Builder footer(String heading, String... lines) {
            this.footerHeading = heading;
            this.footer = List.of(lines);
            return this;
        }

        /** A command this one dispatches to, with what it does: the first argument that is no option names it. */
        public Builder subcommand(String command, String what) {
            commands.put(command, what);
            return this;
        }

        public Syntax build() {
            options(HELP, VERSION);
            return new Syntax(this);
        }
    }
}
