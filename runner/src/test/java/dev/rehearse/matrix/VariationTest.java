package dev.rehearse.matrix;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code --vary NAME=V1,V2}: a value per run; with the name target, a host per run and its own bindings. */
class VariationTest {

    @Test
    void aVariableIsBoundPerRun() {
        Variation v = Variation.parse("synapse_version=1.0.0,1.67.0");
        assertEquals(new Variation.Setting(null, Map.of("synapse_version", "1.67.0")), v.setting("1.67.0"));
        assertEquals("synapse_version=1.0.0", v.label("1.0.0"));
    }

    @Test
    void theTargetVariesTheHostAndEachHostMayBindValuesOfItsOwn() {
        Variation v = Variation.parse("target=container;synapse_version=1.0.0,container:stardust-real");
        assertEquals(new Variation.Setting("container", Map.of("synapse_version", "1.0.0")),
                v.setting("container;synapse_version=1.0.0"));
        assertEquals(new Variation.Setting("container:stardust-real", Map.of()), v.setting("container:stardust-real"));
        assertEquals(2, v.values().size());
        assertThrows(BadInput.class, () -> Variation.parse("target=container;oops,local"));
    }

    /** Before, the first value ran and its record could not be kept: "File name too long". */
    @Test
    void aValueTooLongToNameItsFolderIsRefusedBeforeAnyRun() {
        BadInput refused = assertThrows(BadInput.class, () -> Variation.parse("v=" + "a".repeat(300) + ",b"));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().startsWith(
                "--vary: a value too long to name its report folder: v=" + "a".repeat(40) + "... holds more than 255"),
                refused.getMessage());
        Variation.parse("v=" + "a".repeat(253) + ",b");
    }
}
