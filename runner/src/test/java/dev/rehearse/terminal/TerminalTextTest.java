package dev.rehearse.terminal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw terminal output read the way a person sees it on the screen. */
class TerminalTextTest {

    @Test
    void aLineRedrawnWithCarriageReturnsShowsItsLastDrawing() {
        assertEquals(List.of("100% done"), TerminalText.lines(" 10% done\r 50% done\r100% done\r\n"));
    }

    @Test
    void eraseToEndOfLineRemovesWhatAShorterRedrawWouldLeave() {
        assertEquals(List.of("done"), TerminalText.lines("Downloading a long name\r\u001b[Kdone\n"));
        assertEquals(List.of("doneloading a long name"), TerminalText.lines("Downloading a long name\rdone\n"));
    }

    @Test
    void backspacesMoveBackAndOverwrite() {
        assertEquals(List.of("spinner x"), TerminalText.lines("spinner |\b/\b-\bx\n"));
    }

    @Test
    void coloursTitlesModesAndBellsAreDropped() {
        String raw = "\u001b]0;isabell@stardust: ~\u0007\u001b[?2004h\u001b[1;31mERROR\u001b[0m: no\u0007 space\u001b(B\r\n";
        assertEquals(List.of("ERROR: no space"), TerminalText.lines(raw));
    }

    @Test
    void aCursorColumnMoveLandsWhereTheProgramPutsIt() {
        assertEquals(List.of("name    ok"), TerminalText.lines("name\u001b[9Gok\n"));
    }

    @Test
    void trailingBlanksAndTrailingBlankLinesGoButInnerBlankLinesStay() {
        assertEquals(List.of("a", "", "b"), TerminalText.lines("a  \r\n\r\nb\t \r\n\r\n  \r\n"));
        assertEquals(List.of(), TerminalText.lines(""));
    }

    @Test
    void thePromptTheSessionMatchesIsTheLineTheCheckerSees() {
        String raw = "Name: abc\bd\u001b[K";
        assertEquals(List.of("Name: abd"), TerminalText.lines(raw));
        assertEquals("Name: abd", TerminalText.lastLine("earlier\n" + raw));
        assertEquals("Name: abd", TerminalText.lastNonBlankLine("earlier\n" + raw + "\n\n"));
    }

    @Test
    void theLastLineIsWhatARedrawLeftAndAPromptLooksLikeOne() {
        assertEquals("Password:", TerminalText.lastLine("Downloading\n 10%\r\u001b[KPassword: "));
        assertEquals("xycdef", TerminalText.lastLine("abcdef\rxy"), "a shorter redraw overwrites, as on a screen");
        assertEquals("", TerminalText.lastLine("done\n"));
        assertTrue(TerminalText.looksLikePrompt("Overwrite? [y/N]"));
        assertTrue(TerminalText.looksLikePrompt("synapse=> "));
        assertFalse(TerminalText.looksLikePrompt("Collecting synapse"));
    }

    @Test
    void lineEndsFoldButALoneCarriageReturnStays() {
        assertEquals("a\nb\nc\rd", TerminalText.foldLineEnds("a\r\nb\r\r\nc\rd"));
    }

    @Test
    void textForAPersonsTerminalShowsEveryControlCharacterButRehearsesOwnColourAndErase() {
        assertEquals("echo \\e]0;pwned\\x07hi \\e[2J \\r overwritten\\x9b", TerminalText.printable(
                "echo \u001b]0;pwned\u0007hi \u001b[2J \r overwritten\u009b"), "a title, a clear screen, a return");
        String own = "\r\u001b[K\u001b[1;32mPASS\u001b[0m  1/1\tok\n";
        assertEquals(own, TerminalText.printable(own));
    }
}
