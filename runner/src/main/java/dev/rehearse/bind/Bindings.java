package dev.rehearse.bind;

import dev.rehearse.guide.BadInput;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guide's example values and what they stand for on the target. Applied to commands, file contents
 * and answers before a step runs; reversed on real output before it is compared with the guide.
 * A later binding of the same literal replaces an earlier one when its origin ranks at least as high.
 * Literals are replaced only where they stand as tokens of their own (see {@link Literals}); a secret's
 * value is hidden wherever it appears, even inside a longer word.
 */
public final class Bindings {
    private final Map<String, Binding> byLiteral = new LinkedHashMap<>();
    /** secrets bound for no command, only to be hidden wherever they show ({@link #hide}) */
    private final List<Binding> hiddenOnly = new ArrayList<>();
    /** where each binding was declared (sidecar file:line, {@code --bind}), for error messages */
    private final Map<String, Place> declaredAt = new LinkedHashMap<>();
    /** the replacements of {@link #apply}, {@link #preview}, {@link #reverse} and {@link #redact}, made once per
     * change: every step's command and every chunk of its output go through them */
    private Replacements forward;
    private Replacements shown;
    private Replacements back;
    private Replacements secrets;
    /** the other forms of the secrets ({@link SecretForms}), hidden after the secrets and every captured one */
    private Replacements secretForms;
    /** each secret as a terminal may break it over lines, with its literal */
    private Map<Pattern, String> broken;
    /** the long enough pieces of the long secrets' forms ({@link SecretPieces}), hidden last */
    private SecretPieces pieces;
    /** the secret bindings, made once per change: each step asks whether it is given one */
    private List<Binding> secretBindings;
    /** the bindings {@link #validate} checks a command against, made once per change */
    private WordIndex<Binding> checked;

    /** Where a binding was declared: the file (or {@code --bind}) and line, 0 when none applies. */
    public record Place(String file, int line) {
    }

    public Bindings bind(Binding binding) {
        return bind(binding, null);
    }

    /** Binds, remembering where the binding was declared so that a bad value can be pointed at. */
    public Bindings bind(Binding binding, Place where) {
        Binding old = byLiteral.get(binding.literal());
        if (old == null || binding.origin().compareTo(old.origin()) >= 0) {
            byLiteral.put(binding.literal(), binding);
            if (old == null) {
                extendReplacements(binding);
            } else {
                forward = shown = back = null;
                secrets = null;
                secretForms = null;
            }
            if (binding.secret() || old != null && old.secret()) {
                secretBindings = null;
                broken = null;
                pieces = null;
            }
            checked = null;
            if (where != null) {
                declaredAt.put(binding.literal(), where);
            } else {
                declaredAt.remove(binding.literal());
            }
        }
        return this;
    }

    /**
     * Hides a secret value wherever it shows, as its literal, without binding it: nothing typed gets it. A captured
     * value refused for the commands it would go into (it could change them) is still the secret it was captured
     * as, and the output it came from goes into the reports.
     */
    public void hide(Binding secret) {
        hiddenOnly.add(secret);
        SECRETS.extend(secrets, secret);
        SECRET_FORMS.extend(secretForms, secret);
        broken = null;
        pieces = null;
    }

    /** the bindings whose values are hidden: the secret ones of them and of {@link #hiddenOnly} */
    private List<Binding> hidden() {
        List<Binding> all = new ArrayList<>(byLiteral.values());
        all.addAll(hiddenOnly);
        return all;
    }

    /**
     * Adds a new literal's binding to the replacements made so far, as the last of the bindings: a run binds each
     * capture before its next step, which applies them all, and making them anew each time cost a run with thousands
     * of captures time quadratic in them.
     */
    private void extendReplacements(Binding b) {
        FORWARD.extend(forward, b);
        SHOWN.extend(shown, b);
        BACK.extend(back, b);
        SECRETS.extend(secrets, b);
        SECRET_FORMS.extend(secretForms, b);
    }

    /**
     * One kind of replacements: the bindings it holds ({@code which}), each as its pair, literal to value
     * ({@code toReal}) or value to literal, the longest first; made whole when first used, extended as bindings come.
     * The pairs of {@code forms} are the values' other forms ({@link SecretForms}) instead.
     */
    private record Kind(Predicate<Binding> which, boolean toReal, boolean tokensOnly, boolean forms) {
        Kind(Predicate<Binding> which, boolean toReal, boolean tokensOnly) {
            this(which, toReal, tokensOnly, false);
        }

