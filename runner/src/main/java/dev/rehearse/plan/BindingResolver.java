package dev.rehearse.plan;

import dev.rehearse.bind.Binding.Origin;
import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings.Place;
import dev.rehearse.bind.Bindings;
import dev.rehearse.bind.FactBindings;
import dev.rehearse.bind.Generated;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Runbook.BindingRule;
import dev.rehearse.plan.Runbook.StepSelector;
import dev.rehearse.plan.Runbook.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Turns a runbook's binding rules into bindings, in increasing precedence: the target's facts for the usual
 * example values, the sidecar's values, facts and generated values, then {@code --bind}. A {@code --bind}
 * whose name the sidecar declares under {@code vars:} sets that variable instead. A value that uses an unset
 * variable leaves its binding out (how a version can be pinned only when one is given). A same_as follows its
 * literal, also when that is given with {@code --bind}. Captures are only
 * collected here: their values exist once their step has run.
 */
final class BindingResolver {

    /**
     * A value to capture from a step's output. The step is found later: by selector, or as the first whose output
     * shows {@code shownAs} (the captured literal itself, or for same_as the literal it is the same as).
     */
    record CaptureRule(String literal, String regex, StepSelector step, String shownAs, BindingRule declared) {
    }

    private final Runbook runbook;
    private final TargetFacts facts;
    private final List<Map.Entry<String, String>> examples;
    private final Map<String, String> vars = new LinkedHashMap<>();
    /** where each var's value came from, beside {@link #vars} */
    private final Map<String, VarValue.From> varsFrom = new LinkedHashMap<>();
    private final Map<String, String> literalOverrides = new LinkedHashMap<>();
    private final Bindings bindings = new Bindings();
    private final List<CaptureRule> captures = new ArrayList<>();

    /** @param examples the example values the guide uses for the target's facts ({@link FactBindings#examplesOf}) */
    BindingResolver(Runbook runbook, TargetFacts facts, Map<String, String> overrides,
                    List<Map.Entry<String, String>> examples) {
        this.runbook = runbook;
        this.facts = facts;
        this.examples = examples;
        runbook.vars().forEach((name, value) -> setVar(name, value, VarValue.From.DEFAULT));
        runbook.varFacts().forEach((name, fact) -> {
            String value = FactBindings.fact(facts, fact);
            if (value != null) {
                setVar(name, value, VarValue.From.FACT);
            }
        });
        overrides.forEach((name, value) -> {
            if (runbook.vars().containsKey(name)) {
                setVar(name, value, VarValue.From.BOUND);
            } else {
                literalOverrides.put(name, value);
            }
        });
        resolve();
    }

    Bindings bindings() {
        return bindings;
    }

    /**
     * The values the runbook's vars took, in the sidecar's order. A var a secret binding uses (its value spelled
     * with {@code ${var}}), or whose value is a secret's, shows as that secret's literal: the reports never hold a
     * secret's value.
     */
    List<VarValue> vars() {
        List<VarValue> taken = new ArrayList<>();
        vars.forEach((name, value) -> {
            VarValue.From from = varsFrom.get(name);
            String fact = from == VarValue.From.FACT ? runbook.varFacts().get(name) : null;
            String placeholder = secretUsing(name, value);
            taken.add(new VarValue(name, placeholder != null ? placeholder : value, from, fact, placeholder != null));
        });
        return taken;
    }

    /** The literal of a secret that uses the var or holds its value, or null. */
    private String secretUsing(String name, String value) {
        for (BindingRule rule : runbook.bindings()) {
            if (rule.secret() && rule.source() == ValueSource.VALUE && rule.argument().contains("${" + name + "}")) {
                return rule.literal();
            }
        }
        return value == null ? null : bindings.secretBindings().stream().filter(b -> value.equals(b.value()))
                .map(Binding::literal).findFirst().orElse(null);
    }

