package dev.rehearse.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clues the planner looks for before its expressions, on every line a guide shows: a line without the clue is
 * let go at once, and one with it is still told apart by the expression.
 */
class PromptCluesTest {

    @Test
    void promptsWithoutAColonOrAQuestionMarkAreStillPrompts() {
        assertEquals("Press ENTER to continue", prompt("Press ENTER to continue"));
        assertEquals("HIT RETURN when you are ready", prompt("HIT RETURN when you are ready"));
        assertEquals("Switch to unix_socket authentication [Y/n]", prompt("Switch to unix_socket authentication [Y/n] n"));
        assertEquals(">", AnswerPromptSyntax.match(" > yes", "Do you want to go on?", null, false).orElseThrow()
                .prompt(), "Symfony's answer line, after its question");
        assertFalse(AnswerPromptSyntax.match("1", null, null, true).isPresent(), "output, after a prompt too");
        assertFalse(AnswerPromptSyntax.match("compressing objects", null, null, false).isPresent(),
                "press inside a word, no key to press");
    }

    @Test
    void aWizardIsKnownByItsNameAndAnInstructionByTheKey() {
        assertTrue(CommandHints.asksFirst("python3 manage.py createsuperuser"));
        assertTrue(CommandHints.asksFirst("npm init"));
        assertFalse(CommandHints.asksFirst("npm init -y"));
        assertFalse(CommandHints.asksFirst("git init"), "init, but no wizard's");
        assertTrue(CommandHints.saysCtrlC("Stop it by pressing CONTROL-C."));
        assertTrue(CommandHints.saysCtrlC("quit with **Ctrl+C**"));
        assertFalse(CommandHints.saysCtrlC("the control panel"), "the word, no instruction");
        assertFalse(CommandHints.saysCtrlC(null));
    }

    private static String prompt(String line) {
        return AnswerPromptSyntax.match(line, null, null, false).orElseThrow().prompt();
    }
}
