package dev.rehearse.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.report.RunReport;
import dev.rehearse.testing.Checkout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RunRecord wraps the live progress: a listener method it does not pass on is one the terminal never hears of (the
 * readiness wait's line was lost that way). It writes the records made as the run goes off the run's thread, the
 * latest of a burst once, and the record at the end last of all; junit.xml and report.html then, which the caller
 * waits for.
 */
class RunRecordTest {
    @TempDir
    Path dir;

    @Test
    void aBurstOfRecordsIsWrittenOnceOrTwiceAndTheEndHasTheLastWord() throws IOException, InterruptedException {
        AtomicInteger writes = new AtomicInteger();
        RunRecord record = new RunRecord(report -> {
            writes.incrementAndGet();
            return dir;
        }, RunListener.NONE, false);
        for (int i = 1; i <= 200; i++) {
            int elapsed = i;
            record.recorded(() -> report(elapsed));
        }
        Path results = dir.resolve("results.json");
        for (int waited = 0; !Files.exists(results) && waited < 10_000; waited += 10) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(results), "a record is written while the run goes on, without an end");
        record.ended(report(4242));

        assertTrue(writes.get() < 200, "each of 200 records written: " + writes.get());
        assertEquals(4242, elapsedIn(results), "the end's record, not a late one of the burst");
        Thread.sleep(2 * RunRecord.PAUSE.toMillis());
        assertEquals(4242, elapsedIn(results), "nothing written after the end");
        record.written(); // the end's other reports, before the folder goes
    }

    /**
     * A second Ctrl-C writes the latest record before the process halts; once the run has ended (its reports being
     * written, its container removed) that is the end's record, not the one made as the last step began.
     */
    @Test
    void theLastWordsAfterTheEndAreTheEndsRecord() throws IOException {
        RunRecord record = new RunRecord(report -> dir, RunListener.NONE, false);
        record.recorded(() -> report(7));
        record.ended(report(4242));

        record.writeLatest();

        assertEquals(4242, elapsedIn(dir.resolve("results.json")));
        record.written(); // the end's junit.xml and report.html, still being written, before the folder goes
    }

    @Test
    void theEndWritesTheReportsForReadersBesideTheRecord() throws IOException {
        RunRecord record = new RunRecord(report -> dir, RunListener.NONE, false);
        record.ended(report(4242));
        assertEquals(4242, elapsedIn(dir.resolve("results.json")), "the record is written before ended returns");
        record.written();

        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("time=\"4.242\""),
                Files.readString(dir.resolve("junit.xml")));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("demo"));
    }

    @Test
    void aReportThatCannotBeWrittenIsToldByWritten() throws IOException {
        Files.createDirectory(dir.resolve("junit.xml")); // a folder where the file goes
        RunRecord record = new RunRecord(report -> dir, RunListener.NONE, false);
        record.ended(report(7));

        assertThrows(IOException.class, record::written);
        // the other report was waited for: whole, and no temporary file of it left
        assertTrue(Files.readString(dir.resolve("report.html")).contains("</html>"));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".rehearse-tmp")).toList());
        }
    }

    @Test
    void theReportsOfARunThatHasNotEndedAreAnInternalError() {
        RunRecord record = new RunRecord(report -> dir, RunListener.NONE, false);
        assertTrue(assertThrows(IllegalStateException.class, record::written).getMessage()
                .startsWith("internal error"));
    }

    private static RunReport report(int elapsedMillis) {
        return new RunReport("demo", Checkout.seed(), "local", List.of(), Duration.ofMillis(elapsedMillis));
    }

    private static long elapsedIn(Path results) throws IOException {
        return new ObjectMapper().readTree(results.toFile()).at("/summary/elapsed_ms").asLong();
    }

    @Test
    void everyListenerMethodIsPassedOn() throws NoSuchMethodException {
        List<String> notPassedOn = new ArrayList<>();
        for (Method method : RunListener.class.getDeclaredMethods()) {
            if (method.isSynthetic() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method own = RunRecord.class.getMethod(method.getName(), method.getParameterTypes());
            if (own.getDeclaringClass() != RunRecord.class) {
                notPassedOn.add(method.getName());
            }
        }
        assertEquals(List.of(), notPassedOn);
    }
}
