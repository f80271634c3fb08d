package dev.rehearse.check;

import dev.rehearse.plan.ExpectedLine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparing a step's real output with the guide's lines, the usual case (to the letter) and the others. */
class OutputCheckTest {

    private static List<ExpectedLine> shown(String... lines) {
        List<ExpectedLine> expected = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            expected.add(ExpectedLine.output(i + 1, lines[i]));
        }
        return expected;
    }

    /** What the alignment says, the way compare said it before it took the short way for output to the letter. */
    private static Comparison aligned(List<ExpectedLine> expected, String actual) {
        Alignment alignment = OutputCheck.align(expected, actual);
        boolean matches = expected.isEmpty() || alignment.matches();
        return new Comparison(matches, String.join("\n", expected.stream().map(ExpectedLine::text).toList()),
                String.join("\n", alignment.actual()), matches ? "" : UnifiedDiff.render(alignment));
    }

    @Test
    void anOutputToTheLetterComparesAsItsAlignmentDoes() {
        for (String[] lines : List.of(new String[]{"1"}, new String[]{"a", "", "  b  c"}, new String[]{"...", "x"},
                new String[]{"Started at 12:00:01, pid 4242"}, new String[]{})) {
            List<ExpectedLine> expected = shown(lines);
            String actual = String.join("\r\n", lines) + (lines.length == 0 ? "" : "\r\n");
            Comparison quick = OutputCheck.compare(expected, actual);
            assertTrue(quick.matches(), String.join("|", lines));
            assertEquals(aligned(expected, actual), quick, String.join("|", lines));
        }
    }

    @Test
    void anOutputNotToTheLetterIsStillAligned() {
        List<ExpectedLine> expected = shown("Started at 12:00:01, pid 4242", "[...]", "done");
        String actual = "Started at 09:41:17, pid 77\nloading\nloaded\ndone\n";
        Comparison c = OutputCheck.compare(expected, actual);
        assertTrue(c.matches(), c.diff());
        assertEquals(aligned(expected, actual), c);

        Comparison drift = OutputCheck.compare(shown("1", "2"), "1\n3\n");
        assertFalse(drift.matches());
        assertEquals(aligned(shown("1", "2"), "1\n3\n"), drift);
        assertTrue(drift.diff().contains("-2") && drift.diff().contains("+3"), drift.diff());
    }

    /**
     * GitHub's docs put the author's remark where output goes ({@code $ ls -al ~/.ssh} over {@code # Lists the
     * files...}): lines that are all remarks make no claim where the command printed no {@code #} line, and are
     * output as any other where it did, or where other lines stand beside them.
     */
    @Test
    void remarksAloneAfterACommandAreNoClaimUnlessTheOutputHasSuchLines() {
        String listing = "total 8\ndrwx------ 2 u u 4096 Dec  6 19:00 .\n-rw------- 1 u u  411 Dec  6 19:00 id_ed25519\n";
        Comparison remark = OutputCheck.compare(shown("# Lists the files in your .ssh directory, if they exist"),
                listing);
        assertTrue(remark.matches(), remark.diff());
        assertEquals("", remark.diff());
        assertTrue(OutputCheck.compare(shown("#  Sets the variable", ""), "").matches(), "nothing printed");

        assertFalse(OutputCheck.compare(shown("# Lists the files"), "# Managed by Puppet\nx=1\n").matches(),
                "a file's own comments are output");
        assertFalse(OutputCheck.compare(shown("# the key's label", "bot@example.com"), "octocat@example.com\n")
                .matches(), "an output line beside the remark is still checked");
        for (String notARemark : List.of("#!/bin/sh", "#include <stdio.h>", "#", "# 42")) {
            assertFalse(OutputCheck.compare(shown(notARemark), "x\n").matches(), notARemark);
        }
    }

    /**
     * An elision beside a change shows the real lines it took: the whole real output went into the guide's (...),
     * and the diff showed the guide's lines removed and nothing of what the host printed. Between two matching
     * lines it stands for what it says.
     */
    @Test
    void anElisionBesideAChangeShowsTheRealLinesItTook() {
        Comparison drift = OutputCheck.compare(shown("Collecting app", "(...)", "Successfully installed app-1.0"),
                "Processing ./app-2.0.whl\nInstalling collected packages: app\nSuccessfully installed app-2.0 extra\n");
        assertFalse(drift.matches());
        assertTrue(drift.diff().contains("+Processing ./app-2.0.whl") && drift.diff().contains(" (...)"), drift.diff());
        Comparison between = OutputCheck.compare(shown("Collecting app", "(...)", "done", "result 1"),
                "Collecting app\nmany\nlines\ndone\nresult 2\n");
        assertFalse(between.diff().contains("+many"), between.diff());
        assertTrue(between.diff().contains("-result 1") && between.diff().contains("+result 2"), between.diff());
    }

    @Test
    void aLineCutShortAfterABlankMatchesARealLineBeginningAsItDoes() {
        assertTrue(OutputCheck.compare(shown("Successfully installed alpha-1.0 ...", "done"),
                "Successfully installed alpha-2.1 beta-2.0\r\ndone\r\n").matches(), "versions masked too");
        assertTrue(OutputCheck.compare(shown("id: 42, name: widget, …"), "id: 42, name: widget, owner: x\n")
                .matches());
        assertTrue(OutputCheck.compare(shown("Git revision: [...]"), "Git revision: 4f2a9c1e\n").matches());
        assertFalse(OutputCheck.compare(shown("Successfully installed alpha-1.0 ..."),
                "Successfully built alpha-1.0\n").matches(), "another beginning");
        assertFalse(OutputCheck.compare(shown("Reading package lists..."), "Reading package lists... Done\n")
                .matches(), "dots at a word's end are the program's own");
    }

    @Test
    void sudosPasswordPromptMayBeMissingAsSudoAsksOnlyWithoutFreshCredentials() {
        List<ExpectedLine> expected = List.of(new ExpectedLine(1, "[sudo] password for isabell:",
                ExpectedLine.Kind.PROMPT, "[sudo] password for isabell:", ""), ExpectedLine.output(2, "installed"));
        assertTrue(OutputCheck.compare(expected, "installed\n").matches(), "no password asked: no difference");
        assertTrue(OutputCheck.compare(expected, "[sudo] password for isabell: \ninstalled\n").matches());
        assertFalse(OutputCheck.compare(shown("Password:", "installed"), "installed\n").matches(),
                "another program's prompt is no less a line of the guide");
    }

    @Test
    void aRedrawnLineIsComparedAsTheScreenShowsIt() {
        Comparison c = OutputCheck.compare(shown("100%"), "  0%\r 50%\r100%\n");
        assertTrue(c.matches(), c.diff());
        assertEquals("100%", c.actual());
    }

    @Test
    void aJobsNoticeOnlyOneSideShowsIsNoDifference() {
        // bash prints it when it notices the job's end: after the command the guide shows it after, or another
        assertTrue(OutputCheck.compare(shown("[1]+  Terminated              sleep 300"), "").matches());
        Comparison later = OutputCheck.compare(shown("still here"), "[1]+  Terminated              sleep 300\nstill here\n");
        assertTrue(later.matches(), later.diff());
        for (String notice : List.of("[2]-  Done                    make", "[1]+  Exit 2                  make test",
                "[3]   Killed                  ./server", "[1]+  Stopped                 vim")) {
            assertTrue(OutputCheck.compare(shown("waited"), notice + "\nwaited\n").matches(), notice);
        }
    }

    @Test
    void aJobsNoticeDoesNotHideADifferenceAndAnUpdateNeitherAddsNorDropsOne() {
        Comparison drift = OutputCheck.compare(shown("[1]+  Done  make", "built"), "[1]+  Done  make\nfailed\n");
        assertFalse(drift.matches());
        // "Running" is what jobs prints when asked, no notice: it is output like any other
        assertFalse(OutputCheck.compare(shown("x"), "[1]+  Running  sleep 9 &\nx\n").matches());
        assertFalse(OutputCheck.compare(shown("Terminated"), "").matches(), "no notice without the job's number");
        Alignment alignment = OutputCheck.align(shown("[1]+  Terminated  sleep 300", "one"),
                "[2]+  Done  sleep 1\ntwo\n");
        assertEquals(List.of("[1]+  Terminated  sleep 300", "two"), alignment.revised());
    }

    /**
     * Output without a final newline ({@code print(a, end=',')}) has Python's next prompt, and what was typed at it,
     * on its line; the guide shows them on lines of their own. Before, that was a DRIFT.
     */
    @Test
    void aReplInputGluedToOutputWithoutANewlineIsTheLineTheGuideShowsTyped() {
        List<ExpectedLine> expected = List.of(
                new ExpectedLine(1, ">>> print(n, end=',')", ExpectedLine.Kind.REPL_INPUT, ">>>", "print(n, end=',')"),
                ExpectedLine.output(2, "0,1,1,2,3,5,8,"),
                new ExpectedLine(3, ">>> i = 256*256", ExpectedLine.Kind.REPL_INPUT, ">>>", "i = 256*256"),
                new ExpectedLine(4, ">>> quit()", ExpectedLine.Kind.REPL_INPUT, ">>>", "quit()"));
        assertTrue(OutputCheck.compare(expected, ">>> print(n, end=',')\n0,1,1,2,3,5,8,>>> i = 256*256\n>>> quit()").matches());
        Comparison other = OutputCheck.compare(expected, ">>> print(n, end=',')\n0,1,1,2,3,5,9,>>> i = 256*256\n>>> quit()");
        assertFalse(other.matches());
        assertTrue(other.diff().contains("+0,1,1,2,3,5,9,\n"), "the diff shows the glued output as it differs: "
                + other.diff());
    }

    /** A guide that shows the prompt glued, as the terminal does, matches that line. */
    @Test
    void aReplInputTheGuideShowsGluedToOutputMatchesTheSameLine() {
        List<ExpectedLine> expected = List.of(
                new ExpectedLine(1, "0 1 2 >>> print(\"spam\")", ExpectedLine.Kind.REPL_INPUT, ">>>", "print(\"spam\")"),
                ExpectedLine.output(2, "spam"),
                new ExpectedLine(3, ">>> quit()", ExpectedLine.Kind.REPL_INPUT, ">>>", "quit()"));
        assertTrue(OutputCheck.compare(expected, "0 1 2 >>> print(\"spam\")\nspam\n>>> quit()").matches());
    }

    private static ExpectedLine typed(int line, String prompt, String input) {
        return new ExpectedLine(line, input.isEmpty() ? prompt : prompt + " " + input, ExpectedLine.Kind.REPL_INPUT,
                prompt, input);
    }

    /**
     * Guides show a REPL session from its first line typed, and leave it by returning to the shell: the greeting
     * and the prompt where the runner ended the input are no claim (they drifted before), and are not written into
     * the guide. A greeting the guide shows is checked, and output before the REPL's first prompt goes only where
     * the guide shows nothing before its first line typed.
     */
    @Test
    void aReplsGreetingAndItsLastPromptAreNoClaimWhereTheGuideShowsNeither() {
        List<ExpectedLine> expected = List.of(typed(1, ">>>", "1 + 1"), ExpectedLine.output(2, "2"));
        String real = "Python 3.11.2 (main) on linux\nType \"help\" for more information.\n>>> 1 + 1\n2\n>>>\n";
        Comparison c = OutputCheck.compare(expected, real);
        assertTrue(c.matches(), c.diff());
        assertEquals(List.of(">>> 1 + 1", "2"), OutputCheck.align(expected, real).revised());
        assertFalse(OutputCheck.compare(List.of(typed(1, ">>>", "1 + 1"), ExpectedLine.output(2, "3")), real)
                .matches(), "what is typed still has its output checked");
        // psql echoes \q on the line after its prompt when its input ends
        assertTrue(OutputCheck.compare(List.of(typed(1, "synapse=#", "SELECT 1;"), ExpectedLine.output(2, "1")),
                "psql (15.3)\nsynapse=# SELECT 1;\n1\nsynapse=#\n\\q\n").matches());
        // the greeting after the password mysql asks for
        List<ExpectedLine> asked = List.of(new ExpectedLine(1, "Enter password:", ExpectedLine.Kind.PROMPT,
                "Enter password:", ""), typed(2, "mysql>", "SELECT 1;"), ExpectedLine.output(3, "1"));
        assertTrue(OutputCheck.compare(asked, "Enter password:\nWelcome to the MySQL monitor.\nmysql> SELECT 1;\n1\n"
                + "mysql> Bye\n").matches());
        List<ExpectedLine> greeted = List.of(ExpectedLine.output(1, "Python 3.9.1"), typed(2, ">>>", "1 + 1"),
                ExpectedLine.output(3, "2"));
        assertFalse(OutputCheck.compare(greeted, real).matches(), "a greeting the guide shows is checked");
        List<ExpectedLine> leftShown = List.of(typed(1, ">>>", "1 + 1"), ExpectedLine.output(2, "2"),
                typed(3, ">>>", ""));
        assertTrue(OutputCheck.compare(leftShown, real).matches(), "the last prompt shown matches it");
        assertFalse(OutputCheck.compare(expected, "Traceback (most recent call last):\nImportError: x\n").matches(),
                "a REPL that never showed its prompt hides nothing");
    }

    /** An author's remark among a REPL's lines ({@code # No questions yet.}) may be missing from the real output. */
    @Test
    void aRemarkAmongAReplsLinesIsNoClaimAndShowsAsContext() {
        List<ExpectedLine> expected = List.of(typed(1, ">>>", "import json"), ExpectedLine.remark(2, "# Nothing yet."),
                typed(3, ">>>", "json.loads(\"[1]\")"), ExpectedLine.output(4, "[2]"));
        String real = ">>> import json\n>>> json.loads(\"[1]\")\n[1]\n";
        Comparison c = OutputCheck.compare(expected, real);
        assertFalse(c.matches());
        assertTrue(c.diff().contains("\n # Nothing yet.\n"), "the remark is context, not a line removed: " + c.diff());
        assertTrue(c.diff().contains("\n-[2]\n+[1]"), c.diff());
        assertEquals(List.of(">>> import json", "# Nothing yet.", ">>> json.loads(\"[1]\")", "[1]"),
                OutputCheck.align(expected, real).revised());
        assertTrue(OutputCheck.compare(expected.subList(0, 3), ">>> import json\n>>> json.loads(\"[1]\")\n").matches());
    }
}
