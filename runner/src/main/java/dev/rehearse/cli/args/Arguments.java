package dev.rehearse.cli.args;

import java.util.List;
import java.util.Map;

/**
 * A command line as {@link Parser} read it against a {@link Syntax}: each option's and parameter's value, whether
 * help or the version was asked for, and for a program of commands, the command named and the arguments after it.
 */
public final class Arguments {
    private final Map<String, Object> values;
    private final Option<?> asked;
    private final String command;
    private final List<String> rest;

    Arguments(Map<String, Object> values, Option<?> asked, String command, List<String> rest) {
        this.values = values;
        this.asked = asked;
        this.command = command;
        this.rest = rest;
    }

    /** The option's value, or what it has when not given (false for a flag, empty for a list, else null). */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        Object value = values.get(option.name());
        return value == null ? option.absent() : (T) value;
    }

    /** The parameter's value (a list for {@link Parameter#many}), null for an optional one left out. */
    @SuppressWarnings("unchecked")
    public <T> T get(Parameter<T> parameter) {
        return (T) values.get(parameter.label());
    }

    /**
     * The value of the option of this name when it was given (true for a flag), else null: for options declared
     * by others than the command that reads them (a kind of target's own).
     */
    public Object value(String name) {
        return values.get(name);
    }

    /** {@code --help} was given: nothing else counts. */
    public boolean helpAsked() {
        return asked == Syntax.HELP;
    }

    /** {@code --version} was given: nothing else counts. */
    public boolean versionAsked() {
        return asked == Syntax.VERSION;
    }

    /** The command named, for a {@link Syntax} of commands. */
    public String command() {
        return command;
    }

    /** The arguments after the command named, for it to read. */
    public List<String> rest() {
        return rest;
    }
}
