package dev.rehearse.matrix;

import dev.rehearse.guide.BadInput;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --vary NAME=V1,V2,...}: the variable (a sidecar variable, or an example value of the guide, as for
 * {@code --bind}) and the values it takes, one run each. Each run's reports go to a folder named {@code NAME=V},
 * so a value must be usable as a file name.
 * <p>
 * The name {@code target} varies the host instead: each value is a target spec, optionally followed by bindings
 * of that run alone, {@code SPEC;NAME=VALUE;...}, so one comparison can hold the same runbook on several hosts and
 * versions: {@code --vary 'target=container;synapse_version=1.0.0,container;synapse_version=1.67.0,container:stardust-real'}.
 */
public record Variation(String name, List<String> values) {

    /** the name that varies the target */
    public static final String TARGET = "target";

    /**
     * How one value's run differs from the others.
     *
     * @param target the target spec it runs on, or null for the one every run has
     * @param binds  {@code --bind}s of this run alone
     */
    public record Setting(String target, Map<String, String> binds) {
    }

    /** What the value {@code value} changes in its run. */
    public Setting setting(String value) {
        if (!name.equals(TARGET)) {
            return new Setting(null, Map.of(name, value));
        }
        String[] parts = value.split(";", -1);
        Map<String, String> binds = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            binds.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return new Setting(parts[0], binds);
    }

    /** the longest name of a file or folder most file systems take, in bytes */
    private static final int LONGEST_NAME = 255;

    /** @throws BadInput naming the option when the spec is malformed, a value repeats or cannot name a folder */
    public static Variation parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new BadInput("--vary " + spec, 0, "expected NAME=V1,V2,...");
        }
        String name = spec.substring(0, eq);
        Set<String> values = new LinkedHashSet<>();
        for (String value : spec.substring(eq + 1).split(",", -1)) {
            if (value.isEmpty() || value.equals(".") || value.equals("..") || value.contains("/")
                    || value.chars().anyMatch(Character::isISOControl)) {
                throw new BadInput("--vary " + spec, 0, "'" + value + "' is not a value a report folder can be named after");
            }
            if ((name + "=" + value).getBytes(StandardCharsets.UTF_8).length > LONGEST_NAME) {
                // found before any run, not after the first ran and could keep no record
                throw new BadInput("--vary", 0, "a value too long to name its report folder: " + name + "="
                        + value.substring(0, Math.min(value.length(), 40)) + "... holds more than " + LONGEST_NAME
                        + " bytes");
            }
            if (name.equals(TARGET) && Arrays.stream(value.split(";", -1)).skip(1).anyMatch(b -> b.indexOf('=') <= 0)) {
                throw new BadInput("--vary " + spec, 0, "'" + value + "': a target's own bindings are ;NAME=VALUE");
            }
            if (!values.add(value)) {
                throw new BadInput("--vary " + spec, 0, "'" + value + "' is given twice");
            }
        }
        if (values.size() < 2) {
            throw new BadInput("--vary " + spec, 0, "a matrix needs at least two values");
        }
        if (name.contains("/") || name.chars().anyMatch(Character::isISOControl)) {
            throw new BadInput("--vary " + spec, 0, "'" + name + "' cannot name a report folder");
        }
        return new Variation(name, List.copyOf(values));
    }

    /** The folder of one value's reports, and how progress lines name its run: {@code NAME=V}. */
    public String label(String value) {
        return name + "=" + value;
    }
}
