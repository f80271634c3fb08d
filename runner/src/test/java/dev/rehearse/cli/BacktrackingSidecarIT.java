package dev.rehearse.cli;

import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RehearseJar.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sidecar's regular expression that backtracks without end ({@code ^((a+)+)+c} on forty a's and a b), wherever the
 * sidecar may write one: it gives up after two seconds, as a capture's did, and says so in one line; before, it held
 * plan, lint or the run for ever, deaf to the step's timeout and to a stop.
 */
class BacktrackingSidecarIT {
    private static final String ENDLESS = "'^((a+)+)+c'";
    private static final String LINE = "a".repeat(40) + "b";

    @TempDir
    Path dir;

    private Path runbook(String guide, String sidecar) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("runbook"));
        Files.writeString(folder.resolve("guide.md"), guide);
        Files.writeString(folder.resolve("runbook.yaml"), sidecar);
        return folder;
    }

    private static String guide(String command, String output) {
        return "# Guide\n\n```console\n$ " + command + "\n" + output + "\n```\n";
    }

    /** An answer's prompt and a step rule's command are tried on the guide's lines while it is planned. */
    @Test
    void onTheGuidesTextPlanRefusesInOneLine() throws IOException {
        Path answers = runbook(guide("echo " + LINE, LINE), "answers:\n  - prompt: " + ENDLESS + "\n    answer: y\n");
        assertOneLine(RehearseJar.run("plan", answers.toString()), "runbook.yaml:2: the answer's prompt took longer "
                + "than 2 s on a line of the guide (it backtracks without end): make it simpler");
        Path steps = runbook(guide(LINE, ""), "steps:\n  - command: " + ENDLESS + "\n    timeout: 5s\n");
        assertOneLine(RehearseJar.run("plan", steps.toString()), "runbook.yaml:2: the step's command expression took "
                + "longer than 2 s on the guide's text (it backtracks without end): make it simpler");
    }

    /** A check's expect and an effect line are tried on what the target printed: the step FAILs, saying why. */
    @Test
    void onTheOutputTheStepFailsSayingWhy() throws IOException {
        Path check = runbook(guide("echo hello", "hello"), "checks:\n  - name: endless\n    command: echo " + LINE
                + "\n    expect: " + ENDLESS + "\n");
        Outcome checked = RehearseJar.run("run", check.toString(), "--target", "local", "--report-dir",
                dir.resolve("check-reports").toString());
        assertEquals(1, checked.exit(), checked.both());
        assertTrue(checked.out().contains("its expect took longer than 2 s on the output (it backtracks without end)"),
                checked.out());
        Path effect = runbook(guide("echo " + LINE, LINE), "effects:\n  - '^(?<effect>((a+)+)+c)'\n");
        Outcome affected = RehearseJar.run("run", effect.toString(), "--target", "local", "--report-dir",
                dir.resolve("effect-reports").toString());
        assertEquals(1, affected.exit(), affected.both());
        assertTrue(affected.out().contains("took longer than 2 s on the output (it backtracks without end): make it "
                + "simpler"), affected.out());
    }

    /**
     * An answer given wherever its prompt comes is tried on the terminal's last line as the command runs: it gives
     * up there, once, and the question nobody answers is found waiting for input, as without the rule.
     */
    @Test
    void onTheTerminalTheSessionStaysAwake() throws IOException {
        Path asked = runbook(guide("read -p '" + LINE + " ' x; echo done", "done"),
                "answers:\n  - prompt: " + ENDLESS + "\n    answer: y\n");
        Outcome run = RehearseJar.run("run", asked.toString(), "--target", "local", "--report-dir",
                dir.resolve("asked-reports").toString());
        assertEquals(1, run.exit(), run.both());
        assertTrue(run.out().contains("FAIL  1/1  guide.md:4") && run.out().contains("waiting for input"), run.out());
    }

    private static void assertOneLine(Outcome o, String line) {
        assertEquals(2, o.exit(), o.both());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().endsWith(line + "\n"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }
}
