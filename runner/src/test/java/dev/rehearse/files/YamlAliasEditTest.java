package dev.rehearse.files;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An edit of a key reached through a YAML alias never changes the anchor: it is refused, saying why. */
class YamlAliasEditTest {
    private static final String FILE = """
            base: &base
              port: 8008
              host: localhost
            use: *base
            other:
              <<: *base
              name: other
            """;

    @Test
    void aKeyUnderAnAliasIsNotEditedThroughTheAnchor() {
        BadInput refused = assertThrows(BadInput.class,
                () -> YamlMerge.merge(FILE, "homeserver.yaml", "use:\n  port: 9009\n", "guide.rst:12"));
        assertEquals("homeserver.yaml:4: cannot edit 'use': its value is an alias of the anchor &base at line 1, which"
                + " the edit would change too (write the keys out under 'use' first)", refused.getMessage());
    }

    @Test
    void aScalarAliasIsRefusedAndTheAnchorItselfAndMergeKeysStillMerge() {
        assertThrows(BadInput.class, () -> YamlMerge.merge("a: &p 1\nb: *p\n", "b: 2\n"));
        assertEquals(FILE.replace("  port: 8008", "  port: 9009"), YamlMerge.merge(FILE, "base:\n  port: 9009\n"),
                "the anchor is where the guide says: edited there");
        assertEquals(FILE.replace("  name: other\n", "  name: other\n  port: 9009\n"),
                YamlMerge.merge(FILE, "other:\n  port: 9009\n"), "a key over a merge key goes into the mapping's own text");
    }
}
