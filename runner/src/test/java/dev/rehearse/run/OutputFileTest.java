package dev.rehearse.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFileTest {
    @TempDir
    Path reports;

    @Test
    void aCutOutputIsKeptWholeWithTerminalLineEndsFolded() throws IOException {
        OutputFile file = new OutputFile(reports, 3, OutputFile.anyIn(reports));
        file.accept("one\r");
        file.accept("\ntwo\r\nthree");
        assertEquals("the whole of it is in output/step-3.log", file.finish(true));
        assertEquals("one\ntwo\nthree", Files.readString(reports.resolve("output/step-3.log")));
    }

    @Test
    void anOutputKeptWholeLeavesNoFileNorAStaleOne() throws IOException {
        Files.createDirectories(reports.resolve("output"));
        Files.writeString(reports.resolve("output/step-1.log"), "an older run's");
        OutputFile file = new OutputFile(reports, 1, OutputFile.anyIn(reports));
        file.accept("short\n");
        assertNull(file.finish(false));
        assertFalse(Files.exists(reports.resolve("output")), "the folder left empty goes too");
    }

    @Test
    void aShortOutputMakesNoFileWhileItRuns() {
        OutputFile file = new OutputFile(reports, 4, OutputFile.anyIn(reports));
        file.accept("a few lines\n");
        assertFalse(Files.exists(reports.resolve("output")), "held in memory");
        assertNull(file.finish(false));
        assertFalse(Files.exists(reports.resolve("output")));
    }

    @Test
    void anOutputPastWhatIsHeldGoesToTheFileAsItComes() throws IOException {
        OutputFile file = new OutputFile(reports, 5, OutputFile.anyIn(reports));
        String line = "x".repeat(99) + "\r\n";
        for (int i = 0; i < 2 * OutputFile.HELD / line.length(); i++) {
            file.accept(line);
        }
        assertTrue(Files.size(reports.resolve("output/step-5.log")) > 0, "streamed before the step ends");
        assertEquals("the whole of it is in output/step-5.log", file.finish(true));
        String whole = Files.readString(reports.resolve("output/step-5.log"));
        assertEquals(2 * OutputFile.HELD / line.length() * 100, whole.length());
        assertTrue(whole.lines().allMatch(l -> l.equals("x".repeat(99))));
    }

    @Test
    void aLinkPlantedWhereTheFileGoesIsNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(reports.resolve("precious"), "keep me");
        Files.createDirectories(reports.resolve("output"));
        Files.createSymbolicLink(reports.resolve("output/step-2.log"), elsewhere);
        OutputFile file = new OutputFile(reports, 2, OutputFile.anyIn(reports));
        file.accept("overwrite?\n");
        String where = file.finish(true);
        assertTrue(where.startsWith("it could not be written to output/step-2.log"), where);
        assertEquals("keep me", Files.readString(elsewhere));
    }
}
