package dev.rehearse.targets;

import dev.rehearse.guide.BadInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens a target from its {@code --target} spec through the {@link TargetProvider} whose scheme starts it. The
 * built-in ones: {@code local}, {@code local:DIR}, {@code container} (a fresh stardust host),
 * {@code container:IMAGE}, {@code ssh://user@host[:port]} (a host over SSH).
 */
public final class Targets {
    private Targets() {
    }

    /** {@link TargetProvider#prepare}: what the spec's target needs is got ready in the background. */
    public static void prepare(String spec, TargetOptions options) {
        provider(spec).ifPresent(provider -> provider.prepare(spec, options));
    }

    /**
     * Removes what runs of the same kind of target left behind when their process was killed (a container, a run
     * user and its sandbox), before a new run opens one; only what is provably theirs and whose process is gone.
     *
     * @return one line for each thing removed
     */
    public static List<String> reapLeftovers(String spec, TargetOptions options) {
        return provider(spec).map(provider -> provider.reapLeftovers(options)).orElse(List.of());
    }

    /** See {@link TargetProvider#reapsAlongsideOpening()}; false for a spec no provider knows. */
    public static boolean reapsAlongsideOpening(String spec) {
        return provider(spec).map(TargetProvider::reapsAlongsideOpening).orElse(false);
    }

    /** See {@link TargetProvider#opensAlongsideReading()}; false for a spec no provider knows. */
    public static boolean opensAlongsideReading(String spec) {
        return provider(spec).map(TargetProvider::opensAlongsideReading).orElse(false);
    }

    /** See {@link TargetProvider#afreshEachRun}; empty for a spec no provider knows. */
    public static Optional<String> afreshEachRun(String spec) {
        return provider(spec).flatMap(provider -> provider.afreshEachRun(spec == null ? provider.scheme() : spec));
    }

    /**
     * Every provider on the class path, in class path order; looked up once (the command line asks for their options,
     * then the run for its target's provider), as providers hold no state.
     */
    public static List<TargetProvider> providers() {
        return Found.PROVIDERS;
    }

    /** The lookup, made on first use. */
    private static final class Found {
        static final List<TargetProvider> PROVIDERS = load();

        private static List<TargetProvider> load() {
            List<TargetProvider> all = new ArrayList<>();
            ServiceLoader.load(TargetProvider.class, Targets.class.getClassLoader()).forEach(all::add);
            return List.copyOf(all);
        }
    }

    /**
     * @throws BadInput when an option given is one the spec's kind of target does not read ({@code --network} with
     *                  {@code local}): it would be left unread
     */
    public static void checkOptions(String spec, TargetOptions options) {
        provider(spec).ifPresent(provider -> {
            for (String option : options.values().keySet()) {
                if (!provider.reads(option)) {
                    throw new BadInput(option, 0, "the " + provider.scheme() + " target reads no such option (it is "
                            + "the " + owner(option).map(TargetProvider::scheme).orElseThrow() + " target's)");
                }
            }
        });
    }

    /**
     * The options a sidecar's {@code target:} gives besides its kind ({@code network: host} for {@code --network
     * host}; {@code yes} or {@code true} for a flag), added where the command line gave none of its own.
     *
     * @param where the sidecar, as messages name it
     * @throws BadInput when the spec's kind of target reads no such option
     */
    public static TargetOptions withSidecars(TargetOptions options, String spec, Map<String, String> entries,
                                             String where) {
        TargetOptions all = options;
        TargetProvider provider = provider(spec).orElse(null);
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String option = "--" + entry.getKey();
            if (entry.getKey().equals("kind") || options.value(option) != null) {
                continue;
            }
            Optional<TargetOption> read = provider == null || !provider.reads(option) ? Optional.empty()
                    : owner(option).flatMap(p -> p.option(option));
            if (read.isEmpty()) {
                throw new BadInput(where, 0, "target: " + entry.getKey() + ": the " + (provider == null ? spec
                        : provider.scheme()) + " target reads no such option");
            }
            String value = entry.getValue();
            all = all.with(option, read.get().isFlag() ? String.valueOf(value.matches("(?i)yes|true|on")) : value);
        }
        return all;
    }

    /** The kind of target whose own option this is ({@link TargetProvider#options()}). */
    private static Optional<TargetProvider> owner(String option) {
        return providers().stream().filter(p -> p.option(option).isPresent()).findFirst();
    }

    /** @throws BadInput when the spec names no known target, or its provider refuses it */
    public static Target open(String spec, TargetOptions options) {
        TargetProvider provider = provider(spec).orElseThrow(() -> new BadInput("--target", 0, "unknown target '"
                + spec + "' (known: " + String.join(", ", providers().stream().flatMap(p -> p.forms().stream())
                .toList()) + ")"));
        return provider.open(spec == null ? provider.scheme() : spec, options);
    }

    /** The provider whose scheme starts the spec ({@code local} when there is none). */
    private static Optional<TargetProvider> provider(String spec) {
        String scheme = spec == null ? "local" : spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        return providers().stream().filter(p -> p.scheme().equals(scheme)).findFirst();
    }
}
