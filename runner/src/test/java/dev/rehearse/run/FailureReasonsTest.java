package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.model.CommandResult;
import dev.rehearse.model.CommandResult.Status;
import dev.rehearse.model.Interaction;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.targets.OutputLimit;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.Target;
import dev.rehearse.model.TargetFacts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a FAIL's reason says for each way a command can end, on the guide's values. */
class FailureReasonsTest {
    private static final StepPolicy TWO_SECONDS = new StepPolicy(Duration.ofSeconds(2), false, null, 0);

    private final Bindings bindings = new Bindings()
            .bind(new Binding("isabell", "rehearse-run0", Binding.Origin.TARGET, false));
    private final Interruption interruption = new Interruption();
    private final FailureReasons reasons = new FailureReasons(bindings, new NoGaps(), interruption);

    @Test
    void anExitAsAskedIsNoFailure() {
        assertNull(reasons.of(step("true"), completed(0, ""), StepPolicy.DEFAULT, null));
        assertNull(reasons.of(step("false"), completed(1, ""), StepPolicy.DEFAULT.expecting(1), null));
    }

    @Test
    void anotherExitSaysWhatTheCommandLastSaidOrThatItSaidNothing() {
        assertEquals("exit status 1: ls: cannot access 'x'",
                reasons.of(step("ls x"), completed(1, "a\nls: cannot access 'x'\n\n"), StepPolicy.DEFAULT, null));
        assertEquals("exit status 1 (it printed nothing)",
                reasons.of(step("false"), completed(1, ""), StepPolicy.DEFAULT, null));
        assertEquals("exit status 0 (expected 3): done",
                reasons.of(step("true"), completed(0, "done\n"), StepPolicy.DEFAULT.expecting(3), null));
    }

    @Test
    void aLongLastLineIsCut() {
        String why = reasons.of(step("yes"), completed(1, "y".repeat(500) + "\n"), StepPolicy.DEFAULT, null);
        assertEquals("exit status 1: " + "y".repeat(160) + " ...", why);
    }

    @Test
    void aProgramTheGuideStopsWithCtrlCMayEndWithoutTheSignalsStatus() {
        CommandStep server = new CommandStep(1, "g.md", 3, List.of(), "python3 -m http.server", null, List.of(),
                List.of(Interaction.interrupt("Serving HTTP")), List.of(), null);
        assertNull(reasons.of(server, completed(0, "Serving HTTP\n"), StepPolicy.DEFAULT.expecting(130), null));
        assertEquals("exit status 0 (expected 130): done",
                reasons.of(step("true"), completed(0, "done\n"), StepPolicy.DEFAULT.expecting(130), null));
    }

    @Test
    void aTimeoutNamesTheStepsLimitAndWhatWouldHaveEndedIt() {
        String replaced = reasons.of(step("PROMPT_COMMAND='date'"), timedOut("", null), TWO_SECONDS, null);
        assertTrue(replaced.startsWith("timed out after 2 s (the step's timeout: --timeout, or the sidecar's "
                + "timeout:); the command replaced PROMPT_COMMAND"), replaced);
        assertEquals("timed out after 2 s (the step's timeout: --timeout, or the sidecar's timeout:)",
                reasons.of(step("PROMPT_COMMAND=\"date; $PROMPT_COMMAND\""), timedOut("", null), TWO_SECONDS, null));

        CommandStep shown = new CommandStep(1, "g.md", 3, List.of(), "tail -f log", null,
                List.of(ExpectedLine.output(4, "started")), List.of(), List.of(), null);
        String ranOn = reasons.of(shown, timedOut("started\n", null), TWO_SECONDS, null);
        assertTrue(ranOn.contains("; it had shown the last line the guide shows and ran on"), ranOn);
        assertTrue(ranOn.endsWith("; last output: started"), ranOn);
    }

    @Test
    void aTimeoutAtAPromptQuotesIt() {
        String why = reasons.of(step("read -p 'Name: ' n"), timedOut("Name: ", "Name: "), TWO_SECONDS, null);
        assertTrue(why.endsWith(" waiting for input at \"Name:\""), why);
    }

    @Test
    void aPromptNobodyAnswersIsToldInTheGuidesValues() {
        CommandResult waiting = new CommandResult(Status.WAITING_FOR_INPUT, -1, "Home of rehearse-run0? ", null,
                "Home of rehearse-run0?", Duration.ZERO);
        String why = reasons.of(step("setup"), waiting, StepPolicy.DEFAULT, null);
        assertTrue(why.startsWith("waiting for input at: Home of isabell? (no answer of the plan's is for this "
                + "prompt, which the guide does not show"), why);

        CommandStep answering = new CommandStep(1, "g.md", 3, List.of(), "setup", null, List.of(),
                List.of(new Interaction("Your name:", "bob", false, false, null)), List.of(), null);
        String asked = reasons.of(answering, waiting, StepPolicy.DEFAULT, null);
        assertTrue(asked.contains("(the guide shows \"Your name:\" to be answered here, and the program asks "
                + "otherwise"), asked);
    }

    @Test
    void aLostShellSaysWhy() {
        CommandResult lost = new CommandResult(Status.DISCONNECTED, -1, "", null, null, Duration.ZERO);
        assertEquals("lost the shell during step 1: the connection closed",
                reasons.of(step("exit 3"), lost, StepPolicy.DEFAULT, () -> "the connection closed"));
    }

    @Test
    void aCutOutputSaysItWasJudgedOnItsEnds() {
        assertEquals("its output outgrew what a step keeps (max_output 2M, " + OutputLimit.MAX_LINES + " lines at "
                + "each end) and was judged on its first and last lines only",
                FailureReasons.cutNote(OutputLimit.of(2L << 20), true, null));
        assertEquals("its output outgrew what a step keeps (max_output 512K, " + OutputLimit.MAX_LINES + " lines at "
                + "each end) and was judged on its first and last lines only, so the guide's transcript could not be "
                + "compared with all of it; whole: output/step-1.log",
                FailureReasons.cutNote(OutputLimit.of(512L << 10), false, "whole: output/step-1.log"));
        assertTrue(FailureReasons.cutNote(OutputLimit.of(1000), true, null).contains("(max_output 1000, "));
    }

    @Test
    void secondsAreWholeWhereTheyCanBe() {
        assertEquals("3 s", FailureReasons.seconds(Duration.ofSeconds(3)));
        assertEquals("1500 ms", FailureReasons.seconds(Duration.ofMillis(1500)));
    }

    private static CommandStep step(String command) {
        return new CommandStep(1, "g.md", 3, List.of(), command, null, List.of(), List.of(), List.of(), null);
    }

    private static CommandResult completed(int exit, String output) {
        return new CommandResult(Status.COMPLETED, exit, output, "/", null, Duration.ZERO);
    }

    private static CommandResult timedOut(String output, String lastLine) {
        return new CommandResult(Status.TIMEOUT, -1, output, null, lastLine, Duration.ofSeconds(2));
    }

    /** A target that lacks nothing a failure could point at. */
    private static final class NoGaps implements Target {
        @Override
        public String describe() {
            return "nowhere";
        }

        @Override
        public TargetFacts facts() {
            return new TargetFacts("rehearse-run0", "devbox", "/home/rehearse-run0", "devbox.test");
        }

        @Override
        public Session openSession() {
            throw new AssertionError("a reason opened a session");
        }

        @Override
        public Optional<String> readFile(String path) {
            throw new AssertionError("a reason read a file");
        }

        @Override
        public void writeFile(String path, String content) {
            throw new AssertionError("a reason wrote a file");
        }

        @Override
        public void close() {
        }
    }
}
