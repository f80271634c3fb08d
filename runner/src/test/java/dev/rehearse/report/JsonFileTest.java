package dev.rehearse.report;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A report read back that is not JSON: one line at its line, in words of its own (no parser settings). */
class JsonFileTest {
    @Test
    void aFileCutShortIsOneLineAtTheLineItEnds(@TempDir Path dir) throws IOException {
        Path cut = Files.writeString(dir.resolve("matrix.json"), "{\n  \"variable\": \"v\",\n");
        assertEquals(cut + ":3: not valid JSON: Unexpected end-of-input within/between Object entries",
                assertThrows(BadInput.class, () -> JsonFile.read(cut)).getMessage());
        Path opened = Files.writeString(dir.resolve("opened.json"), "{\n");
        assertEquals(opened + ":2: not valid JSON: Unexpected end-of-input: expected close marker for Object",
                assertThrows(BadInput.class, () -> JsonFile.read(opened)).getMessage());
    }
}
