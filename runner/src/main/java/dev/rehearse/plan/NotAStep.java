package dev.rehearse.plan;

/**
 * A block of the guide that yields no step, and why ({@code ini: no file named}, {@code output of step 12},
 * {@code prose example}): what {@code plan --explain} lists so that nothing is dropped in silence.
 *
 * @param language the block's language, empty when it has none
 * @param chosen   the author gave the language to this block (not a {@code highlight} default for {@code ::} blocks)
 */
public record NotAStep(String source, int line, String language, boolean chosen, String why) {

    /** how {@link #why()} begins for a block that shows the output of the step before it */
    public static final String OUTPUT_OF = "output of step ";
    /** how {@link #why()} begins for a block of what is typed into the REPL a step before it opened */
    public static final String TYPED_INTO = "typed into step ";
    /** how {@link #why()} begins for a block in a tab the run does not follow */
    public static final String IN_ANOTHER_TAB = "in the tab ";

    /** The block shows the output of a step before it, or what is typed into it. */
    public boolean showsOutput() {
        return why.startsWith(OUTPUT_OF) || why.startsWith(TYPED_INTO);
    }

    public boolean inAnotherTab() {
        return why.startsWith(IN_ANOTHER_TAB);
    }
}
