package dev.rehearse.cli;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.FixtureGuideRuns;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rehearse run} on the fixture guides on the local target: a sandbox (or the HOME a test chooses), real
 * processes, as the run user when root.
 */
class RunCommandIT extends FixtureGuideRuns {

    @Override
    protected List<String> targetOptions(Path home) {
        return home == null ? List.of() : List.of("--target", "local:" + home);
    }

    @Override
    protected Path homeOfRun(Path home) {
        return home;
    }

    @Test
    void fromALaterStepOnAFreshSandboxIsRefusedForThePortOnlyTheSkippedStepCaptures() throws IOException {
        Run first = run("port-later");
        assertEquals(List.of("PASS", "FAIL", "SKIP"), first.verdicts(), first.json());
        assertTrue(first.json().contains("\"literal\" : \"40132\""), first.json());

        // another sandbox: what step 1 captured there means nothing here
        Run resumed = run("port-later", "--from", "2");
        assertEquals(2, resumed.exit(), resumed.out() + resumed.err());
        assertEquals("guide_port-later.rst:29: step 3 needs 40132, which step 1 captures while it runs, and step 1 is "
                + "skipped (before --from 2): give the value it printed with --bind '40132=VALUE'", resumed.err().strip());

        Run given = run("port-later", "--from", "3", "--bind", "40132=41999");
        assertEquals(List.of("SKIP", "SKIP", "PASS"), given.verdicts(), given.json());
    }

    /**
     * sudo's question is never answered with a guess: the guide's secret (generated here) would be an attempt that
     * fails against the run user's account, which pam_faillock counts and locks it after. The step fails at once
     * saying how to give it; given one, it is typed (and here refused, the run user having none), never shown.
     * Before, the generated secret was typed: "Sorry, try again", one failed attempt a run.
     */
    @Test
    void sudosQuestionIsNeverAnsweredWithAGuessOnlyWithAPasswordTheRunIsGiven(@TempDir Path home, @TempDir Path again)
            throws IOException {
        Run run = runIn(home, "untuned/sudo-password.md", "--timeout", "30s");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(List.of("FAIL", "SKIP"), run.verdicts(), run.json());
        assertTrue(run.reasons().get(0).contains("sudo asks for the password of the run's user, which Rehearse types "
                + "only where the run is given it (--bind '<sudo password>=...')"), run.json());
        assertFalse(run.json().contains("Sorry, try again"), "nothing typed: " + run.json());

        Run given = runIn(again, "untuned/sudo-password.md", "--timeout", "30s", "--bind",
                "<sudo password>=not-the-run-users-password");
        assertEquals(List.of("FAIL", "SKIP"), given.verdicts(), given.json());
        assertTrue(given.json().contains("Sorry, try again"), "typed: " + given.json());
        assertTrue(given.reasons().get(0).contains("sudo asked again: it did not take the password the run was given"),
                given.json());
        assertFalse((given.out() + given.err() + given.json()).contains("not-the-run-users-password"));
    }

    /**
     * su's question for the password of the user it switches to, as sudo's: never a guess (the generated secret was
     * typed, "su: Authentication failure", one failed attempt against root a run), only a password the run is given.
     */
    @Test
    void susQuestionIsNeverAnsweredWithAGuessOnlyWithAPasswordTheRunIsGiven(@TempDir Path home, @TempDir Path again)
            throws IOException {
        Run run = runIn(home, "untuned/su-password.md", "--timeout", "30s");
        assertEquals(List.of("FAIL", "SKIP"), run.verdicts(), run.json());
        assertTrue(run.reasons().get(0).contains("su asks for the password of the user it switches to, which Rehearse "
                + "types only where the run is given it (--bind '<su password>=...')"), run.json());
        assertFalse(run.json().contains("Authentication failure"), "nothing typed: " + run.json());

        Run given = runIn(again, "untuned/su-password.md", "--timeout", "30s", "--bind", "<su password>=notRootsPassword");
        assertEquals(List.of("FAIL", "SKIP"), given.verdicts(), given.json());
        assertEquals("exit status 1: su: Authentication failure", given.reasons().get(0), "typed: " + given.json());
        assertFalse((given.out() + given.err() + given.json()).contains("notRootsPassword"));
    }

    @Test
    void aMissingRunbookIsOneLineAndExitTwo() throws IOException {
        Run run = run("no-such-guide.rst");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        Run url = execute(List.of("run", "https://lab.uberspace.de/guide_synapse.html", "--target", "local"));
        assertEquals(2, url.exit());
        assertEquals("https://lab.uberspace.de/guide_synapse.html: an address on the web: Rehearse reads guides from "
                + "files, and nothing over the network; save the guide's source (its .rst, .md or .adoc) and name that "
                + "file", url.err().strip());
    }

