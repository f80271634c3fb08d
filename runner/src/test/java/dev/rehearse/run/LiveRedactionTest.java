package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LiveRedactionTest {

    @Test
    void aSecretCutByChunkBoundariesNeverShowsInPart() {
        Bindings bindings = new Bindings()
                .bind(new Binding("<my super secure password>", "Wq8-zz-Tk2", Binding.Origin.GENERATED, true));
        List<String> shown = new ArrayList<>();
        LiveRedaction redaction = new LiveRedaction(bindings, shown::add);
        for (String chunk : List.of("password is Wq", "8-z", "z-Tk2 and that is", " all\n")) {
            redaction.accept(chunk);
        }
        String all = String.join("", shown);
        assertEquals("password is <my super secure password> and that is all\n".substring(0, all.length()), all);
        assertFalse(shown.stream().anyMatch(s -> s.contains("Wq") || s.contains("Tk2") || s.contains("8-z")), shown::toString);
    }

    /** Output held back is cut after a piece of a long secret, not inside it: each part alone is too short to hide. */
    @Test
    void aPieceOfALongSecretIsNotCutInTwoParts() {
        Bindings bindings = new Bindings()
                .bind(new Binding("<pw>", "Zq8uT3mLk9Wx2Rv7Hp4N", Binding.Origin.GENERATED, true));
        for (int after = 0; after < 300; after++) { // the place output is cut moves through the half
            List<String> shown = new ArrayList<>();
            LiveRedaction redaction = new LiveRedaction(bindings, shown::add);
            redaction.accept("first half: Zq8uT3mLk9 then" + " .".repeat(after));
            redaction.flush();
            assertFalse(String.join("", shown).contains("Zq8uT3mLk9"), shown::toString);
        }
    }

    /** A password hash cut by chunk boundaries is hidden whole: neither part alone looks like one. */
    @Test
    void aPasswordHashCutByChunkBoundariesNeverShowsInPart() {
        Bindings bindings = new Bindings()
                .bind(new Binding("<pw>", "Zq8uT3mLk9Wx2Rv7Hp4N", Binding.Origin.GENERATED, true));
        List<String> shown = new ArrayList<>();
        LiveRedaction redaction = new LiveRedaction(bindings, shown::add);
        for (String chunk : List.of("admin:$6$qPMChOfV", "OW0cQ8M5$yN3a9nswa.Wh9OLKwiGC.gKJ1f", "KDDlbbOOOeVdU\n")) {
            redaction.accept(chunk);
        }
        redaction.flush();
        assertEquals("admin:<password hash>\n", String.join("", shown));
    }
}
