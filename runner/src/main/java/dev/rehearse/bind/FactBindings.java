package dev.rehearse.bind;

import dev.rehearse.model.TargetFacts;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The example values every Uberspace guide uses and the target fact each stands for. They bind without
 * any sidecar: {@code isabell} is the target's user, {@code stardust} its host, {@code /home/isabell}
 * its home and {@code my.domain.name} its domain. DigitalOcean's tutorials have an example user of their own,
 * {@code sammy}, in {@code /home/sammy}: a guide that names it and not isabell binds those instead.
 */
public final class FactBindings {

    /** Example value -> fact name, in the order they are shown. */
    public static final List<Map.Entry<String, String>> DEFAULTS = List.of(
            Map.entry("isabell", "user"),
            Map.entry("stardust", "host"),
            Map.entry("/home/isabell", "home"),
            Map.entry("my.domain.name", "domain"));
    /** DigitalOcean's example user, as {@link #DEFAULTS} are Uberspace's */
    public static final List<Map.Entry<String, String>> DIGITALOCEAN = List.of(
            Map.entry("sammy", "user"),
            Map.entry("/home/sammy", "home"));
    private static final Pattern SAMMY = Pattern.compile("\\bsammy\\b");
    private static final Pattern ISABELL = Pattern.compile("\\bisabell\\b");

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

    /**
     * The example values a guide uses, by what it types and shows: DigitalOcean's where it names {@code sammy} and
     * never {@code isabell}, else Uberspace's. One set only: two example users for one real user could not be told
     * apart in what the host prints.
     */
    public static List<Map.Entry<String, String>> examplesOf(List<String> texts) {
        boolean sammy = false;
        for (String text : texts) {
            // the word looked for first: each text is a step's, thousands in a long guide
            if (text.contains("isabell") && ISABELL.matcher(text).find()) {
                return DEFAULTS;
            }
            sammy = sammy || text.contains("sammy") && SAMMY.matcher(text).find();
        }
        return sammy ? DIGITALOCEAN : DEFAULTS;
    }

    /** Binds the example values to {@code facts} (origin TARGET); a fact the target lacks is skipped. */
    public static Bindings bind(Bindings bindings, TargetFacts facts, List<Map.Entry<String, String>> examples) {
        for (Map.Entry<String, String> entry : examples) {
            String value = fact(facts, entry.getValue());
            if (value != null && !value.isEmpty()) {
                bindings.bind(new Binding(entry.getKey(), value, Binding.Origin.TARGET, false),
                        new Bindings.Place("the target's " + entry.getValue(), 0));
            }
        }
        return bindings;
    }
}