        /** the pairs {@code b} adds: none for a literal that is its own value, nor for an empty value */
        List<Replacements.Pair> pairsOf(Binding b) {
            if (!which.test(b)) {
                return List.of();
            }
            if (toReal) {
                return b.literal().equals(b.value()) ? List.of()
                        : List.of(new Replacements.Pair(b.literal(), b.value()));
            }
            if (b.value().isEmpty()) {
                return List.of();
            }
            if (!forms) {
                return List.of(new Replacements.Pair(b.value(), b.literal()));
            }
            return SecretForms.of(b.value()).stream().map(form -> new Replacements.Pair(form, b.literal())).toList();
        }

        Replacements of(Collection<Binding> bindings) {
            return new Replacements(bindings.stream().flatMap(b -> pairsOf(b).stream())
                    .sorted(Comparator.comparingInt((Replacements.Pair p) -> p.from().length()).reversed())
                    .toList(), tokensOnly);
        }

        /** adds {@code b}'s pairs to {@code made}, when the replacements are made yet */
        void extend(Replacements made, Binding b) {
            if (made != null) {
                pairsOf(b).forEach(made::add);
            }
        }
    }

    private static final Kind FORWARD = new Kind(b -> true, true, true);
    private static final Kind SHOWN = new Kind(b -> !b.secret(), true, true);
    private static final Kind BACK = new Kind(b -> !b.secret() && !b.literal().equals(b.value())
            && b.origin() != Binding.Origin.CHOICE, false, true);
    /** hidden even inside a longer word */
    private static final Kind SECRETS = new Kind(Binding::secret, false, false);
    private static final Kind SECRET_FORMS = new Kind(Binding::secret, false, false, true);

    public List<Binding> all() {
        return List.copyOf(byLiteral.values());
    }

    /** The secret ones of {@link #all()}, in their order. */
    public List<Binding> secretBindings() {
        if (secretBindings == null) {
            secretBindings = byLiteral.values().stream().filter(Binding::secret).toList();
        }
        return secretBindings;
    }

    /** The values {@link #redact} hides, longest first. */
    public List<String> secretValues() {
        List<String> values = new ArrayList<>();
        for (Replacements.Pair pair : secretPairs().pairs()) {
            values.add(pair.from());
        }
        for (Replacements.Pair pair : formPairs().pairs()) {
            values.add(pair.from());
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        return values;
    }

    public Optional<Binding> get(String literal) {
        return Optional.ofNullable(byLiteral.get(literal));
    }

    /** Replaces every example value in {@code text} with its real value (longest literal first, one pass). */
    public String apply(String text) {
        if (forward == null) {
            forward = FORWARD.of(byLiteral.values());
        }
        return forward.applyTo(text);
    }

    /** Like {@link #apply} but secrets keep their placeholder: what may be shown of a step before it runs. */
    public String preview(String text) {
        if (shown == null) {
            shown = SHOWN.of(byLiteral.values());
        }
        return shown.applyTo(text);
    }

    /** Maps real values back to the guide's example values; secrets become their placeholder. */
    public String reverse(String text) {
        String hidden = redact(text);
        if (back == null) {
            back = BACK.of(byLiteral.values());
        }
        return back.applyTo(hidden);
    }

    /**
     * Hides secret values only, and the password hashes made from any ({@link PasswordHashes}): for logs and live
     * output, where everything else may stay real.
     */
    public String redact(String text) {
        // the values first: a captured secret (the hash a guide prints of the password) keeps its own placeholder
        // where it is also a form of another secret
        String hidden = formPairs().applyTo(secretPairs().applyTo(text));
        // pieces next, in what the whole values and forms left: a whole one shows as one literal, not as its pieces;
        // then the hashes no value finds, but for the guide's own examples that stand in for captured ones
        return PasswordHashes.hide(piecesOutsideLiterals(acrossLines(hidden)), byLiteral::containsKey);
    }

    /**
     * {@code text} with the pieces of secrets hidden where no secret's literal stands already: a captured hash's
     * example shares its scheme and cost with the real hash ({@code $2b$12$}), and a piece found across them garbled
     * the example the real hash had become.
     */
    private String piecesOutsideLiterals(String text) {
        StringBuilder out = null;
        int from = 0;
        while (true) {
            int at = -1;
            String literal = null;
            for (Binding secret : secretBindings()) {
                int found = text.indexOf(secret.literal(), from);
                if (found >= 0 && (at < 0 || found < at)) {
                    at = found;
                    literal = secret.literal();
                }
            }
            if (at < 0) {
                break;
            }
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(pieces().hide(text.substring(from, at))).append(literal);
            from = at + literal.length();
        }
        return out == null ? pieces().hide(text) : out.append(pieces().hide(text.substring(from))).toString();
    }

    /**
     * Where output that arrives in pieces may be cut before it is {@link #redact redacted}: not inside a piece of a
     * secret ({@link SecretPieces}), whose two parts could each be too short to be hidden (the cut moves after it),
     * nor inside what may be a password hash still arriving (the cut moves before it).
     */
    public int cutOutsideSecrets(String text, int cut) {
        return PasswordHashes.cutBefore(text, pieces().cutOutsidePieces(text, cut));
    }

    private SecretPieces pieces() {
        if (pieces == null) {
            pieces = SecretPieces.of(hidden());
        }
        return pieces;
    }

    /** {@code text} with each secret broken over its lines hidden, as its literal */
    private String acrossLines(String text) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        String hidden = text;
        if (broken == null) {
            broken = new LinkedHashMap<>();
            hidden().stream().filter(Binding::secret).forEach(b -> SecretForms.acrossLines(b.value())
                    .ifPresent(lines -> broken.put(lines, b.literal())));
        }
        for (Map.Entry<Pattern, String> secret : broken.entrySet()) {
            hidden = secret.getKey().matcher(hidden).replaceAll(Matcher.quoteReplacement(secret.getValue()));
        }
        return hidden;
    }

