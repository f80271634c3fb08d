package dev.rehearse.plan;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.bind.Literals;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.BoundedText;
import dev.rehearse.model.Interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the runner calls after a command step ran: each of the step's captures is searched in the real output
 * and its value bound (origin CAPTURED), so that later steps type the real port or hash where the guide shows
 * its example. A captured value is held to the same shell-safety rules as any other binding.
 */
public final class Captures {

    /** The bindings made, and the captures whose regex found nothing (their literals stay as the guide shows them). */
    public record Result(List<Binding> bound, List<Capture> missed) {
    }

    private Captures() {
    }

    /**
     * Binds what {@code step}'s captures find in its real output into {@code bindings} (a runner's own copy of the
     * plan's), each value checked against the commands it goes into ({@code uses}: those of the plan's steps and
     * checks).
     *
     * @param realOutput the step's output as the target printed it (before any reverse mapping)
     * @throws dev.rehearse.guide.BadInput when a captured value could inject shell syntax into a later command
     * @throws BoundedText.TooSlow when a capture's expression takes longer than {@link BoundedText#LIMIT}
     */
    public static Result bind(Bindings bindings, CaptureUses uses, CommandStep step, String realOutput) {
        List<Binding> bound = new ArrayList<>();
        List<Capture> missed = new ArrayList<>();
        for (Capture capture : step.captures()) {
            Matcher m = Pattern.compile(capture.regex(), Pattern.MULTILINE).matcher(BoundedText.of(realOutput));
            if (!m.find()) {
                missed.add(capture);
                continue;
            }
            String value = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            boolean secret = bindings.get(capture.literal()).map(Binding::secret).orElse(false)
                    || derivesFromSecret(bindings, step) || namesASecret(capture.literal());
            Binding binding = new Binding(capture.literal(), value, Binding.Origin.CAPTURED, secret);
            Bindings.Place place = new Bindings.Place(step.source() + ":" + step.line() + " (captured)", 0);
            try {
                Bindings.requireOneLine(binding, place);
                for (Plan.Command command : uses.of(capture.literal())) {
                    Bindings.validate(binding, place, command.text(), command.where());
                }
            } catch (BadInput refused) {
                if (secret) {
                    bindings.hide(binding); // refused for the commands, a secret all the same in the output
                }
                throw refused;
            }
            bindings.bind(binding);
            bound.add(binding);
        }
        return new Result(List.copyOf(bound), List.copyOf(missed));
    }

    /**
     * The captures of {@code step} whose values will be secrets, to be hidden in its live output before they are
     * bound: all of them for a step given a secret, else those whose placeholder names a secret.
     */
    public static List<Capture> secretsAmong(Bindings bindings, CommandStep step) {
        return derivesFromSecret(bindings, step) ? step.captures()
                : step.captures().stream().filter(c -> namesASecret(c.literal())).toList();
    }

    /**
     * True for a placeholder whose name says it holds a secret ({@code <RANDOM_SECRET_KEY>}, {@code <token>}): what a
     * command generates and prints there (a secret key, an API token) must be hidden wherever it appears later, as a
     * password Rehearse generates is. An example value the guide prints says nothing of itself, so only placeholders.
     */
    static boolean namesASecret(String literal) {
        return literal.startsWith("<") && SECRET_NAME.matcher(literal).find();
    }

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(?<![a-z])(secret|password|passwd|passphrase|pass|token|key|salt|pin)(?![a-z])");

    /**
     * True when the step is given a secret (typed in its command or as an answer): what it prints from it (a password's
     * hash, a token) is a secret too, hidden wherever the secret itself is.
     */
    public static boolean derivesFromSecret(Bindings bindings, CommandStep step) {
        for (Binding b : bindings.secretBindings()) {
            for (Interaction i : step.interactions()) {
                if (b.literal().equals(i.binding())) {
                    return true;
                }
            }
            for (String typed : step.typed()) {
                if (Literals.occursIn(typed, b.literal())) {
                    return true;
                }
            }
        }
        return false;
    }
}
