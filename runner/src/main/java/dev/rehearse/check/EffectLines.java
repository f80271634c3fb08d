package dev.rehearse.check;

import dev.rehearse.model.BoundedText;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.terminal.TerminalText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines that report an effect or a service's state: psql's command tags ({@code UPDATE 1}, {@code INSERT 0 1}),
 * supervisord's states ({@code synapse RUNNING ...}), the web backend's {@code OK}. Where the guide shows one and
 * the real output says otherwise, in kind or count ({@code UPDATE 0}, {@code BACKOFF}, {@code NOT OK}), the command
 * did not do what the guide promises: a FAIL, not a stale transcript (a DRIFT). The list is in docs/checking.md;
 * a runbook adds its own with {@code effects:} in its sidecar.
 * <p>
 * Each rule is a regular expression over one line with a group named {@code effect} (what must be the same) and
 * optionally one named {@code subject} (whose effect it is: a program, a path). The n-th effect the guide shows
 * for a subject is held against the n-th the real output shows for it; an effect the real output does not show at
 * all is a contradiction too; effects the guide does not show make no claim.
 */
public final class EffectLines {

    /** One kind of effect line, named for messages. */
    public record Rule(String name, Pattern pattern) {
    }

    /** Built in: what the Uberspace guides show. */
    public static final List<Rule> BUILT_IN = List.of(
            new Rule("psql command tag", Pattern.compile("^\\s*(?<effect>INSERT \\d+ \\d+|(?:UPDATE|DELETE|MERGE) \\d+"
                    + "|(?:CREATE|ALTER|DROP) (?:TABLE|ROLE|USER|DATABASE|INDEX|EXTENSION|SCHEMA|VIEW|SEQUENCE|FUNCTION)"
                    + "|GRANT|REVOKE)\\s*$")),
            new Rule("supervisord state", Pattern.compile("^\\s*(?<subject>[\\w.:-]+)\\s+(?<effect>RUNNING|STARTING|BACKOFF"
                    + "|STOPPING|STOPPED|EXITED|FATAL|UNKNOWN)\\b")),
            new Rule("web backend status", Pattern.compile("^\\s*(?<subject>/\\S*)\\s+http:\\S+\\s+=>\\s+(?<effect>NOT OK|OK)\\b")));

    private final List<Rule> rules;

    private EffectLines(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The built-in rules and a runbook's own (each a pattern with an {@code effect} group). */
    public static EffectLines with(List<Pattern> more) {
        List<Rule> all = new ArrayList<>(BUILT_IN);
        more.forEach(p -> all.add(new Rule("effect /" + p.pattern() + "/", p)));
        return new EffectLines(all);
    }

    /**
     * The first effect the guide shows that the real output contradicts, as one line (what the guide shows, what
     * came instead), or null when there is none.
     *
     * @param actual the real output, in the guide's terms
     */
    public String contradiction(List<ExpectedLine> expected, String actual) {
        List<String> shown = expected.stream().filter(l -> l.kind() == ExpectedLine.Kind.OUTPUT)
                .map(ExpectedLine::text).toList();
        List<String> real = null;
        // a runbook's own rule may backtrack without end: the step would hold the run, deaf to a stop
        long deadline = BoundedText.deadlineFromNow();
        for (Rule rule : rules) {
            Map<String, List<String>> promised;
            Map<String, List<String>> found;
            try {
                promised = effects(rule, shown, deadline);
                if (promised.isEmpty()) {
                    continue;
                }
                if (real == null) {
                    // read as the screen shows it only when the guide shows an effect (few steps do)
                    real = TerminalText.lines(actual);
                }
                found = effects(rule, real, deadline);
            } catch (BoundedText.TooSlow slow) {
                return BoundedText.TooSlow.told(rule.name() + ":", "the output");
            }
            for (Map.Entry<String, List<String>> entry : promised.entrySet()) {
                List<String> got = found.getOrDefault(entry.getKey(), List.of());
                String of = entry.getKey().isEmpty() ? "" : " of " + entry.getKey();
                for (int i = 0; i < entry.getValue().size(); i++) {
                    String want = entry.getValue().get(i);
                    if (i >= got.size()) {
                        return rule.name() + of + ": the guide shows " + want + ", the output shows none";
                    }
                    if (!Objects.equals(want, got.get(i))) {
                        return rule.name() + of + ": " + got.get(i) + " where the guide shows " + want;
                    }
                }
            }
        }
        return null;
    }

    /** subject ("" when the rule has none) -> its effects, in order */
    private static Map<String, List<String>> effects(Rule rule, List<String> lines, long deadline) {
        Map<String, List<String>> effects = new LinkedHashMap<>();
        boolean hasSubject = rule.pattern().pattern().contains("(?<subject>");
        for (String line : lines) {
            Matcher m = rule.pattern().matcher(BoundedText.of(line, deadline));
            if (m.find()) {
                String subject = hasSubject && m.group("subject") != null ? m.group("subject") : "";
                effects.computeIfAbsent(subject, k -> new ArrayList<>()).add(m.group("effect").replaceAll("\\s+", " "));
            }
        }
        return effects;
    }
}
