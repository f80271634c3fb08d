package dev.rehearse.check;

import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.ExpectedLine.Kind;
import dev.rehearse.testing.Checkout;

import java.util.ArrayList;
import java.util.List;

/** Builds expected lines for tests the way the planner reads a transcript. */
final class Expect {
    private static final List<String> HIDDEN = List.of("Password:", "Confirm password:", "Enter it again:",
            "Enter password for new role:", "Password for user synapse:");

    private Expect() {
    }

    static List<ExpectedLine> lines(String... texts) {
        List<ExpectedLine> lines = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            lines.add(classify(i + 1, texts[i]));
        }
        return lines;
    }

    /** Lines {@code from..to} of the seed guide, as the planner would hand them to the checker. */
    static List<ExpectedLine> seed(int from, int to, int indent) {
        List<String> texts = Checkout.seedLines(from, to, indent);
        List<ExpectedLine> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            lines.add(classify(from + i, texts.get(i)));
        }
        return lines;
    }

    private static ExpectedLine classify(int line, String text) {
        String shown = text.strip();
        if (List.of("[...]", "[…]", "...", "(...)").contains(shown)) {
            return ExpectedLine.elision(line, text);
        }
        if (HIDDEN.contains(shown)) {
            return new ExpectedLine(line, text, Kind.PROMPT, shown + " ", "");
        }
        if (shown.endsWith("=>")) {
            return new ExpectedLine(line, text, Kind.REPL_INPUT, shown + " ", "");
        }
        int repl = text.indexOf("=> ");
        if (repl > 0 && !text.substring(0, repl).contains(" ")) {
            return new ExpectedLine(line, text, Kind.REPL_INPUT, text.substring(0, repl + 3), text.substring(repl + 3));
        }
        int answer = text.indexOf("]: ");
        if (answer > 0) {
            return new ExpectedLine(line, text, Kind.PROMPT, text.substring(0, answer + 3), text.substring(answer + 3));
        }
        return ExpectedLine.output(line, text);
    }
}
