package dev.rehearse.cli.args;

import java.nio.file.Path;
import java.util.List;

/**
 * One option of a command, declared in plain code: its names, what its value is ({@link #label}, none for a flag),
 * one line of help, and how the text typed becomes its value. Given as {@code --name value} or {@code --name=value};
 * a flag as {@code --name} (or {@code --name=true}/{@code false}); a {@link #list} option as often as wanted.
 *
 * @param <T> what {@link Arguments#get(Option)} gives for it
 */
public final class Option<T> {

    /** Turns the text given into a value; throws {@link IllegalArgumentException} saying, in one line, what is wrong. */
    @FunctionalInterface
    public interface Conversion<T> {
        T convert(String text);
    }

    /** A whole number; {@code 12x} is refused as {@code '12x' is not an int}. */
    public static final Conversion<Integer> INTEGER = text -> {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an int");
        }
    };

    /** A path (one with a NUL character is refused). */
    public static final Conversion<Path> PATH = Path::of;

    enum Kind { FLAG, VALUE, LIST }

    private final String shortName;
    private final String name;
    private final String label;
    private final String description;
    private final Kind kind;
    private final Conversion<?> conversion;
    private final T absent;
    private final boolean required;

    private Option(String shortName, String name, String label, String description, Kind kind,
                   Conversion<?> conversion, T absent, boolean required) {
        if (!name.startsWith("--") || shortName != null && !(shortName.length() == 2 && shortName.startsWith("-"))) {
            throw new IllegalArgumentException("an option is --name, with -x as its short name: " + shortName + " "
                    + name);
        }
        this.shortName = shortName;
        this.name = name;
        this.label = label;
        this.description = description;
        this.kind = kind;
        this.conversion = conversion;
        this.absent = absent;
        this.required = required;
    }

    /** {@code --name}: true when given, false when not. */
    public static Option<Boolean> flag(String name, String description) {
        return flag(null, name, description);
    }

    /** {@code -x, --name}: true when given, false when not. */
    public static Option<Boolean> flag(String shortName, String name, String description) {
        return new Option<>(shortName, name, null, description, Kind.FLAG, null, false, false);
    }

    /** {@code --name LABEL}, its text as given; null when not given. */
    public static Option<String> value(String name, String label, String description) {
        return value(name, label, description, text -> text);
    }

    /** {@code --name LABEL}, its text converted; null when not given. */
    public static <T> Option<T> value(String name, String label, String description, Conversion<T> conversion) {
        return new Option<>(null, name, label, description, Kind.VALUE, conversion, null, false);
    }

    /** {@code --name LABEL}, as often as wanted: every text given, in order; empty when none is. */
    public static Option<List<String>> list(String name, String label, String description) {
        return new Option<>(null, name, label, description, Kind.LIST, text -> text, List.of(), false);
    }

    /** This option, with {@code value} when it is not given. */
    public Option<T> orElse(T value) {
        return new Option<>(shortName, name, label, description, kind, conversion, value, required);
    }

    /** This option, which the command line must give. */
    public Option<T> required() {
        return new Option<>(shortName, name, label, description, kind, conversion, absent, true);
    }

    public String name() {
        return name;
    }

    /** {@code -v}, or null. */
    public String shortName() {
        return shortName;
    }

    /** What its value is ({@code FILE}), or null for a flag. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** As the help and the errors show it: {@code --from=N}, {@code --strict}. */
    public String shown() {
        return label == null ? name : name + "=" + label;
    }

    /** The option an argument names: {@code --name} of {@code --name=value}, else the argument as typed. */
    static String nameIn(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
    }

    boolean isFlag() {
        return kind == Kind.FLAG;
    }

    boolean isList() {
        return kind == Kind.LIST;
    }

    boolean isRequired() {
        return required;
    }

    boolean isNamed(String typed) {
        return name.equals(typed) || typed.equals(shortName);
    }

    T absent() {
        return absent;
    }

    Object convert(String text) {
        return conversion.convert(text);
    }
}
