package dev.rehearse.matrix;

import dev.rehearse.guide.BadInput;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --vary NAME=V1,V2,...}: the variable (a sidecar variable, or an example value of the guide, as for
 * {@code --bind}) and the values it takes, one run each. Each run's reports go to a folder named {@code NAME=V},
 * so a value must be usable as a file name.
 */
public record Variation(String name, List<String> values) {

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
