package dev.rehearse.model;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a command's transcript shows typed after a question that the plan read as output: a wizard's label after
 * lines of its own ({@code Real name: Jane Doe} below a paragraph of GnuPG's, {@code Comment:} with nothing typed),
 * which alone reads as output as well as a prompt does. Such a line answers the program only once it waits there in
 * a read of the terminal, where the step would fail otherwise: the reader typed what follows the question.
 * Each line answers once, as each was typed once.
 */
public final class ShownAnswers {
    /** a question is a label or a sentence, not a paragraph */
    private static final int LONGEST_QUESTION = 100;
    /** a typed answer is a few words; a line longer after the question is output that happens to begin alike */
    private static final int LONGEST_ANSWER = 60;
    /** a question for a secret, whose answer a transcript never shows: Enter would be no answer to it */
    private static final Pattern ASKS_A_SECRET = Pattern.compile("(?i)pass ?(?:word|phrase)|secret|token|\\bpin\\b");
    public static final ShownAnswers NONE = new ShownAnswers(List.of());

    private final List<String> lines;
    private final UnaryOperator<String> bound;
    /** the lines with bindings applied, made at the first question asked: most commands ask none */
    private List<String> boundLines;
    private final boolean[] used;

    /** @param lines the command's lines of output as the transcript shows them, bindings applied */
    public ShownAnswers(List<String> lines) {
        this(lines, UnaryOperator.identity());
    }

    /**
     * @param lines the command's lines of output as the transcript shows them
     * @param bound the line with the run's values in place of the guide's examples
     */
    public ShownAnswers(List<String> lines, UnaryOperator<String> bound) {
        this.lines = List.copyOf(lines);
        this.bound = bound;
        this.used = new boolean[lines.size()];
    }

    /** Whether a line not yet used begins with the question the program may wait at ({@link #take}). */
    public boolean shows(String waiting) {
        return find(waiting) >= 0;
    }

    /**
     * The answer to type where the program waits at {@code waiting} (the terminal's last line), as the first line
     * not yet used that begins with that question shows it, which is used then; null where none does.
     */
    public Interaction take(String waiting) {
        int i = find(waiting);
        if (i < 0) {
            return null;
        }
        used[i] = true;
        String question = waiting.strip();
        return new Interaction(question, boundLines.get(i).strip().substring(question.length()).strip(), false, false,
                null);
    }

    /** A question ends as one does: in a colon, a question mark, a closing bracket of choices or a {@code >}. */
    private int find(String waiting) {
        String question = waiting == null ? "" : waiting.strip();
        if (question.isEmpty() || question.length() > LONGEST_QUESTION || ":?)]>".indexOf(last(question)) < 0) {
            return -1;
        }
        if (boundLines == null) {
            boundLines = lines.stream().map(bound).toList();
        }
        for (int i = 0; i < boundLines.size(); i++) {
            String line = boundLines.get(i).strip();
            if (used[i] || !line.startsWith(question)) {
                continue;
            }
            String rest = line.substring(question.length());
            if ((rest.isEmpty() || Character.isWhitespace(rest.charAt(0))) && rest.strip().length() <= LONGEST_ANSWER
                    && !(rest.isBlank() && ASKS_A_SECRET.matcher(question).find())) {
                return i;
            }
        }
        return -1;
    }

    private static char last(String text) {
        return text.charAt(text.length() - 1);
    }
}
