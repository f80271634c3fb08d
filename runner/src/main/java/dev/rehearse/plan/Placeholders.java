package dev.rehearse.plan;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.targets.TargetFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the placeholders the steps type and binds those the guide itself gives a value for: "replace
 * {@code <username>} with your user name" (the target's user), "{@code <port>} ... would be 40132 in our example"
 * (that value, or its capture when the value is one), "Isso is running on port 1234"; a {@code <port>} after
 * {@code uberspace port add} is the port it opened, captured from its output. What stays unbound stops the run.
 */
final class Placeholders {
    /** not a here-document ({@code <<EOF}), nor a redirection ({@code < file}), nor markup with its closing tag */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![<\\w])<([A-Za-z][A-Za-z0-9 _.@*-]{0,40}[A-Za-z0-9*])>");
    private static final Pattern YOUR_USER = Pattern.compile("(?i)with your (?:own )?(?:actual )?(?:uberspace )?"
            + "(?:user ?name|account name|user)\\b");
    private static final Pattern YOUR_DOMAIN = Pattern.compile("(?i)with your (?:own )?(?:actual )?(?:uberspace )?domain\\b");
    private static final Pattern SHOWN_NUMBER = Pattern.compile(
            "(?i)(?:would be|e\\.g\\.|for example|in our example|running on port|port)\\s*`*(\\d{2,5})\\b");
    private static final Pattern PORT_ADD = Pattern.compile("\\buberspace port add\\b");
    private static final String PORT_OPENED = "Port (\\d+) will be open";

    private Placeholders() {
    }

    /** Every placeholder a step types, in step order, each place once. */
    static List<Placeholder> in(List<Step> steps) {
        List<Placeholder> found = new ArrayList<>();
        for (Step step : steps) {
            List<String> texts = new ArrayList<>();
            if (step instanceof CommandStep c) {
                texts.add(c.command());
                c.interactions().stream().filter(i -> i.answer() != null && i.binding() == null).forEach(i -> texts.add(i.answer()));
            } else if (step instanceof WriteStep w) {
                texts.add(w.path());
            } else if (step instanceof EditStep e) {
                texts.add(e.path());
            }
            for (String text : texts) {
                for (String literal : literalsIn(text)) {
                    found.add(new Placeholder(literal, step.source(), step.line()));
                }
            }
        }
        return found;
    }

    /** The placeholders of one text, markup ({@code <title>...</title>}) left out. */
    static List<String> literalsIn(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!text.contains("</" + m.group(1) + ">") && !out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    /**
     * Binds (or captures) the placeholders the guide gives a value for.
     *
     * @return captures to add, per step number
     */
    static Map<Integer, List<Capture>> bindFromGuide(Guide guide, List<Step> steps, Bindings bindings, TargetFacts facts,
                                                     Map<Integer, List<Capture>> captures) {
        Map<Integer, List<Capture>> added = new LinkedHashMap<>();
        for (Placeholder p : in(steps)) {
            if (bindings.get(p.literal()).isPresent() || captured(captures, p.literal()) || captured(added, p.literal())) {
                continue;
            }
            Optional<String> prose = proseAbout(guide, p.literal());
            if (prose.isPresent() && YOUR_USER.matcher(prose.get()).find()) {
                bindings.bind(new Binding(p.literal(), facts.user(), Binding.Origin.TARGET, false));
                continue;
            }
            if (prose.isPresent() && YOUR_DOMAIN.matcher(prose.get()).find()) {
                bindings.bind(new Binding(p.literal(), facts.domain(), Binding.Origin.TARGET, false));
                continue;
            }
            Optional<String> number = prose.flatMap(Placeholders::shownNumber).or(() -> p.literal().contains("port")
                    ? sectionNumber(guide, p) : Optional.empty());
            if (number.isPresent()) {
                Optional<Map.Entry<Integer, Capture>> carried = captureOf(captures, number.get());
                if (carried.isPresent()) {
                    added.computeIfAbsent(carried.get().getKey(), k -> new ArrayList<>())
                            .add(new Capture(p.literal(), carried.get().getValue().regex()));
                } else {
                    bindings.bind(new Binding(p.literal(), number.get(), Binding.Origin.TARGET, false));
                }
                continue;
            }
            if (p.literal().toLowerCase().contains("port")) {
                portOpenedBefore(steps, p).ifPresent(n -> added.computeIfAbsent(n, k -> new ArrayList<>())
                        .add(new Capture(p.literal(), PORT_OPENED)));
            }
        }
        return added;
    }

    /** The placeholders still unbound once bindings and captures are known; a skipped step needs none. */
    static List<Placeholder> unbound(List<Step> steps, Bindings bindings) {
        List<String> capturedLiterals = new ArrayList<>();
        steps.stream().filter(s -> s instanceof CommandStep).map(s -> (CommandStep) s)
                .forEach(c -> c.captures().forEach(cap -> capturedLiterals.add(cap.literal())));
        List<Step> run = steps.stream().filter(s -> s.policy() == null || s.policy().skip() == null).toList();
        return in(run).stream().filter(p -> bindings.get(p.literal()).isEmpty() && !capturedLiterals.contains(p.literal()))
                .toList();
    }

    private static boolean captured(Map<Integer, List<Capture>> captures, String literal) {
        return captures.values().stream().flatMap(List::stream).anyMatch(c -> c.literal().equals(literal));
    }

    private static Optional<Map.Entry<Integer, Capture>> captureOf(Map<Integer, List<Capture>> captures, String literal) {
        for (Map.Entry<Integer, List<Capture>> e : captures.entrySet()) {
            for (Capture c : e.getValue()) {
                if (c.literal().equals(literal)) {
                    return Optional.of(Map.entry(e.getKey(), c));
                }
            }
        }
        return Optional.empty();
    }

    /** The prose paragraph that names the placeholder, the nearest before its first use. */
    private static Optional<String> proseAbout(Guide guide, String literal) {
        for (Block block : guide.blocks()) {
            String prose = block.precedingText();
            if (prose != null && prose.contains(literal)) {
                return Optional.of(prose);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> shownNumber(String prose) {
        Matcher m = SHOWN_NUMBER.matcher(prose);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A port the prose of the placeholder's own block names ("Isso is running on port 1234"). */
    private static Optional<String> sectionNumber(Guide guide, Placeholder p) {
        for (Block block : guide.blocks()) {
            if (block.source().equals(p.source()) && block.contentLine() <= p.line()
                    && p.line() < block.contentLine() + block.lines().size() && block.precedingText() != null) {
                Matcher m = Pattern.compile("(?i)\\bport\\s+`*(\\d{2,5})\\b").matcher(block.precedingText());
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The last {@code uberspace port add} step before the placeholder's step. */
    private static Optional<Integer> portOpenedBefore(List<Step> steps, Placeholder p) {
        Integer last = null;
        for (Step step : steps) {
            if (step.source().equals(p.source()) && step.line() == p.line()) {
                break;
            }
            if (step instanceof CommandStep c && PORT_ADD.matcher(c.command()).find()) {
                last = c.n();
            }
        }
        return Optional.ofNullable(last);
    }
}
