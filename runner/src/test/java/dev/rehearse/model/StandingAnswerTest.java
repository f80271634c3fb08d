package dev.rehearse.model;

import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandingAnswerTest {

    private static final UnaryOperator<String> AS_SHOWN = line -> line.replace("rehearse", "isabell");

    @Test
    void aRuleThatEndsTheLineGivesItsAnswerThere() {
        StandingAnswer answer = new StandingAnswer(Pattern.compile("Proceed\\? \\[y/N\\]"), "y", false, AS_SHOWN);
        Interaction asked = answer.at("Upgrading. Proceed? [y/N] ");
        assertEquals(new Interaction("Upgrading. Proceed? [y/N]", "y", false, false, null), asked);
    }

    /** Output going by that holds the rule's words is no prompt: a prompt waits at the end of its line. */
    @Test
    void aMatchBeforeTheEndOfTheLineIsNoPrompt() {
        StandingAnswer answer = new StandingAnswer(Pattern.compile("Proceed\\?"), "y", false, AS_SHOWN);
        assertNull(answer.at("Proceed? Not asked: --yes was given"));
    }

    @Test
    void theLineIsReadAsTheGuideWouldShowIt() {
        StandingAnswer answer = new StandingAnswer(Pattern.compile("^Token for isabell:"), "s3cret", true, AS_SHOWN);
        Interaction asked = answer.at("Token for rehearse: ");
        assertEquals("s3cret", asked.answer());
        assertTrue(asked.hidden());
        assertNull(new StandingAnswer(Pattern.compile("^Token for isabell:"), "s3cret", true, line -> line)
                .at("Token for rehearse: "));
    }

    @Test
    void theRulesFlagsHold() {
        StandingAnswer answer = new StandingAnswer(Pattern.compile("continue\\?", Pattern.CASE_INSENSITIVE), "yes",
                false, AS_SHOWN);
        assertEquals("yes", answer.at("Do you want to CONTINUE?").answer());
    }

    /** A rule that matches nothing at all would answer every line that stays still, and every blank one. */
    @Test
    void anEmptyMatchAnswersNothing() {
        StandingAnswer answer = new StandingAnswer(Pattern.compile("x*"), "y", false, AS_SHOWN);
        assertNull(answer.at("Building..."));
        assertNull(answer.at(""));
    }

    /** A rule's alternatives all end the line: the rule is grouped before the end is required. */
    @Test
    void everyAlternativeMustEndTheLine() {
        StandingAnswer answer = new StandingAnswer(Pattern.compile("Overwrite\\?|Replace"), "y", false, AS_SHOWN);
        assertNull(answer.at("Replace the old files, then restart"));
        assertEquals("y", answer.at("Replace").answer());
    }
}
