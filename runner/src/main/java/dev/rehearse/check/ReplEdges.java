package dev.rehearse.check;

import dev.rehearse.plan.ExpectedLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a REPL shows at its edges that a guide typing into it leaves out, as guides write REPL sessions: its greeting
 * ({@code Python 3.11.2 ... on linux}, {@code Type "help" ...}) where the guide's first line after the command is
 * already one typed at the REPL's prompt, and the prompt where the runner ended its input where the guide returns
 * to the shell without showing it. Neither is a claim of the guide, and neither is written into it by
 * {@code update}; a guide that shows a greeting or its last prompt is checked against them as shown.
 */
final class ReplEdges {
    /** what REPLs print for an end of input on the line after their prompt, or on the same one */
    static final Set<String> END_OF_INPUT_ECHOES = Set.of("\\q", "exit", "quit", "Bye", "bye", "^D");

    private ReplEdges() {
    }

    /** The real lines without the REPL's greeting and closing prompt where the guide shows neither. */
    static List<String> trimmed(List<ExpectedLine> expected, List<String> actual) {
        List<ExpectedLine> shown = expected.stream().filter(e -> !e.text().isBlank()).toList();
        int typed = firstTyped(shown);
        if (typed < 0) {
            return actual;
        }
        List<String> lines = new ArrayList<>(actual);
        String prompt = shown.get(typed).prompt().strip();
        int greeted = typed == 0 ? 0 : answered(lines, shown.get(typed - 1));
        int opened = firstAtPrompt(lines, prompt, greeted);
        if (greeted >= 0 && opened > greeted) {
            lines.subList(greeted, opened).clear();
        }
        List<String> prompts = shown.stream()
                .filter(e -> e.kind() == ExpectedLine.Kind.REPL_INPUT && e.prompt() != null)
                .map(e -> e.prompt().strip()).distinct().toList();
        if (!shown.get(shown.size() - 1).closesRepl()) {
            int n = lines.size();
            if (n >= 2 && prompts.contains(lines.get(n - 2).strip())
                    && END_OF_INPUT_ECHOES.contains(lines.get(n - 1).strip())) {
                lines.subList(n - 2, n).clear();
            } else if (n >= 1 && prompts.stream().anyMatch(p -> isBare(lines.get(n - 1).strip(), p))) {
                lines.remove(n - 1);
            }
        }
        return lines;
    }

    /**
     * The first line the guide shows typed at a REPL's prompt, where the REPL's greeting may stand before it unshown:
     * it is the first line shown, or follows an answered prompt ({@code Enter password:} of {@code mysql -p}), and
     * stands at the start of its line (not glued to output before it, as a terminal shows it); -1 when there is none
     */
    private static int firstTyped(List<ExpectedLine> shown) {
        for (int i = 0; i < shown.size(); i++) {
            ExpectedLine line = shown.get(i);
            if (line.kind() == ExpectedLine.Kind.REPL_INPUT) {
                boolean atItsPrompt = line.prompt() != null && line.text().strip().startsWith(line.prompt().strip());
                return atItsPrompt && (i == 0 || shown.get(i - 1).kind() == ExpectedLine.Kind.PROMPT) ? i : -1;
            }
        }
        return -1;
    }

    /** the real line after the one that shows the prompt {@code asked}, or -1 */
    private static int answered(List<String> lines, ExpectedLine asked) {
        String prompt = (asked.prompt() != null ? asked.prompt() : asked.text()).strip();
        int at = firstAtPrompt(lines, prompt, 0);
        return at < 0 ? -1 : at + 1;
    }

    private static boolean isBare(String line, String prompt) {
        return line.equals(prompt) || line.startsWith(prompt)
                && END_OF_INPUT_ECHOES.contains(line.substring(prompt.length()).strip());
    }

    private static int firstAtPrompt(List<String> actual, String prompt, int from) {
        for (int i = from; i < actual.size(); i++) {
            if (actual.get(i).strip().startsWith(prompt)) {
                return i;
            }
        }
        return -1;
    }
}
