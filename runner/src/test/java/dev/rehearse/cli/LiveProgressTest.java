package dev.rehearse.cli;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.StepPolicy;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveProgressTest {
    private static final CommandStep STEP = new CommandStep(3, "guide.rst", 42, List.of("Installation", "Virtualenv"),
            "pip install -U pip\n--quiet", null, List.of(), List.of(), List.of(), StepPolicy.DEFAULT);

    @Test
    void plainLinesWhenNotATerminal() {
        StringWriter text = new StringWriter();
        try (LiveProgress progress = new LiveProgress(new PrintWriter(text), false, false, 80)) {
            progress.stepStarted(STEP, 12, STEP.command());
            progress.output(STEP, "Collecting pip\r\n");
            progress.waiting(STEP, "an HTTP answer from http://localhost:8008/", Duration.ofMinutes(3));
            progress.stepFinished(new StepResult(STEP, Verdict.FAIL, 1, "", "", "", "exit status 1",
                    Duration.ofMillis(1234)), 12);
        }
        // no status line where nothing redraws it: a CI log got its escape codes glued to the next line
        assertEquals("RUN    3/12  guide.rst:42  pip install -U pip ...\n"
                + "wait   3/12  waiting up to 180.0 s for an HTTP answer from http://localhost:8008/\n"
                + "FAIL   3/12  guide.rst:42  1.2 s  exit status 1\n", text.toString().replace("\r\n", "\n"));
    }

    @Test
    void aStatusLineWithSpinnerElapsedTimeAndTheLastOutputLineOnATerminal() throws InterruptedException {
        StringWriter text = new StringWriter();
        try (LiveProgress progress = new LiveProgress(new PrintWriter(text), true, true, 120)) {
            progress.stepStarted(STEP, 12, STEP.command());
            progress.output(STEP, "Collecting pip\r\n  Downloading pip-23.0.whl (2.1 MB)\r\n 45%\r 80%");
            Thread.sleep(350);
            progress.stepFinished(new StepResult(STEP, Verdict.PASS, 0, "", "", "", null, Duration.ofMillis(400)), 12);
        }
        String shown = text.toString();
        assertTrue(shown.matches("(?s).*[/\\\\-] 3/12  0\\.\\d s  pip install -U pip \\.\\.\\.  \\(Virtualenv\\)  \\| 80%.*"), shown);
        assertTrue(shown.contains("| 80%"), shown);
        assertTrue(shown.contains("\u001b[32mPASS "), shown);
    }

    @Test
    void noColourWhenAskedForNone() {
        StringWriter text = new StringWriter();
        try (LiveProgress progress = new LiveProgress(new PrintWriter(text), true, false, 120)) {
            progress.stepStarted(STEP, 12, STEP.command());
            progress.stepFinished(new StepResult(STEP, Verdict.DRIFT, 0, "", "", "", null, Duration.ZERO), 12);
        }
        assertFalse(text.toString().contains("\u001b[3"), text.toString());
        assertTrue(text.toString().contains("DRIFT  3/12"), text.toString());
    }

    @Test
    void onANarrowTerminalEveryLineIsCutToItsWidthAndATabCountsAsOneColumn() throws InterruptedException {
        StringWriter text = new StringWriter();
        CommandStep wide = new CommandStep(3, "guide.rst", 42, List.of("Installation"),
                "printf 'a\tb' && echo " + "x".repeat(100), null, List.of(), List.of(), List.of(), StepPolicy.DEFAULT);
        try (LiveProgress progress = new LiveProgress(new PrintWriter(text), true, false, 40)) {
            progress.stepStarted(wide, 12, wide.command());
            progress.output(wide, "\u001b[1mbold\u001b[0m\tand a tab\n");
            Thread.sleep(250);
            progress.stepFinished(new StepResult(wide, Verdict.FAIL, 1, "", "", "", "exit status 1: " + "y".repeat(80),
                    Duration.ofMillis(5)), 12);
        }
        for (String line : text.toString().split("[\r\n]")) {
            String visible = line.replace("\u001b[K", "");
            assertTrue(visible.length() <= 39, "[" + visible + "] is wider than 39 columns");
            assertFalse(visible.contains("\t"), visible);
        }
        assertTrue(text.toString().contains("FAIL   3/12  guide.rst:42  0.0 s  exit~\n"), text.toString());
    }

    @Test
    void offATerminalARunningStepIsMentionedAtEachHeartbeat() throws InterruptedException {
        StringWriter text = new StringWriter();
        try (LiveProgress progress = new LiveProgress(new PrintWriter(text), false, false, 80,
                LiveProgress.Detail.NORMAL, Duration.ofMillis(100))) {
            progress.stepStarted(STEP, 12, STEP.command());
            Thread.sleep(350);
            progress.stepFinished(new StepResult(STEP, Verdict.PASS, 0, "", "", "", null, Duration.ofMillis(300)), 12);
            Thread.sleep(250);
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals("RUN    3/12  guide.rst:42  pip install -U pip ...", lines.get(0));
        assertTrue(lines.size() >= 4, text.toString());
        for (String beat : lines.subList(1, lines.size() - 1)) {
            assertEquals("...    3/12 still running, 0 s", beat);
        }
        assertEquals("PASS   3/12  guide.rst:42  0.3 s", lines.get(lines.size() - 1), "no heartbeat after the end");
    }

    @Test
    void verboseStreamsOutputIndentedLineByLineAndQuietPrintsNothing() {
        StringWriter verbose = new StringWriter();
        StringWriter quiet = new StringWriter();
        for (var run : List.of(new Object[]{verbose, LiveProgress.Detail.VERBOSE},
                new Object[]{quiet, LiveProgress.Detail.QUIET})) {
            try (LiveProgress progress = new LiveProgress(new PrintWriter((StringWriter) run[0]), true, false, 80,
                    (LiveProgress.Detail) run[1], Duration.ofSeconds(10))) {
                progress.stepStarted(STEP, 12, STEP.command());
                progress.output(STEP, "Collecting pip\r\n  Downloading\r\n 45%\r 80");
                progress.output(STEP, "%\r\nDone");
                progress.stepFinished(new StepResult(STEP, Verdict.PASS, 0, "", "", "", null, Duration.ZERO), 12);
            }
        }
        assertEquals("RUN    3/12  guide.rst:42  pip install -U pip ...\n"
                + "      | Collecting pip\n"
                + "      |   Downloading\n"
                + "      |  80%\n"
                + "      | Done\n"
                + "PASS   3/12  guide.rst:42  0.0 s\n", verbose.toString().replace("\r\n", "\n"));
        assertEquals("", quiet.toString());
    }

    @Test
    void verboseStopsStreamingAStepAfterItsLiveLinesAndSaysSoOnce() {
        StringWriter out = new StringWriter();
        try (LiveProgress progress = new LiveProgress(new PrintWriter(out), true, false, 80,
                LiveProgress.Detail.VERBOSE, Duration.ofSeconds(10))) {
            progress.stepStarted(STEP, 12, STEP.command());
            for (int i = 1; i <= 3 * LiveProgress.LIVE_LINES; i++) {
                progress.output(STEP, "line " + i + "\r\n");
            }
            progress.output(STEP, "x".repeat(100_000));
            progress.stepFinished(new StepResult(STEP, Verdict.PASS, 0, "", "", "", null, Duration.ZERO), 12);
        }
        String[] lines = out.toString().replace("\r\n", "\n").split("\n");
        assertEquals(LiveProgress.LIVE_LINES + 3, lines.length, "RUN, the lines, the note, PASS");
        assertEquals("      | line " + LiveProgress.LIVE_LINES, lines[LiveProgress.LIVE_LINES]);
        assertEquals("      | [... the rest of this step's output is not shown live ...]", lines[LiveProgress.LIVE_LINES + 1]);
        assertTrue(lines[LiveProgress.LIVE_LINES + 2].startsWith("PASS"), lines[LiveProgress.LIVE_LINES + 2]);
    }
}
