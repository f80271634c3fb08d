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
 *
 * <p>A program that reads the terminal without asking anything ({@code bc}, a filter typed into) gets the transcript's
 * lines in turn ({@link #nextLine}): where what it printed so far is the transcript's first lines, the next one the
 * transcript shows is what the reader typed there.
 */
public final class ShownAnswers {
    /** a question is a label or a sentence, not a paragraph */
    private static final int LONGEST_QUESTION = 100;
    /** a typed answer is a few words; a line longer after the question is output that happens to begin alike */
    private static final int LONGEST_ANSWER = 60;
    /** a question for a secret, whose answer a transcript never shows: Enter would be no answer to it */
    private static final Pattern ASKS_A_SECRET = Pattern.compile("(?i)pass ?(?:word|phrase)|secret|token|\\bpin\\b");
    /** numbers in a line the program printed (a version in its banner, a count) may differ from the transcript's */
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    /** stands among the lines where the transcript shows the input ended ({@code ^D}) */
    public static final String END_OF_INPUT = "\u0004";
    public static final ShownAnswers NONE = new ShownAnswers(List.of());

    private final List<String> lines;
    private final UnaryOperator<String> bound;
    /** the lines with bindings applied, each made when first looked at: most commands are typed nothing */
    private final String[] boundLines;
    private final boolean[] used;
    private final int printedLines;

    /**
     * @param lines the command's lines of output as the transcript shows them, bindings applied, with
     *              {@link #END_OF_INPUT} where it shows the input ended
     */
    public ShownAnswers(List<String> lines) {
        this(lines, UnaryOperator.identity());
    }

    /**
     * @param lines the command's lines of output as the transcript shows them, with {@link #END_OF_INPUT} where it
     *              shows the input ended
     * @param bound the line with the run's values in place of the guide's examples
     */
    public ShownAnswers(List<String> lines, UnaryOperator<String> bound) {
        this.lines = List.copyOf(lines);
        this.bound = line -> END_OF_INPUT.equals(line) ? line : bound.apply(line);
        this.used = new boolean[lines.size()];
        this.boundLines = new String[lines.size()];
        this.printedLines = (int) lines.stream().filter(line -> !END_OF_INPUT.equals(line)).count();
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
        return new Interaction(question, boundLine(i).strip().substring(question.length()).strip(), false, false,
                null);
    }

    /** how many lines of output the transcript shows: a program that printed more is past them */
    public int size() {
        return printedLines;
    }

    /**
     * What to type into a program that waits in a read of the terminal at the start of a line, having asked
     * nothing: the first line the transcript shows after those the program printed so far (the lines typed before
     * among them, as the terminal showed them), where those are the transcript's first lines, numbers aside; null
     * where its output went otherwise, where the transcript shows nothing more, or where it shows the input's end
     * next ({@link #END_OF_INPUT}: the plan's Ctrl-D comes then) or before. Blank lines shown before it are taken
     * for lines the program printed.
     *
     * @param printed the command's output so far, as lines of the screen
     */
    public Interaction nextLine(List<String> printed) {
        if (printed.size() >= printedLines) {
            return null;
        }
        int at = 0;
        for (String line : printed) { // fewer than the transcript's lines: each has its shown line
            String shown = boundLine(at++);
            if (END_OF_INPUT.equals(shown) || !alike(line, shown)) {
                return null; // past the input's end what comes is the program's; or the output went otherwise
            }
        }
        for (; at < lines.size(); at++) {
            String line = boundLine(at);
            if (END_OF_INPUT.equals(line)) {
                return null;
            }
            if (!line.isBlank()) {
                return new Interaction("", line.strip(), false, false, null);
            }
        }
        return null;
    }

    private static boolean alike(String printed, String shown) {
        String a = printed.strip();
        String b = shown.strip();
        return a.equals(b) || NUMBER.matcher(a).replaceAll("0").equals(NUMBER.matcher(b).replaceAll("0"));
    }

    private String boundLine(int i) {
        if (boundLines[i] == null) {
            boundLines[i] = bound.apply(lines.get(i));
        }
        return boundLines[i];
    }

    /** A question ends as one does: in a colon, a question mark, a closing bracket of choices or a {@code >}. */
    private int find(String waiting) {
        String question = waiting == null ? "" : waiting.strip();
        if (question.isEmpty() || question.length() > LONGEST_QUESTION || ":?)]>".indexOf(last(question)) < 0) {
            return -1;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = boundLine(i).strip();
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
