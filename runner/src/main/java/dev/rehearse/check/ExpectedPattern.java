package dev.rehearse.check;

import dev.rehearse.plan.ExpectedLine;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line the guide shows, made ready to be matched against real lines. A plain line matches a real line with
 * the same {@link VolatileTokens#key key}, and one the guide cut short ({@code Successfully installed ...}) a real
 * line that begins as it does. A prompt line also matches the prompt followed by what the terminal
 * echoed of the typed answer (nothing for a hidden one); the line that closes a REPL matches its prompt followed by
 * whatever the program echoes for end of input ({@code \q}, nothing). An elision matches nothing by itself: the
 * aligner lets it stand for any number of real lines.
 */
final class ExpectedPattern {
    private static final Set<String> ELISIONS = Set.of("[...]", "[…]", "...", "…", "(...)", "(…)");
    /**
     * a line cut short where it ends, after a blank ({@code Successfully installed ...}): what comes before the cut;
     * dots at a word's end are a program's own ({@code Reading package lists...})
     */
    private static final Pattern CUT_AT_END = Pattern.compile("(.*\\S)\\s+(?:\\[(?:\\.\\.\\.|…)]|\\.\\.\\.|…)");

    private final ExpectedLine line;
    private final boolean elision;
    private final String key;
    private final String promptKey;
    private final String answerKey;
    /** for a line the guide cut short, the key of what it shows before the cut; else null */
    private final String cutKey;

    ExpectedPattern(ExpectedLine line) {
        this.line = line;
        this.elision = line.kind() == ExpectedLine.Kind.ELISION || line.kind() == ExpectedLine.Kind.END_OF_INPUT
                || ELISIONS.contains(line.text().strip());
        this.key = VolatileTokens.key(line.text());
        boolean typed = line.kind() == ExpectedLine.Kind.PROMPT || line.kind() == ExpectedLine.Kind.REPL_INPUT;
        this.promptKey = typed && line.prompt() != null ? VolatileTokens.key(line.prompt()) : null;
        this.answerKey = typed && line.answer() != null ? VolatileTokens.key(line.answer()) : "";
        Matcher cut = shownOutput(line) ? CUT_AT_END.matcher(line.text()) : null;
        this.cutKey = cut != null && cut.matches() ? VolatileTokens.key(cut.group(1)) : null;
    }

    /** A line of the program's output the guide shows as such: no prompt, no elision standing for lines. */
    static boolean shownOutput(ExpectedLine line) {
        return line.kind() == ExpectedLine.Kind.OUTPUT && !ELISIONS.contains(line.text().strip());
    }

    ExpectedLine line() {
        return line;
    }

    String text() {
        return line.text();
    }

    boolean elision() {
        return elision;
    }

    /** a line whose absence from the real output is no difference: a blank one, a job's notice, a remark */
    boolean optional() {
        return !elision && Alignment.optional(line);
    }

    /** A prompt whose answer the terminal does not show: the program's next output may follow on the same line. */
    boolean hiddenPrompt() {
        return line.kind() == ExpectedLine.Kind.PROMPT && answerKey.isEmpty();
    }

    /** The line that leaves a REPL: its prompt with nothing typed (the runner sends end of input there). */
    boolean closesRepl() {
        return line.closesRepl();
    }

    /**
     * A line typed into a REPL that the guide shows at the start of its line ({@code >>> i = 256*256}), as the
     * terminal shows it typed: prompt, blank, input; null for any other line, and for one with nothing typed (a
     * bare {@code ...} is too like output's own dots to be looked for at a line's end).
     */
    String typedOnALineOfItsOwn() {
        if (line.kind() != ExpectedLine.Kind.REPL_INPUT || line.answer() == null || line.answer().isBlank()
                || line.prompt() == null || !line.text().strip().startsWith(line.prompt())) {
            return null;
        }
        return line.prompt() + " " + line.answer();
    }

    /** The prompt as the program prints it (without the answer), for splitting a line after a hidden prompt. */
    String promptText() {
        return (line.prompt() != null ? line.prompt() : line.text()).strip();
    }

    boolean matches(String actualKey) {
        if (elision) {
            return false;
        }
        if (actualKey.equals(key)) {
            return true;
        }
        if (cutKey != null) {
            // the real line goes on where the guide's was cut: it shows the same beginning
            return actualKey.startsWith(cutKey);
        }
        if (promptKey == null || !actualKey.startsWith(promptKey)) {
            return false;
        }
        String echoed = actualKey.substring(promptKey.length()).strip();
        return closesRepl() || echoed.equals(answerKey);
    }
}
