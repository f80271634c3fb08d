package dev.rehearse.check;

import dev.rehearse.plan.ExpectedLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which transcripts show how a failing command ended: those whose last line is its last line of output. */
class ShownFailureTest {

    @Test
    void aTranscriptEndingWithTheCommandsLastWordsShowsItsFailure() {
        assertTrue(ShownFailure.shows(List.of(ExpectedLine.output(2, "cat: notes.txt: No such file or directory"),
                ExpectedLine.output(3, "")), "cat: notes.txt: No such file or directory\r\n\r\n"));
        assertTrue(ShownFailure.shows(List.of(ExpectedLine.output(2, "Error at 12:00:01: pid 4242 gone")),
                "\u001b[31mError at 09:41:17: pid 77 gone\u001b[0m\r\n"), "volatile tokens and colours aside");
    }

    @Test
    void aTranscriptCutShortEndingAtAPromptOrEmptyShowsNone() {
        String failed = "looking\r\ncat: notes.txt: No such file or directory\r\n";
        assertFalse(ShownFailure.shows(List.of(ExpectedLine.output(2, "looking"), ExpectedLine.output(3, "...")),
                failed));
        assertFalse(ShownFailure.shows(List.of(ExpectedLine.output(2, "looking"), ExpectedLine.elision(3, "[...]")),
                failed));
        assertFalse(ShownFailure.shows(List.of(new ExpectedLine(2, "Overwrite? [y/N] y", ExpectedLine.Kind.PROMPT,
                "Overwrite? [y/N] ", "y")), "Overwrite? [y/N] y\r\n"));
        assertFalse(ShownFailure.shows(List.of(), ""));
        assertFalse(ShownFailure.shows(List.of(ExpectedLine.output(2, "looking")), failed), "not its last words");
    }
}
