package dev.rehearse.bind;

import dev.rehearse.model.TargetFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The example values every Uberspace guide uses and the target fact each stands for. They bind without
 * any sidecar: {@code isabell} is the target's user, {@code stardust} its host, {@code /home/isabell}
 * its home and {@code my.domain.name} its domain. DigitalOcean's tutorials have an example user of their own,
 * {@code sammy}, in {@code /home/sammy}: a guide that names it and not isabell binds those instead; a guide that
 * names neither binds another site's example home ({@code /home/pi}, {@code /home/you}) to the target's home.
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
    /**
     * The example users whose names are no words, which are the target's user as well as their homes are its home
     * ({@code whoami} prints {@code alice}, {@code ls -l} shows her as the owner).
     */
    private static final Set<String> NAMES = Set.of("alice", "bob", "archie", "tux", "jdoe", "john", "jane", "vagrant",
            "ec2-user", "exampleuser", "linuxuser", "username", "yourname", "yourusername", "youruser", "your_user",
            "your-user", "your_username", "myuser", "myusername");
    /** the example users whose names are words a command or its output uses otherwise: their homes only */
    private static final Set<String> WORDS = Set.of("pi", "you", "user", "me", "ubuntu", "debian", "demo", "example",
            "foo", "name");
    /**
     * Other documentation's example users ({@code /home/pi}, the Rust book's {@code /home/you}, {@code /home/user}):
     * a guide that names neither isabell nor sammy, and one of these homes, binds that home to the target's, and the
     * name to the target's user where it is no word ({@link #NAMES}); a real account's home ({@code /home/git}, made
     * by a package) is no example.
     */
    private static final Set<String> EXAMPLE_USERS = Stream.concat(NAMES.stream(), WORDS.stream())
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern HOME = Pattern.compile("(?<![\\w.-])/home/([A-Za-z0-9_.-]+)");
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
        return used(exampleSet(texts), texts);
    }

    /**
     * Of one site's example values, those the texts use: one a guide never shows would be what the real value maps
     * back to in what the host prints (a guide that binds {@code example.org} to the domain got {@code
     * my.domain.name} written into it). The example home stays, shown or not: the real one differs from run to run
     * ({@code /var/lib/rehearse/run-users/3/home}), and reports and comparisons of runs stay the same with it mapped.
     */
    private static List<Map.Entry<String, String>> used(List<Map.Entry<String, String>> examples, List<String> texts) {
        List<Map.Entry<String, String>> used = new ArrayList<>();
        for (Map.Entry<String, String> example : examples) {
            if (example.getValue().equals("home") || texts.stream().anyMatch(text -> text.contains(example.getKey()))) {
                used.add(example);
            }
        }
        return used;
    }

    private static List<Map.Entry<String, String>> exampleSet(List<String> texts) {
        boolean sammy = false;
        Set<String> homes = new TreeSet<>();
        for (String text : texts) {
            // the word looked for first: each text is a step's, thousands in a long guide
            if (text.contains("isabell") && ISABELL.matcher(text).find()) {
                return DEFAULTS;
            }
            sammy = sammy || text.contains("sammy") && SAMMY.matcher(text).find();
            if (text.contains("/home/")) {
                Matcher home = HOME.matcher(text);
                while (home.find()) {
                    if (EXAMPLE_USERS.contains(home.group(1))) {
                        homes.add(home.group());
                    }
                }
            }
        }
        if (sammy) {
            return DIGITALOCEAN;
        }
        // two example homes in one guide would both be the target's home, and what it prints could not be told
        // back apart
        if (homes.size() != 1) {
            return DEFAULTS;
        }
        String home = homes.iterator().next();
        String name = home.substring("/home/".length());
        return List.of(NAMES.contains(name) ? Map.entry(name, "user") : DEFAULTS.get(0), DEFAULTS.get(1),
                Map.entry(home, "home"), DEFAULTS.get(3));
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
