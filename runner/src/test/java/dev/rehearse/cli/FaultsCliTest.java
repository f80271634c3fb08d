package dev.rehearse.cli;

import dev.rehearse.guide.GuideReader;
import dev.rehearse.read.Guides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults told for what they are, through the command line: bad input is exit 2 with file:line, a defect of ours
 * is exit 3 with one line naming the stage and a log file that holds the trace, a step that hits one is ERROR.
 */
class FaultsCliTest {
    private static final Pattern INTERNAL = Pattern.compile(
            "internal error in (\\w+): (.+); details in (/\\S+rehearse-internal-error-\\S+\\.log)");

    private static Path guide(Path dir) throws IOException {
        return Files.writeString(dir.resolve("guide.md"), "# Guide\n\n```console\n$ echo hi\nhi\n```\n");
    }

    /** The one line and the log file it names, which holds the trace. */
    private static String assertInternalError(CliRun run, String stage, String what) throws IOException {
        assertEquals(3, run.exit(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        Matcher m = INTERNAL.matcher(run.err().strip());
        assertTrue(m.matches(), run.err());
        assertEquals(stage, m.group(1));
        assertEquals(what, m.group(2));
        String trace = Files.readString(Path.of(m.group(3)));
        assertTrue(trace.contains("\tat dev.rehearse."), trace);
        Files.delete(Path.of(m.group(3)));
        return trace;
    }

    @Test
    void aDefectInAReaderIsExitThreeNotBadInput(@TempDir Path dir) throws IOException {
        GuideReader broken = (file, root) -> {
            throw new IllegalArgumentException("index 7 out of the line list",
                    new ArithmeticException("/ by zero"));
        };
        CliRun run = CliRun.of(broken, "plan", guide(dir).toString());
        String trace = assertInternalError(run, "cli", "IllegalArgumentException: index 7 out of the line list: / by zero");
        assertTrue(trace.contains("Caused by: java.lang.ArithmeticException"), trace);
    }

    @Test
    void aDefectWithoutAMessageIsNamedByItsClass(@TempDir Path dir) throws IOException {
        GuideReader broken = (file, root) -> {
            throw new NullPointerException();
        };
        assertInternalError(CliRun.of(broken, "plan", guide(dir).toString()), "cli", "NullPointerException");
    }

    @Test
    void anErrorOfTheJvmIsAnInternalErrorInOneLineToo(@TempDir Path dir) throws IOException {
        GuideReader exhausted = (file, root) -> {
            throw new StackOverflowError();
        };
        assertInternalError(CliRun.of(exhausted, "plan", guide(dir).toString()), "cli", "StackOverflowError");
        GuideReader unloadable = (file, root) -> {
            throw new NoClassDefFoundError("Could not initialize class sun.security.jca.Providers");
        };
        assertInternalError(CliRun.of(unloadable, "lint", guide(dir).toString()), "cli",
                "NoClassDefFoundError: Could not initialize class sun.security.jca.Providers");
    }

    @Test
    void badInputStaysExitTwoWithFileAndLine(@TempDir Path dir) throws IOException {
        guide(dir);
        Files.write(dir.resolve("runbook.yaml"), new byte[]{'t', 'i', 'm', 'e', 'o', 'u', 't', ':', '\n', (byte) 0xff});
        CliRun run = CliRun.of(Guides.BY_FORMAT, "plan", dir.toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().strip().endsWith("runbook.yaml:2: invalid UTF-8 (byte 0xff)"), run.err());
    }

    @Test
    void aStepThatHitsADefectIsErrorInEveryReportAndTheRunExitsThree(@TempDir Path reports)
            throws IOException, URISyntaxException {
        Path toy = Path.of(FaultsCliTest.class.getResource("/toy/toy.md").toURI());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[]{"run", toy.toString(), "--target", "toy-broken", "--keep-going",
                "--report-dir", reports.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(3, exit, out + "\n" + err);
        assertTrue(out.toString().contains("2 PASS, 0 DRIFT, 1 FAIL, 0 SKIP, 1 ERROR"), out.toString());
        String json = Files.readString(reports.resolve("results.json"));
        assertTrue(json.contains("\"verdict\" : \"ERROR\""), json);
        assertTrue(json.contains("\"error\" : 1"), json);
        Matcher reason = INTERNAL.matcher(json);
        assertTrue(reason.find(), json);
        assertEquals("targets", reason.group(1), "the innermost frame of ours is the toy target's");
        assertEquals("NullPointerException", reason.group(2).split(":")[0]);
        Files.deleteIfExists(Path.of(reason.group(3)));
        String junit = Files.readString(reports.resolve("junit.xml"));
        assertTrue(junit.contains("errors=\"1\"") && junit.contains("<error message=") && junit.contains("type=\"ERROR\""),
                junit);
        String html = Files.readString(reports.resolve("report.html"));
        assertTrue(html.contains("class=\"stephead error\"") || html.contains("stephead error"), html);
        assertFalse(out.toString().lines().anyMatch(line -> line.endsWith(" null")), "a reason is never the text null");
    }
}
