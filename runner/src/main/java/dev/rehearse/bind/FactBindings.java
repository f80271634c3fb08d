package dev.rehearse.bind;

import dev.rehearse.model.TargetFacts;
import java.util.List;
import java.util.Map;

/**
 * The example values every Uberspace guide uses and the target fact each stands for. They bind without
 * any sidecar: {@code isabell} is the target's user, {@code stardust} its host, {@code /home/isabell}
 * its home and {@code my.domain.name} its domain.
 */
public final class FactBindings {

    /** Example value -> fact name, in the order they are shown. */
    public static final List<Map.Entry<String, String>> DEFAULTS = List.of(
            Map.entry("isabell", "user"),
            Map.entry("stardust", "host"),
            Map.entry("/home/isabell", "home"),
            Map.entry("my.domain.name", "domain"));

    private FactBindings() {
    }

    /**
     * The value of the fact named {@code name} (user, host, home, domain, or one of the target's further facts),
     * or null when the target has no such fact.
     */
    public static String fact(TargetFacts facts, String name) {
        return switch (name) {
            case "user" -> facts.user();
            case "host" -> facts.host();
            case "home" -> facts.home();
            case "domain" -> facts.domain();
            default -> facts.more().get(name);
        };
    }

    /** Binds the default example values to {@code facts} (origin TARGET); a fact the target lacks is skipped. */
    public static Bindings bind(Bindings bindings, TargetFacts facts) {
        for (Map.Entry<String, String> entry : DEFAULTS) {
            String value = fact(facts, entry.getValue());
            if (value != null && !value.isEmpty()) {
                bindings.bind(new Binding(entry.getKey(), value, Binding.Origin.TARGET, false),
                        new Bindings.Place("the target's " + entry.getValue(), 0));
            }
        }
        return bindings;
    }
}
