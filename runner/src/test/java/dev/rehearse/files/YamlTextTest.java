package dev.rehearse.files;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class YamlTextTest {

    /** A "billion laughs" of aliases is refused at the line of the first alias over SnakeYAML's limit. */
    @Test
    void tooManyAliasesAreRefusedAtTheLineOfTheFirstOverTheLimit() {
        StringBuilder yaml = new StringBuilder("a: &a [x, y]\n");
        for (int n = 1; n <= 60; n++) {
            yaml.append("b").append(n).append(": [*a, *a]\n");
        }
        BadInput refused = assertThrows(BadInput.class, () -> YamlText.compose(yaml.toString(), "runbook.yaml"));
        assertEquals(27, refused.line(), refused.getMessage());
    }
}
