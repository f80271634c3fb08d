package dev.rehearse.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypedWordsTest {
    private final TypedWords typed = new TypedWords(List.of(
            List.of("uberspace port add"),
            List.of("echo $USER 40132", "answer"),
            List.of(),
            List.of("sed -i s/4013/x/ my.domain.name.conf", "<>"),
            List.of("curl https://my.domain.name:4013/")));

    @Test
    void findsALiteralOnlyInTheStepsOfTheRange() {
        assertTrue(typed.typedIn("4013", 3, 5));
        assertTrue(typed.typedIn("4013", 4, 5));
        assertFalse(typed.typedIn("4013", 0, 3), "40132 is another token");
        assertFalse(typed.typedIn("4013", 0, 0));
        assertTrue(typed.typedIn("answer", 1, 2), "an answer is typed too");
    }

    @Test
    void aLiteralMustStandAsATokenOfItsOwn() {
        assertFalse(typed.typedIn("USER", 0, 5), "$USER is the shell's variable");
        assertFalse(typed.typedIn("main", 0, 5), "inside the word domain");
        assertFalse(typed.typedIn("y.domain", 0, 5), "inside the word my");
        assertTrue(typed.typedIn("my.domain.name", 0, 4), "bounded by the text's own punctuation");
    }

    @Test
    void aLiteralWithoutWordsIsLookedForInEveryStepOfTheRange() {
        assertTrue(typed.typedIn("<>", 0, 5));
        assertFalse(typed.typedIn("<>", 4, 5));
    }
}