    /** Before, the run went on without what the include held: its file never written, its commands never run. */
    @Test
    void aGuideIncludingAFileThatIsNotThereIsOneLineAndExitTwoBeforeAnyStepRuns(@TempDir Path dir) throws IOException {
        String step = "$ echo hi\nhi\n";
        Map<String, String> guides = Map.of(
                "guide.rst", "Steps\n=====\n\n.. include:: steps.rst\n\n.. code-block:: console\n\n   $ echo hi\n",
                "guide.md", "# Steps\n\n```{literalinclude} conf/app.ini\n```\n\n```console\n" + step + "```\n",
                "guide.adoc", "= Steps\n\ninclude::steps.adoc[]\n\n[source,console]\n----\n" + step + "----\n");
        Map<String, String> said = Map.of("guide.rst", "guide.rst:4: included file does not exist: steps.rst",
                "guide.md", "guide.md:3: literalinclude \"conf/app.ini\" does not exist",
                "guide.adoc", "guide.adoc:3: include file not found: steps.adoc");
        for (String name : guides.keySet()) {
            Path guide = Files.writeString(dir.resolve(name), guides.get(name));
            RehearseJar.Outcome run = RehearseJar.run("run", guide.toString(), "--report-dir",
                    dir.resolve("reports").toString());
            assertEquals(2, run.exit(), run.both());
            assertEquals(said.get(name), run.err().strip().replace(dir + "/", ""), name);
            assertFalse(run.out().contains("PASS"), run.out());
        }
    }

    /** Found before a step runs: before, step 1 ran and the run then failed to keep its record, exit 1. */
    @Test
    void aReportFolderThatIsAFileIsOneLineAndExitTwoBeforeAnyStepRuns(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "mine\n");
        RehearseJar.Outcome run = RehearseJar.run("run", "fixtures/guides/hello.rst", "--report-dir", file.toString());
        assertEquals(2, run.exit(), run.both());
        assertEquals("--report-dir " + file + ": not a folder: the reports go in a folder", run.err().strip());
        assertFalse(run.out().contains("PASS"), run.out());
        assertEquals("mine\n", Files.readString(file));

        RehearseJar.Outcome none = RehearseJar.run("run", "fixtures/guides/hello.rst", "--report-dir", "");
        assertEquals(2, none.exit(), none.both());
        assertEquals("--report-dir: names no folder", none.err().strip(), "not the folder it runs in");