    private Replacements formPairs() {
        if (secretForms == null) {
            secretForms = SECRET_FORMS.of(hidden());
        }
        return secretForms;
    }

    private Replacements secretPairs() {
        if (secrets == null) {
            secrets = SECRETS.of(hidden());
        }
        return secrets;
    }

    /**
     * Checks every binding against one shell command as the guide shows it (see {@link ShellSafety}).
     *
     * @param where the command's place, {@code file:line}, for the message
     * @throws BadInput naming the binding (at its declaration when known) when a value could inject shell syntax
     */
    public void validate(String command, String where) {
        if (checked == null) {
            // a newline is a problem wherever the literal stands, or does not: such a binding is always checked
            checked = new WordIndex<>(List.copyOf(byLiteral.values()), Binding::literal,
                    b -> b.value().indexOf('\n') >= 0 || b.value().indexOf('\r') >= 0);
        }
        List<Binding> candidates = checked.in(command);
        ShellSafety.Command lexedOnce = new ShellSafety.Command(command, candidates.size() > WordIndex.FEW);
        for (Binding b : candidates) {
            check(b, declaredAt(b), lexedOnce, where);
        }
    }

    /**
     * Checks one binding, bound or about to be, against one command as the guide shows it, as {@link #validate}
     * checks each: every binding is checked on its own, so one added to bindings already checked needs only this.
     *
     * @param declared where it was declared, for the message
     */
    public static void validate(Binding binding, Place declared, String command, String where) {
        check(binding, declared, new ShellSafety.Command(command, false), where);
    }

    private static void check(Binding b, Place at, ShellSafety.Command lexed, String where) {
        Optional<String> problem = ShellSafety.problem(b.literal(), b.value(), lexed,
                b.origin() == Binding.Origin.COMMAND_LINE);
        if (problem.isPresent()) {
            String shown = b.secret() ? "its secret value" : "the value \"" + b.value() + "\"";
            throw new BadInput(at.file(), at.line(), "binding \"" + b.literal() + "\": " + shown + " has "
                    + problem.get() + " and could change the command at " + where);
        }
    }

    /** @throws BadInput when a value holds a newline: typed anywhere, it would end a line the guide does not end */
    public void validateValues() {
        for (Binding b : byLiteral.values()) {
            requireOneLine(b, declaredAt(b));
        }
    }

    /** @throws BadInput when the value of {@code binding} (declared at {@code at}) holds a newline */
    public static void requireOneLine(Binding binding, Place at) {
        if (binding.value().indexOf('\n') >= 0 || binding.value().indexOf('\r') >= 0) {
            throw new BadInput(at.file(), at.line(), "binding \"" + binding.literal()
                    + "\": a value cannot hold a newline");
        }
    }

    private Place declaredAt(Binding b) {
        return declaredAt.getOrDefault(b.literal(), new Place("binding", 0));
    }

    public Bindings copy() {
        Bindings copy = new Bindings();
        copy.byLiteral.putAll(byLiteral);
        copy.hiddenOnly.addAll(hiddenOnly);
        copy.declaredAt.putAll(declaredAt);
        return copy;
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>();
        for (Binding b : byLiteral.values()) {
            shown.add(b.literal() + " -> " + (b.secret() ? "<secret>" : b.value()));
        }
        return String.join(", ", shown);
    }
}
