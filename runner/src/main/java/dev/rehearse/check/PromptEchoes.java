package dev.rehearse.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out what a terminal shows around typed input the way a guide writes it down.
 * <ul>
 *   <li>A program that reads a password without echo does not always print the newline the user typed
 *       ({@code read -s -p 'Password: '} does not), so the screen shows {@code Password: Welcome} where the
 *       guide shows {@code Password:} and {@code Welcome} on two lines: the output after a hidden prompt goes
 *       on its own line. The guide's hidden prompts are looked for in order, each at the start of a line.</li>
 *   <li>A REPL closed with end of input echoes something of its own on the next line (psql prints
 *       {@code \q}); the guide shows only the bare prompt, so that echo joins the prompt's line.</li>
 *   <li>Output that ends without a newline ({@code print(a, end=',')}) has the REPL's next prompt, and what is
 *       typed there, on its own line ({@code 0,1,1,2,>>> i = 256*256}); a guide that shows that line typed on a
 *       line of its own gets it split there.</li>
 * </ul>
 */
final class PromptEchoes {
    private PromptEchoes() {
    }

    static List<String> layOut(List<String> actual, List<ExpectedPattern> expected) {
        return joinEndOfInput(splitGluedInput(splitHidden(actual, expected), expected), expected);
    }

    private static List<String> splitGluedInput(List<String> actual, List<ExpectedPattern> expected) {
        List<String> typed = expected.stream().map(ExpectedPattern::typedOnALineOfItsOwn).filter(t -> t != null)
                .distinct().toList();
        if (typed.isEmpty()) {
            return actual;
        }
        List<String> lines = new ArrayList<>(actual.size());
        for (String line : actual) {
            String shown = line.stripTrailing();
            String glued = typed.stream().filter(t -> shown.endsWith(t)
                    && !shown.substring(0, shown.length() - t.length()).isBlank()).findFirst().orElse(null);
            if (glued == null) {
                lines.add(line);
            } else {
                lines.add(shown.substring(0, shown.length() - glued.length()));
                lines.add(glued);
            }
        }
        return lines;
    }

    private static List<String> splitHidden(List<String> actual, List<ExpectedPattern> expected) {
        List<String> prompts = expected.stream().filter(ExpectedPattern::hiddenPrompt)
                .map(ExpectedPattern::promptText).filter(p -> !p.isEmpty()).toList();
        if (prompts.isEmpty()) {
            return actual;
        }
        List<String> lines = new ArrayList<>(actual.size() + prompts.size());
        int next = 0;
        for (String line : actual) {
            String rest = line;
            while (next < prompts.size()) {
                String prompt = prompts.get(next);
                String shown = rest.stripLeading();
                if (!shown.startsWith(prompt)) {
                    break;
                }
                next++;
                String after = shown.substring(prompt.length()).strip();
                if (after.isEmpty()) {
                    break;
                }
                lines.add(rest.substring(0, rest.length() - shown.length()) + prompt);
                rest = after;
            }
            lines.add(rest);
        }
        return lines;
    }

    private static List<String> joinEndOfInput(List<String> actual, List<ExpectedPattern> expected) {
        List<String> prompts = expected.stream().filter(ExpectedPattern::closesRepl)
                .map(ExpectedPattern::promptText).filter(p -> !p.isEmpty()).toList();
        if (prompts.isEmpty()) {
            return actual;
        }
        List<String> lines = new ArrayList<>(actual.size());
        for (int i = 0; i < actual.size(); i++) {
            String line = actual.get(i);
            if (i + 1 < actual.size() && prompts.contains(line.strip())
                    && ReplEdges.END_OF_INPUT_ECHOES.contains(actual.get(i + 1).strip())) {
                line = line + " " + actual.get(++i).strip();
            }
            lines.add(line);
        }
        return lines;
    }
}
