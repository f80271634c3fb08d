package dev.rehearse.cli.args;

import java.util.List;

/**
 * A positional argument of a command: one ({@code RUNBOOK}), one or more ({@code GUIDE...}), or one that may be left
 * out ({@code [COMMAND]}), each text converted as an {@link Option}'s is.
 *
 * @param <T> what {@link Arguments#get(Parameter)} gives for it: the value, or a list of them for {@link #many}
 */
public final class Parameter<T> {
    private final String label;
    private final String description;
    private final Option.Conversion<?> conversion;
    private final boolean many;
    private final boolean optional;

    private Parameter(String label, String description, Option.Conversion<?> conversion, boolean many,
                      boolean optional) {
        this.label = label;
        this.description = description;
        this.conversion = conversion;
        this.many = many;
        this.optional = optional;
    }

    /** Exactly one. */
    public static <T> Parameter<T> one(String label, String description, Option.Conversion<T> conversion) {
        return new Parameter<>(label, description, conversion, false, false);
    }

    /** One or none: null when left out. */
    public static <T> Parameter<T> optional(String label, String description, Option.Conversion<T> conversion) {
        return new Parameter<>(label, description, conversion, false, true);
    }

    /** One or more, every argument left once the ones before it took theirs. */
    public static <T> Parameter<List<T>> many(String label, String description, Option.Conversion<T> conversion) {
        return new Parameter<>(label, description, conversion, true, false);
    }

    /** The same argument under another label and description (the runbook argument of a command of many runs). */
    public Parameter<T> as(String otherLabel, String otherDescription) {
        return new Parameter<>(otherLabel, otherDescription, conversion, many, optional);
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** As the help shows it: {@code RUNBOOK}, {@code GUIDE...}, {@code [COMMAND]}. */
    public String shown() {
        return optional ? "[" + label + "]" : many ? label + "..." : label;
    }

    boolean isMany() {
        return many;
    }

    boolean isOptional() {
        return optional;
    }

    Object convert(String text) {
        return conversion.convert(text);
    }
}
