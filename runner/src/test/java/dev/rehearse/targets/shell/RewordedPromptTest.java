package dev.rehearse.targets.shell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewordedPromptTest {

    @Test
    void aParaphraseWithAnotherHomeAsksTheSame() {
        assertTrue(RewordedPrompt.asks("Enter a file in which to save the key (/home/YOU/.ssh/id_ed25519):",
                "Enter file in which to save the key (/var/lib/rehearse/run-users/0/home/.ssh/id_ed25519):"));
        assertTrue(RewordedPrompt.asks("Do you want to continue? [Y/n]", "Do you want to continue? [y/N]"));
    }

    @Test
    void aQuestionThatSharesAWordOrTwoAsksSomethingElse() {
        assertFalse(RewordedPrompt.asks("Password:", "Password for synapse:"));
        assertFalse(RewordedPrompt.asks("Make admin [no]:", "Overwrite config? [y/N]"));
        assertFalse(RewordedPrompt.asks("Enter the name of the list:", "Enter the email of the person running the "
                + "list:"));
    }
}