        for (String cannot : List.of(file + "/sub", "/proc/rehearse-reports")) {
            RehearseJar.Outcome made = RehearseJar.run("run", "fixtures/guides/hello.rst", "--report-dir", cannot);
            assertEquals(2, made.exit(), made.both());
            assertTrue(made.err().startsWith("--report-dir " + cannot + ": the folder cannot be made: "), made.err());
            assertEquals(1, made.err().strip().lines().count(), made.err());
            assertFalse(made.out().contains("PASS"), made.out());
        }
        // a folder that is there but takes no file: before, found when the record was first written, after a step
        for (String readOnly : List.of("/proc/self", "/sys/kernel")) {
            RehearseJar.Outcome kept = RehearseJar.run("run", "fixtures/guides/hello.rst", "--report-dir", readOnly);
            assertEquals(2, kept.exit(), kept.both());
            assertTrue(kept.err().startsWith("--report-dir " + readOnly + ": no file can be written in it: "), kept.err());
            assertEquals(1, kept.err().strip().lines().count(), kept.err());
            assertFalse(kept.out().contains("PASS"), kept.out());
        }
    }

    /** The default folder under XDG_STATE_HOME (or HOME) that cannot be made: before, exit 1 after the plan. */
    @Test
    void aDefaultReportFolderThatCannotBeMadeIsOneLineAndExitTwo() {
        RehearseJar.Outcome run = RehearseJar.in(Checkout.root(), Map.of("XDG_STATE_HOME", "/dev/null"), "run",
                "fixtures/guides/hello.rst", "--target", "local");
        assertEquals(2, run.exit(), run.both());
        assertTrue(run.err().startsWith("--report-dir: the reports cannot be kept in /dev/null/rehearse/hello: "),
                run.err());
        assertTrue(run.err().strip().endsWith("(name a folder with --report-dir)"), run.err());
    }

    /** Before, docker-java's template of the name threw: "internal error", exit 3. */
    @Test
    void aContainerImageThatIsNoImagesNameIsOneLineAndExitTwo() {
        RehearseJar.Outcome run = RehearseJar.run("run", "fixtures/guides/hello.rst", "--target", "container:$(id)");
        assertEquals(2, run.exit(), run.both());
        assertEquals("--target: container:$(id): not an image's name (a reference as docker takes it: letters, "
                + "digits and . _ - : / @)", run.err().strip());
    }

    @Test
    void timeoutLimitsEveryStepOfTheRunWhileASidecarRuleForOneStepStillWins(@TempDir Path dir) throws IOException {
        Run limited = run("interrupted", "--timeout", "2s");
        assertEquals(1, limited.exit(), limited.out() + limited.err());
        assertEquals(List.of("PASS", "FAIL", "SKIP"), limited.verdicts(), limited.json());
        assertEquals("timed out after 2 s (the step's timeout: --timeout, or the sidecar's timeout:)",
                limited.reasons().get(1));
        assertTrue(limited.out().contains("FAIL  2/3"), limited.out());

        Files.copy(GUIDES.resolve("interrupted/guide_interrupted.rst"), dir.resolve("guide_interrupted.rst"));
        Files.writeString(dir.resolve("runbook.yaml"), """
                guide: guide_interrupted.rst
                defaults: {timeout: 1m}
                steps:
                  - {n: 2, timeout: 3s}
                """);
        Run ruled = execute(List.of("run", dir.toString(), "--timeout", "1s"));
        assertEquals(List.of("PASS", "FAIL", "SKIP"), ruled.verdicts(), ruled.json());
        assertTrue(ruled.reasons().get(1).startsWith("timed out after 3 s "), ruled.json());
    }

    /**
     * A server that runs on in the foreground after the output the guide shows, with nothing that says to stop it:
     * its timeout says what would (a step rule's interrupt: true), and with that rule it is stopped with Ctrl-C once
     * its line has come, and the guide goes on.
     */
    @Test
    void aServerThatRunsOnIsStoppedByAStepRulesInterruptWhichItsTimeoutNames(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("guide.md"), """
                # Serve

                ```console
                $ python3 -c 'import time; print("Serving on port 8643", flush=True); time.sleep(600)'
                Serving on port 8643
                ```

                ```console
                $ echo done
                done
                ```
                """);
        Run timedOut = execute(List.of("run", dir.resolve("guide.md").toString(), "--target", "local", "--timeout",
                "2s"));
        assertEquals(List.of("FAIL", "SKIP"), timedOut.verdicts(), timedOut.json());
        assertTrue(timedOut.reasons().get(0).contains("it had shown the last line the guide shows and ran on")
                && timedOut.reasons().get(0).contains("a step rule's interrupt: true"), timedOut.reasons().get(0));

        Files.writeString(dir.resolve("runbook.yaml"), """
                guide: guide.md
                steps:
                  - {command: 'Serving', interrupt: true}
                """);
        Run stopped = execute(List.of("run", dir.toString(), "--target", "local", "--timeout", "30s"));
        assertEquals(0, stopped.exit(), stopped.out() + stopped.err());
        assertEquals(List.of("PASS", "PASS"), stopped.verdicts(), stopped.json());
    }

    /**
     * A server the guide stops with Ctrl-C that ignores it runs into its timeout, whose reason says that Ctrl-C was
     * sent once its line had come; one whose line never comes says which words the Ctrl-C waited for. Before, both
     * said only that the step timed out.
     */
    @Test
    void aServerThatIgnoresTheGuidesCtrlCTimesOutSayingSo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("guide.md"), """
                # Serve

                ```console
                $ bash -c 'trap "" INT; echo "Press CTRL+C to quit"; sleep 30'
                Press CTRL+C to quit
                ```

                ```console
                $ bash -c 'trap "" INT; echo "Starting"; sleep 30'
                Starting
                Listening on port 8643
                ^C
                ```
                """);
        Run run = execute(List.of("run", dir.resolve("guide.md").toString(), "--target", "local", "--timeout", "3s",
                "--keep-going"));
        assertEquals(List.of("FAIL", "FAIL"), run.verdicts(), run.json());
        assertTrue(run.reasons().get(0).contains("; it was sent Ctrl-C once \"to quit\" had come, as the guide "
                + "stops it, and ran on: the program does not stop on Ctrl-C (SIGINT)"), run.reasons().get(0));
        assertTrue(run.reasons().get(1).contains("; the Ctrl-C the plan stops it with waits for \"on port\" (the "
                + "last line the guide shows), which never came"), run.reasons().get(1));
    }

    @Test
    void aTimeoutThatIsNoDurationIsOneLineAndExitTwo() throws IOException {
        Run run = run("interrupted", "--timeout", "soon");
        assertEquals(2, run.exit());
        assertEquals("rehearse run: Invalid value for option '--timeout': 'soon' is not a duration like 90s, 5m or 1h "
                + "(rehearse run --help shows the usage)",
                run.err().strip());
    }

    @Test
    void aSelectionOutsideThePlanIsOneLineNamingItsRange() throws IOException {
        for (String[] selection : List.of(new String[]{"--only", "999"}, new String[]{"--only", "3..2"},
                new String[]{"--only", "2..9"}, new String[]{"--from", "4"})) {
            Run run = run("fail.rst", selection);
            assertEquals(2, run.exit(), run.out() + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().strip().endsWith("this plan has steps 1..3"), run.err());
            assertTrue(run.out().isEmpty(), "nothing started: " + run.out());
        }
    }
}
