package dev.rehearse.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written JSON strings of {@code blocks --json}: escaped exactly as Jackson escapes them. */
class BlockJsonLinesTest {

    /** Every control character, quote, backslash, Latin-1, other BMP characters and a surrogate pair. */
    private static String awkwardText() {
        StringBuilder s = new StringBuilder("plain start \"quoted\" back\\slash /slash ");
        for (char c = 0; c < 0x100; c++) {
            s.append(c);
        }
        return s.append("\u2028\u2029\u00e9\u2026\uFEFF\uD83D\uDE00 end").toString();
    }

    @Test
    void stringsAreWrittenAsJacksonWritesThem() throws IOException {
        String text = awkwardText();
        StringWriter jackson = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(jackson)) {
            g.writeString(text);
        }
        StringBuilder ours = new StringBuilder();
        BlockJsonLines.string(ours, text);
        assertEquals(jackson.toString(), ours.toString());
    }

    @Test
    void stringsReadBackToTheSameText() throws IOException {
        String text = awkwardText();
        StringBuilder ours = new StringBuilder();
        BlockJsonLines.string(ours, text);
        assertEquals(text, new ObjectMapper().readValue(ours.toString(), String.class));
        StringBuilder none = new StringBuilder();
        BlockJsonLines.string(none, null);
        assertEquals("null", none.toString());
    }
}
