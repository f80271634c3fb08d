package dev.rehearse.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a transcript shows typed after a question the plan read as output, taken where a program waits at it. */
class ShownAnswersTest {
    private static final List<String> GNUPG = List.of(
            "GnuPG needs to construct a user ID to identify your key.",
            "",
            "Real name: Ada Lovelace",
            "Email address: ada@example.org",
            "Comment:",
            "You selected this USER-ID:",
            "    \"Ada Lovelace <ada@example.org>\"");

    @Test
    void theQuestionTheProgramWaitsAtTakesWhatTheTranscriptShowsAfterIt() {
        ShownAnswers shown = new ShownAnswers(GNUPG);
        assertTrue(shown.shows("Real name: "));
        assertEquals(new Interaction("Real name:", "Ada Lovelace", false, false, null), shown.take("Real name: "));
        assertEquals("ada@example.org", shown.take("Email address:").answer());
        assertEquals("", shown.take("Comment: ").answer(), "nothing typed: Enter");
    }

    @Test
    void theRunsValuesStandInTheAnswerForTheGuidesExamples() {
        ShownAnswers shown = new ShownAnswers(GNUPG, line -> line.replace("ada@example.org", "robin@ravel"));
        assertEquals("robin@ravel", shown.take("Email address: ").answer());
    }

    @Test
    void eachLineAnswersOnce() {
        ShownAnswers shown = new ShownAnswers(GNUPG);
        shown.take("Real name:");
        assertFalse(shown.shows("Real name:"), "asked again, as the guide does not show");
        assertNull(shown.take("Real name:"));
        ShownAnswers twice = new ShownAnswers(List.of("Name: one", "Name: two"));
        assertEquals("one", twice.take("Name:").answer());
        assertEquals("two", twice.take("Name:").answer());
    }

    @Test
    void aLineThatAsksNothingOrBeginsOtherwiseIsNoAnswer() {
        ShownAnswers shown = new ShownAnswers(List.of("Status: active (running) since Mon 2024-01-01 10:00:00 UTC; "
                + "3 days ago and counting", "Username: ada", "Real names: none"));
        assertNull(shown.take("Status:"), "a long line after the words is output");
        assertNull(shown.take("Real name:"), "a word that goes on is another word");
        assertNull(shown.take("GnuPG needs to construct"), "no question mark, colon or bracket ends it");
        assertNull(shown.take("   "));
        assertNull(shown.take(null));
        assertEquals("ada", shown.take("Username:").answer());
        ShownAnswers secret = new ShownAnswers(List.of("Please enter the password of the administrator account:",
                "API token: abc123"));
        assertNull(secret.take("Please enter the password of the administrator account:"), "Enter is no password");
        assertEquals("abc123", secret.take("API token:").answer(), "one the transcript shows is typed");
        assertNull(ShownAnswers.NONE.take("Username:"));
    }

    private static final String END = ShownAnswers.END_OF_INPUT;

    @Test
    void aProgramThatAsksNothingIsTypedTheNextLineAfterThoseItPrinted() {
        ShownAnswers shown = new ShownAnswers(List.of("6*7", "42", "2+3", "5"));
        assertEquals(new Interaction("", "6*7", false, false, null), shown.nextLine(List.of()));
        assertEquals("2+3", shown.nextLine(List.of("6*7", "42")).answer());
        assertNull(shown.nextLine(List.of("6*7", "42", "2+3", "5")), "the transcript shows nothing more");
    }

    @Test
    void outputThatWentOtherwiseGetsNothingTyped() {
        ShownAnswers shown = new ShownAnswers(List.of("Welcome", "6*7", "42"));
        assertNull(shown.nextLine(List.of("Error: no such file")));
        assertNull(shown.nextLine(List.of("6*7")), "a line where the program's own should be");
    }

    @Test
    void numbersInWhatTheProgramPrintedMayDiffer() {
        ShownAnswers shown = new ShownAnswers(List.of("calc 1.0.4 ready", "1+1", "2"));
        assertEquals("1+1", shown.nextLine(List.of("calc 1.2.0 ready")).answer());
    }

    @Test
    void theEndOfInputComesBeforeWhatTheTranscriptShowsAfterIt() {
        ShownAnswers shown = new ShownAnswers(List.of("walnut", "almond", END, "almond", "walnut"));
        assertEquals(4, shown.size(), "lines of output, not the end");
        assertEquals("almond", shown.nextLine(List.of("walnut")).answer());
        assertNull(shown.nextLine(List.of("walnut", "almond")), "the plan's Ctrl-D comes next");
        assertNull(shown.nextLine(List.of("walnut", "almond", "almond")), "after it, the program prints");
    }

    @Test
    void theRunsValuesStandInTheLineTyped() {
        ShownAnswers shown = new ShownAnswers(List.of("isabell", "Welcome, isabell"),
                line -> line.replace("isabell", "robin"));
        assertEquals("robin", shown.nextLine(List.of()).answer());
    }
}
