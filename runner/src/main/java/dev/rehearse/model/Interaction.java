package dev.rehearse.model;

/**
 * Something the runner types while a command runs: when the output so far ends with {@code prompt}
 * (trailing blanks ignored), send {@code answer} and a newline.
 *
 * @param hidden the program does not echo the answer (passwords); the answer is then a secret
 * @param eof    close the program's input (Ctrl-D) instead of typing, e.g. to leave a REPL
 * @param binding name of the binding that supplies the answer (a secret), or null when {@code answer} is literal
 */
public record Interaction(String prompt, String answer, boolean hidden, boolean eof, String binding) {

    /** What an interrupt's answer holds: a transcript's {@code ^C} after a server's output. */
    public static final String INTERRUPT = "^C";

    /** Once the output shows {@code prompt} (words of the last line the guide shows), send Ctrl-C instead of typing. */
    public static Interaction interrupt(String prompt) {
        return new Interaction(prompt, INTERRUPT, false, true, null);
    }

    /** An end of input that is an interrupt (Ctrl-C), not Ctrl-D. */
    public boolean interrupts() {
        return eof && INTERRUPT.equals(answer);
    }
}