    private void setVar(String name, String value, VarValue.From from) {
        vars.put(name, value);
        varsFrom.put(name, from);
    }

    List<CaptureRule> captures() {
        return captures;
    }

    /** The literal of the first secret the sidecar binds: what hidden prompts get unless an answer says otherwise. */
    String defaultSecret() {
        return defaultSecret(runbook);
    }

    /** {@link #defaultSecret()} of a runbook, which depends on nothing else */
    static String defaultSecret(Runbook runbook) {
        return runbook.bindings().stream().filter(BindingRule::secret).map(BindingRule::literal).findFirst().orElse(null);
    }

    private void resolve() {
        FactBindings.bind(bindings, facts, examples);
        for (BindingRule rule : runbook.bindings()) {
            switch (rule.source()) {
                case VALUE -> {
                    String value = expand(rule.argument());
                    if (value != null) {
                        bind(rule, value, Origin.SIDECAR);
                    }
                }
                case FACT -> {
                    String value = FactBindings.fact(facts, rule.argument());
                    if (value != null) {
                        bind(rule, value, Origin.SIDECAR);
                    }
                }
                case GENERATE -> bind(rule, rule.argument().equals("port") ? String.valueOf(Generated.freePort())
                        : Generated.secret(), Origin.GENERATED);
                case CAPTURE -> captures.add(new CaptureRule(rule.literal(), rule.argument(), rule.step(), rule.literal(), rule));
                case SAME_AS -> {
                }
            }
        }
        for (BindingRule rule : runbook.bindings()) {
            if (rule.source() == ValueSource.SAME_AS) {
                BindingRule root = rootOf(rule);
                if (root.source() == ValueSource.CAPTURE) {
                    captures.add(new CaptureRule(rule.literal(), root.argument(), root.step(), root.literal(), root));
                } else {
                    bindings.get(root.literal()).ifPresent(b -> bind(rule, b.value(), b.origin()));
                }
            }
        }
        Set<String> secrets = new HashSet<>();
        runbook.bindings().stream().filter(BindingRule::secret).forEach(r -> secrets.add(r.literal()));
        literalOverrides.forEach((literal, value) -> bindings.bind(
                new Binding(literal, value, Origin.COMMAND_LINE, secrets.contains(literal)), new Place("--bind " + literal, 0)));
        // what is the same as a literal given with --bind follows it, as it would follow its capture
        for (BindingRule rule : runbook.bindings()) {
            String root = rule.source() == ValueSource.SAME_AS ? rootOf(rule).literal() : null;
            if (root != null && literalOverrides.containsKey(root) && !literalOverrides.containsKey(rule.literal())) {
                bindings.bind(new Binding(rule.literal(), literalOverrides.get(root), Origin.COMMAND_LINE,
                        rule.secret() || secrets.contains(root)), new Place("--bind " + root, 0));
            }
        }
    }

    private void bind(BindingRule rule, String value, Origin origin) {
        bindings.bind(new Binding(rule.literal(), value, origin, rule.secret()), new Place(rule.file(), rule.line()));
    }

    /** Follows same_as to the binding that has a value of its own; a cycle is an error. */
    private BindingRule rootOf(BindingRule rule) {
        Set<String> seen = new HashSet<>();
        BindingRule at = rule;
        while (at.source() == ValueSource.SAME_AS) {
            if (!seen.add(at.literal())) {
                throw new BadInput(rule.file(), rule.line(), "binding \"" + rule.literal() + "\" is the same as itself (same_as cycle)");
            }
            String next = at.argument();
            at = runbook.bindings().stream().filter(r -> r.literal().equals(next)).findFirst().orElseThrow();
        }
        return at;
    }

    /** Expands ${var} and ${fact}; null when a variable it uses has no value. */
    private String expand(String value) {
        Matcher m = SidecarReader.REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = vars.containsKey(name) ? vars.get(name) : FactBindings.fact(facts, name);
            if (v == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
