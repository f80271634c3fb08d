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
            progress.stepFinished(new StepResult(STEP, Verdict.FAIL, 1, "", "", "", "exit status 1",
                    Duration.ofMillis(1234)), 12);
        }
        assertEquals("FAIL   3/12  guide.rst:42  1.2 s  exit status 1\n", text.toString().replace("\r\n", "\n"));
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
        assertTrue(shown.contains("3/12  Installation > Virtualenv  pip install -U pip ...  0."), shown);
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
}
