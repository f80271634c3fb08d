package dev.rehearse.check;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.testing.Processes;
import dev.rehearse.testing.SharedFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's transcripts against what real programs print today. */
class OutputCheckIT {

    @Test
    void virtualenvOfTodayDriftsFromTheGuidesOf2019WithAReadableDiff(@TempDir Path dir) {
        String real = Processes.run(dir, Map.of(), "virtualenv", "-p", "/usr/bin/python3", "env");

        Comparison c = OutputCheck.compare(Expect.seed(63, 67, 2), real);

        assertFalse(c.matches(), "virtualenv 20 prints other lines than virtualenv 16 did");
        List<String> diff = c.diff().lines().toList();
        assertEquals("--- guide", diff.get(0));
        assertEquals("+++ actual", diff.get(1));
        assertTrue(diff.get(2).startsWith("@@ -1,5 +1,"), diff.get(2));
        assertTrue(diff.contains("-  Running virtualenv with interpreter /usr/bin/python3.6"), c.diff());
        assertTrue(diff.stream().anyMatch(l -> l.startsWith("+created virtual environment CPython3.")), c.diff());
        assertTrue(diff.stream().anyMatch(l -> l.startsWith("+  activators BashActivator")), c.diff());
        assertEquals(c.actual(), real.strip(), "the actual text is the output as a reader saw it");
    }

    @Test
    void pipOfTodayDriftsFromTheGuidesUpgradeOfPip(@TempDir Path dir) {
        Processes.run(dir, Map.of(), "virtualenv", "-p", "/usr/bin/python3", "env");
        String real = Processes.run(dir, Map.of("PIP_NO_INDEX", "1", "PIP_DISABLE_PIP_VERSION_CHECK", "1"),
                dir.resolve("env/bin/pip").toString(), "install", "--upgrade", "pip");

        Comparison c = OutputCheck.compare(Expect.seed(70, 77, 2), real);

        assertFalse(c.matches());
        assertTrue(c.diff().contains("\n-  Successfully installed pip-19.1.1"), c.diff());
        assertTrue(c.diff().contains("\n+Requirement already satisfied: pip in ./env/lib/python3."), c.diff());
    }

    @Test
    void supervisorStatusWithAnotherPidAndUptimePasses(@TempDir Path dir) throws Exception {
        String status = supervisorStatus(dir, true);
        assertTrue(status.matches("(?s)synapse +RUNNING +pid \\d+, uptime 0:00:0\\d\\s*"), status);

        Comparison c = OutputCheck.compare(Expect.seed(309, 309, 1), status);

        assertTrue(c.matches(), c.diff());
        assertEquals("", c.diff());
    }

    @Test
    void aStoppedProgramDriftsFromRunning(@TempDir Path dir) throws Exception {
        String status = supervisorStatus(dir, false);

        Comparison c = OutputCheck.compare(Expect.seed(309, 309, 1), status);

        assertFalse(c.matches());
        assertTrue(c.diff().contains("\n-synapse                            RUNNING   pid 26020, uptime 0:03:14"), c.diff());
        assertTrue(c.diff().contains("\n+synapse                          STOPPED"), c.diff());
    }

