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

    /** What a leave's answer holds: the guide goes on in another terminal while the command runs on. */
    public static final String LEAVE = "(another terminal)";

    /**
     * Once the output shows {@code prompt}, leave the command running in its terminal: the guide's next commands
     * go into another one ("In a new terminal, ..."), as a server's reader types them.
     */
    public static Interaction leave(String prompt) {
        return new Interaction(prompt, LEAVE, false, true, null);
    }

    /** An end of input that is an interrupt (Ctrl-C), not Ctrl-D. */
    public boolean interrupts() {
        return eof && INTERRUPT.equals(answer);
    }

    /** The command is left running here, the next ones going into another terminal. */
    public boolean leaves() {
        return eof && LEAVE.equals(answer);
    }
}
