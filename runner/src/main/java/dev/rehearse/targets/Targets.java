package dev.rehearse.targets;

import dev.rehearse.guide.BadInput;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens a target from its {@code --target} spec through the {@link TargetProvider} whose scheme starts it. The
 * built-in ones: {@code local}, {@code local:DIR}, {@code container} (a fresh stardust host),
 * {@code container:IMAGE}, {@code ssh://user@host[:port]} (a host over SSH).
 */
public final class Targets {
    private Targets() {
    }

    /** Every provider on the class path, in class path order. */
    public static List<TargetProvider> providers() {
        List<TargetProvider> all = new ArrayList<>();
        ServiceLoader.load(TargetProvider.class, Targets.class.getClassLoader()).forEach(all::add);
        return all;
    }

    /** @throws BadInput when the spec names no known target, or its provider refuses it */
    public static Target open(String spec, TargetOptions options) {
        String scheme = spec == null ? "local" : spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        List<TargetProvider> providers = providers();
        for (TargetProvider provider : providers) {
            if (provider.scheme().equals(scheme)) {
                return provider.open(spec == null ? scheme : spec, options);
            }
        }
        throw new BadInput("--target", 0, "unknown target '" + spec + "' (known: "
                + String.join(", ", providers.stream().flatMap(p -> p.forms().stream()).toList()) + ")");
    }
}