    /** A real supervisord with one program named like the guide's; its status, running or stopped. */
    private static String supervisorStatus(Path dir, boolean running) throws Exception {
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, String.join("\n",
                "[unix_http_server]", "file=" + dir.resolve("s.sock"),
                "[supervisord]", "logfile=" + dir.resolve("supervisord.log"), "pidfile=" + dir.resolve("s.pid"),
                "[rpcinterface:supervisor]",
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
                "[supervisorctl]", "serverurl=unix://" + dir.resolve("s.sock"),
                "[program:synapse]", "command=sleep 300", "startsecs=1", ""));
        String c = conf.toString();
        Processes.run(dir, Map.of(), "supervisord", "-c", c);
        try {
            String status = "";
            for (int tries = 0; tries < 50 && !status.contains("RUNNING"); tries++) {
                Thread.sleep(200);
                status = statusOf(dir, c);
            }
            if (!running) {
                Processes.run(dir, Map.of(), "supervisorctl", "-c", c, "stop", "synapse");
                status = statusOf(dir, c);
            }
            return status;
        } finally {
            Processes.run(dir, Map.of(), "supervisorctl", "-c", c, "shutdown");
        }
    }

    private static String statusOf(Path dir, String conf) {
        ProcessBuilder builder = new ProcessBuilder("supervisorctl", "-c", conf, "status").directory(dir.toFile())
                .redirectErrorStream(true);
        try {
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out; // supervisorctl status exits 3 while a program is not running: not an error here
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Captured from psql 15 on a PTY: the password prompt, the banner, the REPL with its echo, end of input. */
    private static final String PSQL_15 = "Password for user synapse: \r\npsql (15.20 (Debian 15.20-0+deb12u1))\r\n"
            + "Type \"help\" for help.\r\n\r\n\u001b[?2004hsynapse=> UPDATE users SET password_hash='"
            + "$2b$12$yK16TMDMnvj97GFBoxF9QeP2N.U8oadindcjB0Uo9TkSI3CsgwV02' WHERE name='@isabell:my.domain.name';\r\n"
            + "\u001b[?2004l\rUPDATE 1\r\n\u001b[?2004hsynapse=> \u001b[?2004l\r\r\n\\q\r\n";

    @Test
    void psqlSessionOfTodayPassesTheGuidesTranscript() {
        Comparison c = OutputCheck.compare(Expect.seed(375, 381, 2), PSQL_15);

        assertTrue(c.matches(), c.diff());
        assertTrue(c.actual().contains("\nUPDATE 1\nsynapse=> \\q"), c.actual());
    }

    @Test
    void anUpdateOfNoRowDrifts() {
        Comparison c = OutputCheck.compare(Expect.seed(375, 381, 2), PSQL_15.replace("UPDATE 1", "UPDATE 0"));

        assertFalse(c.matches());
        assertTrue(c.diff().contains("\n-UPDATE 1\n+UPDATE 0"), c.diff());
    }

    @Test
    @Tag("conformance")
    void registeringAUserWithSynapse100Passes() {
        // what Synapse 1.0.0 printed (../shared/synapse-real), mapped back to the guide's values as the runner does
        List<String> transcript = SharedFiles.read("synapse-real/1.0.0/cli-transcript.txt").lines().toList();
        int from = transcript.indexOf("$ register_new_matrix_user -c homeserver.yaml http://localhost:8008") + 1;
        String real = String.join("\r\n", transcript.subList(from, transcript.indexOf("Success!") + 1)) + "\r\n";
        Bindings bindings = new Bindings()
                .bind(new Binding("isabell", "root", Binding.Origin.TARGET, false))
                .bind(new Binding("USER", "erin100", Binding.Origin.SIDECAR, false));

        Comparison c = OutputCheck.compare(Expect.seed(343, 348, 2), bindings.reverse(real));

        assertTrue(c.matches(), c.diff());
    }

    @Test
    void aHashOfAnotherPasswordStillMatchesTheGuidesHash() {
        String real = "Password: \r\nConfirm password: \r\n$2b$12$jL9zBNuimTGLfJb4Rx2rKeSxUGabqe334jGNgbfFVcVUYr57/2rNu\r\n";

        assertTrue(OutputCheck.compare(Expect.seed(363, 365, 2), real).matches());
    }

    @Test
    void outputAfterAHiddenPromptThatPrintedNoNewlineGoesOnItsOwnLine() {
        // read -s -p 'Password: ' does not echo the newline; the next output follows on the same line
        List<ExpectedLine> guide = Expect.lines("Password:", "Confirm password:", "passwords match");

        Comparison c = OutputCheck.compare(guide, "Password: Confirm password: passwords match\r\n");

        assertTrue(c.matches(), c.diff());
        assertEquals("Password:\nConfirm password:\npasswords match", c.actual());
    }

    @Test
    void aTypedAnswerIsEchoedAfterItsPrompt() {
        List<ExpectedLine> guide = Expect.lines("Make admin [no]: no", "Success!");

        assertTrue(OutputCheck.compare(guide, "Make admin [no]: no\r\nSuccess!\r\n").matches());
        Comparison other = OutputCheck.compare(guide, "Make admin [no]: yes\r\nSuccess!\r\n");
        assertFalse(other.matches(), "another answer typed is a difference");
    }

    @Test
    void aRedrawnProgressBarMatchesWhateverItsSizesAndSpeeds() {
        List<ExpectedLine> guide = Expect.seed(171, 172, 2);
        String real = "  Downloading https://files.pythonhosted.org/packages/9a/53/"
                + "0c3d2bb1b2bc2dd47e4e1c9a24e34b2c2c8d1b3f0fcbb5ad8d48a1e8e8f1bd7e/certifi-2024.8.30-py2.py3-none-any.whl"
                + " (167kB)\r\n"
                + "\u001b[?25l     |                                | 10kB 1.1MB/s eta 0:00:01\r"
                + "     |████████████                    | 61kB 2.3MB/s eta 0:00:01\r"
                + "\u001b[K     |████████████████████████████████| 167kB 9.9MB/s \r\n\u001b[?25h";

        Comparison c = OutputCheck.compare(guide, real);

        assertTrue(c.matches(), c.diff());
        assertEquals("|████████████████████████████████| 167kB 9.9MB/s", c.actual().lines().toList().get(1).strip());
    }

    @Test
    void coloursAndTrailingBlanksAreNotDifferences() {
        List<ExpectedLine> guide = Expect.lines("synapse: available", "done");

        assertTrue(OutputCheck.compare(guide, "\u001b[1;32msynapse\u001b[0m: available   \r\ndone\t\r\n\r\n").matches());
    }

    @Test
    void anElisionStandsForAnyNumberOfLines() {
        for (String elision : List.of("[...]", "[…]", "...", "(...)")) {
            List<ExpectedLine> guide = Expect.lines("Collecting matrix-synapse", elision, "Successfully installed it");
            for (int n : new int[]{0, 1, 40}) {
                StringBuilder real = new StringBuilder("Collecting matrix-synapse\n");
                for (int i = 0; i < n; i++) {
                    real.append("  Using cached package-").append(i).append(".whl\n");
                }
                real.append("Successfully installed it\n");
                Comparison c = OutputCheck.compare(guide, real.toString());
                assertTrue(c.matches(), elision + " over " + n + " lines:\n" + c.diff());
            }
            assertFalse(OutputCheck.compare(guide, "Collecting matrix-synapse\nx\nFailed\n").matches());
        }
    }

    @Test
    void anElisionEndsWhereTheNextExpectedLineIsFoundLast() {
        // a wildcard, not a diff: the elision takes "B" and "Y" so that the guide's last line meets the last B
        List<ExpectedLine> guide = Expect.lines("A", "[...]", "B");

        assertTrue(OutputCheck.compare(guide, "A\nX\nB\nY\nB\n").matches());
    }

    @Test
    void theDiffShowsAnElisionAsContextAndOnlyRealDifferences() {
        List<ExpectedLine> guide = Expect.lines("Collecting matrix-synapse", "[...]", "Successfully installed it",
                "Cleaning up");
        String real = "Collecting matrix-synapse\none\ntwo\nthree\nSuccessfully installed it\nRemoving temp\n";

        Comparison c = OutputCheck.compare(guide, real);

        assertEquals(String.join("\n", "--- guide", "+++ actual", "@@ -1,4 +1,4 @@", " Collecting matrix-synapse",
                " [...]", " Successfully installed it", "-Cleaning up", "+Removing temp"), c.diff());
    }

    @Test
    void blankLinesOnlyOneSideHasAreNoDifference() {
        List<ExpectedLine> guide = Expect.lines("psql (9.6.10)", "Type \"help\" for help.", "", "", "synapse=>");

        assertTrue(OutputCheck.compare(guide, "\npsql (15.5)\n\nType \"help\" for help.\nsynapse=> \\q\n").matches());
    }

    @Test
    void aCommandWhoseOutputTheGuideDoesNotShowMatchesAnyOutput() {
        Comparison c = OutputCheck.compare(List.of(), "Collecting matrix-synapse\nSuccessfully installed it\n");

        assertTrue(c.matches());
        assertEquals("", c.diff());
    }

    @Test
    void missingOutputIsADifference() {
        Comparison c = OutputCheck.compare(Expect.lines("synapse: available"), "");

        assertFalse(c.matches());
        // java-diff-utils 4.18 numbers an empty side 0,0 as GNU diff does (4.15 wrote +1,0)
        assertEquals("--- guide\n+++ actual\n@@ -1,1 +0,0 @@\n-synapse: available", c.diff());
    }

    @Test
    void theRevisedLinesKeepTheGuidesSpellingWhereTheyStillMatch() {
        List<ExpectedLine> guide = Expect.lines("Collecting matrix-synapse", "[...]",
                "synapse                            RUNNING   pid 26020, uptime 0:03:14", "", "Done.");
        String real = "Collecting matrix-synapse\nsome\nlines\n"
                + "synapse                          RUNNING   pid 311, uptime 0:00:02\nFinished.\n";

        Alignment a = OutputCheck.align(guide, real);

        assertFalse(a.matches());
        assertEquals(List.of("Collecting matrix-synapse", "[...]",
                "synapse                            RUNNING   pid 26020, uptime 0:03:14", "", "Finished."), a.revised());
    }

    @Test
    void everyLineOfBothSidesIsInTheAlignmentInOrder() {
        List<ExpectedLine> guide = Expect.lines("a", "[...]", "c", "d", "e");
        Alignment a = OutputCheck.align(guide, "a\nb\nb\nc\nx\ne\nf\n");

        List<Integer> expectedSeen = new ArrayList<>();
        List<Integer> actualSeen = new ArrayList<>();
        for (Alignment.Pair p : a.pairs()) {
            if (p.expected() >= 0 && (expectedSeen.isEmpty() || expectedSeen.get(expectedSeen.size() - 1) != p.expected())) {
                expectedSeen.add(p.expected());
            }
            if (p.actual() >= 0) {
                actualSeen.add(p.actual());
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4), expectedSeen);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), actualSeen);
        assertEquals(List.of("a", "[...]", "c", "x", "e", "f"), a.revised());
    }

    @Test
    void aHugeOutputIsAlignedInLinearSpaceAndStillHonoursElisions() {
        // 6000 x 6000 lines is past the cell budget of the exact alignment: Myers takes over
        List<String> guide = new ArrayList<>();
        StringBuilder real = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            guide.add(i == 2000 ? "[...]" : "line " + i);
            real.append(i == 0 ? "first" : i == 5999 ? "last" : i == 2000 ? "elided one\nelided two" : "line " + i)
                    .append('\n');
        }
        assertTrue((long) guide.size() * guide.size() > Aligner.MAX_CELLS);

        Comparison c = OutputCheck.compare(Expect.lines(guide.toArray(String[]::new)), real.toString());

        assertFalse(c.matches());
        List<String> changed = c.diff().lines().filter(l -> l.matches("^[-+][^-+].*")).toList();
        assertEquals(List.of("-line 0", "+first", "-line 5999", "+last"), changed);
    }
}
