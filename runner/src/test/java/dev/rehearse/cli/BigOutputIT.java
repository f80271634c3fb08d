package dev.rehearse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.testing.BigOutputGuide;
import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RehearseJar.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step printing 50 MB, run by the jar with a heap of 128 MB: it ends with a clear verdict, reports of a few MB at
 * most, and the whole output in {@code output/step-1.log} of the report folder.
 */
class BigOutputIT {
    private static final long BYTES = 50_000_000;
    /** what a report may weigh: the 2 MB kept of each cut output, and some */
    private static final long SMALL = 6_000_000;

    @TempDir
    Path dir;

    @Test
    void aStepPrinting50MbEndsWithAVerdictSmallReportsAndItsWholeOutputInAFile() throws IOException {
        Path guide = BigOutputGuide.write(dir.resolve("guide"), BYTES);
        Path reports = dir.resolve("reports");
        Outcome run = RehearseJar.launcher(dir, Map.of("REHEARSE_JAVA_OPTS", "-Xmx128m"), "run", guide.toString(),
                "--target", "local", "--keep-going", "--report-dir", reports.toString());

        assertEquals(0, run.exit(), run.both());
        assertFalse(run.both().contains("OutOfMemoryError"), run.both());
        assertTrue(run.out().length() < 100_000, "the live output and the summary stay small: " + run.out().length());
        JsonNode steps = new ObjectMapper().readTree(reports.resolve("results.json").toFile()).get("steps");

        JsonNode big = steps.get(0);
        assertEquals("PASS", big.get("verdict").asText(), big.toString());
        assertTrue(big.get("reason").asText().contains("its output outgrew what a step keeps (max_output 2M, 10000 lines "
                + "at each end) and was judged on its first and last lines only"), big.toString());
        assertTrue(big.get("reason").asText().contains("the whole of it is in output/step-1.log"), big.toString());
        Path whole = reports.resolve("output/step-1.log");
        // 500,000 lines of 100 x; fold ends no line that its input did not end
        assertEquals(BYTES + BYTES / 100 - 1, Files.size(whole));

        JsonNode numbered = steps.get(1);
        assertEquals("DRIFT", numbered.get("verdict").asText(), numbered.toString());
        assertTrue(numbered.get("reason").asText().contains("could not be compared with all of it"), numbered.toString());
        assertTrue(Files.readString(reports.resolve("output/step-2.log")).endsWith("\n799999\n800000\n"));

        assertEquals("PASS", steps.get(2).get("verdict").asText(), steps.get(2).toString());
        assertFalse(Files.exists(reports.resolve("output/step-3.log")), "an output kept whole leaves no file");
        for (String report : new String[] {"results.json", "junit.xml", "report.html"}) {
            long size = Files.size(reports.resolve(report));
            assertTrue(size < SMALL, report + " is " + size + " bytes");
        }
    }
}
