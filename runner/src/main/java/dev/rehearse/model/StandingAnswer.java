package dev.rehearse.model;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer the sidecar gives to a prompt wherever it comes, whether the guide's transcript shows it or not: a
 * question a new release of the program asks, a prompt asked again where the guide shows it once. The session types
 * it once the terminal's last line since the last answer ends with a match of the rule, and no answer of the plan's
 * is due there.
 */
public final class StandingAnswer {
    private final Pattern endingALine;
    private final String answer;
    private final boolean hidden;
    private final UnaryOperator<String> asTheGuideShows;
    /** the rule took too long once (it backtracks without end): it is tried no more, as each try would take as long */
    private boolean gaveUp;

    /**
     * @param rule            searched in a line, as the sidecar's answers are in the transcript's lines
     * @param answer          what is typed (a bound secret, for a rule that names a binding)
     * @param hidden          the program does not echo it
     * @param asTheGuideShows the target's values mapped back to the guide's examples, which the rule is written in
     */
    public StandingAnswer(Pattern rule, String answer, boolean hidden, UnaryOperator<String> asTheGuideShows) {
        // a prompt waiting for its answer ends the line: a match elsewhere in it is output going by
        this.endingALine = Pattern.compile("(?:" + rule.pattern() + ")\\s*$", rule.flags());
        this.answer = answer;
        this.hidden = hidden;
        this.asTheGuideShows = asTheGuideShows;
    }

    /**
     * The answer to type at {@code lastLine}, as an interaction of its words; null when the rule does not end it, or
     * took longer than {@link BoundedText#LIMIT} on a line once: the line is a program's, and the session that asks
     * must stay awake to the step's timeout and to a stop.
     */
    public Interaction at(String lastLine) {
        if (gaveUp) {
            return null;
        }
        Matcher m = endingALine.matcher(BoundedText.of(asTheGuideShows.apply(lastLine)));
        try {
            // a rule that matches nothing at all (x*) would answer every line that stays still
            if (!m.find() || m.group().isBlank()) {
                return null;
            }
        } catch (BoundedText.TooSlow slow) {
            gaveUp = true;
            return null;
        }
        return new Interaction(lastLine.strip(), answer, hidden, false, null);
    }
}
