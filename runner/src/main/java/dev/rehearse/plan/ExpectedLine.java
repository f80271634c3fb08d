package dev.rehearse.plan;

/**
 * One line of output a transcript shows after a command.
 *
 * @param sourceLine line in the guide's file (what {@code update} rewrites)
 * @param text       the line as shown, indentation of the block removed
 * @param kind       how the checker treats it
 * @param answer     for {@link Kind#PROMPT} and {@link Kind#REPL_INPUT}: what is typed there (may be empty)
 */
public record ExpectedLine(int sourceLine, String text, Kind kind, String prompt, String answer) {

    public enum Kind {
        /** plain output, compared after masking */
        OUTPUT,
        /** {@code [...]}, {@code ...}: stands for any number of lines */
        ELISION,
        /** an interactive prompt with the answer the reader types ({@code Make admin [no]: no}) */
        PROMPT,
        /** a line typed into a REPL ({@code synapse=> UPDATE ...;}); an empty answer at the end closes it */
        REPL_INPUT,
        /**
         * {@code ^D}: the reader ended the input, which is typed, not printed; what the terminal shows of it (a
         * {@code ^D}, a newline, nothing) varies, so it stands for any number of lines, as an elision does
         */
        END_OF_INPUT,
        /**
         * the author's remark among what is typed into a REPL ({@code # No questions yet.} between Python's
         * {@code >>>} lines, as Django's tutorial writes them): neither typed nor printed, so its absence is no
         * difference
         */
        REMARK
    }

    /** The line that leaves a REPL: its prompt with nothing typed (where the runner ends the input). */
    public boolean closesRepl() {
        return kind == Kind.REPL_INPUT && (answer == null || answer.isBlank());
    }

    public static ExpectedLine output(int sourceLine, String text) {
        return new ExpectedLine(sourceLine, text, Kind.OUTPUT, null, null);
    }

    public static ExpectedLine elision(int sourceLine, String text) {
        return new ExpectedLine(sourceLine, text, Kind.ELISION, null, null);
    }

    public static ExpectedLine remark(int sourceLine, String text) {
        return new ExpectedLine(sourceLine, text, Kind.REMARK, null, null);
    }

    public static ExpectedLine endOfInput(int sourceLine, String text) {
        return new ExpectedLine(sourceLine, text, Kind.END_OF_INPUT, null, null);
    }
}
