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

    /** A step printing without end (yes) fills the file to its most, and no further: the disk is the reports' too. */
    @Test
    void anOutputPastTheMostAFileKeepsIsCutThereAndSaysSo() throws IOException {
        OutputFile file = new OutputFile(reports, 6, OutputFile.anyIn(reports), OutputFile.HELD * 2L);
        for (int i = 0; i < 1000; i++) {
            file.accept("y\n".repeat(1000));
        }
        assertEquals("its first " + OutputFile.HELD * 2L + " characters are in output/step-6.log", file.finish(true));
        String kept = Files.readString(reports.resolve("output/step-6.log"));
        assertTrue(kept.endsWith("\n[... the output went on; what came after its first " + OutputFile.HELD * 2L
                + " characters is not kept ...]\n"), kept.substring(kept.length() - 100));
        assertTrue(kept.length() < OutputFile.HELD * 2 + 200, "cut at the most: " + kept.length());
    }

    @Test
    void aLinkOrHardLinkPlantedWhereTheFileGoesIsReplacedWhatItLedToKept() throws IOException {
        Path elsewhere = Files.writeString(reports.resolve("precious"), "keep me");
        Path other = Files.writeString(reports.resolve("other"), "keep me too");
        Files.createDirectories(reports.resolve("output"));
        Files.createSymbolicLink(reports.resolve("output/step-2.log"), elsewhere);
        Files.createLink(reports.resolve("output/step-3.log"), other);
        for (int step : new int[]{2, 3}) {
            OutputFile file = new OutputFile(reports, step, OutputFile.anyIn(reports));
            file.accept("overwrite?\n");
            assertEquals("the whole of it is in output/step-" + step + ".log", file.finish(true));
            assertEquals("overwrite?\n", Files.readString(reports.resolve("output/step-" + step + ".log")));
        }
        assertEquals("keep me", Files.readString(elsewhere));
        assertEquals("keep me too", Files.readString(other));
    }

    /** A step that shares the report folder's writers puts a link to another folder in the output folder's place. */
    @Test
    void anOutputFolderThatIsALinkIsNeverWrittenThroughNorCleanedThrough(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("step-4.log"), "keep me");
        Files.createSymbolicLink(reports.resolve("output"), elsewhere);
        OutputFile cut = new OutputFile(reports, 5, true);
        cut.accept("x".repeat(OutputFile.HELD + 1));
        String where = cut.finish(true);
        assertTrue(where.startsWith("it could not be written to output/step-5.log"), where);
        assertFalse(Files.exists(elsewhere.resolve("step-5.log")));
        OutputFile whole = new OutputFile(reports, 4, true);
        whole.accept("short\n");
        assertNull(whole.finish(false));
        assertEquals("keep me", Files.readString(elsewhere.resolve("step-4.log")), "a stale file's clean-up");
    }

    @Test
    void anOutputFolderAnotherUserMadeIsNotUsed() throws IOException {
        Path folder = Files.createDirectory(reports.resolve("output"));
        Files.setOwner(folder, folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        OutputFile cut = new OutputFile(reports, 6, true);
        cut.accept("x".repeat(OutputFile.HELD + 1));
        String where = cut.finish(true);
        assertTrue(where.contains("output/ is not the report folder owner's (another user made it): not used"), where);
        assertFalse(Files.exists(folder.resolve("step-6.log")));
    }
}
