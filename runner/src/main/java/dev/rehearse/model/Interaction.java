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
}
