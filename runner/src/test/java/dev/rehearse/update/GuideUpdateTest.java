package dev.rehearse.update;

import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.targets.OutputLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuideUpdateTest {

    private static final String GUIDE = String.join("\r\n",
            "Status",
            "======",
            "",
            "Check it:\t ",
            "",
            "::",
            "",
            "\t[isabell@stardust ~]$ supervisorctl status",
            "\tsynapse                          RUNNING   pid 26020, uptime 0:03:14",
            "\tworker                           STOPPED   Not started",
            "\t[isabell@stardust ~]$",
            "",
            "Done.  ") ;

    private static CommandStep statusStep() {
        return new CommandStep(1, "guide.rst", 8, List.of("Status"), "supervisorctl status", null,
                List.of(ExpectedLine.output(9, "synapse                          RUNNING   pid 26020, uptime 0:03:14"),
                        ExpectedLine.output(10, "worker                           STOPPED   Not started")),
                List.of(), List.of(), StepPolicy.DEFAULT);
    }

    @Test
    void onlyTheLinesThatDriftedChangeAndMatchingVolatileLinesKeepTheGuidesSpelling(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("guide.rst"), GUIDE);
        String actual = "synapse                          RUNNING   pid 7, uptime 0:00:02\n"
                + "worker                           RUNNING   pid 9, uptime 0:00:02\n";

        List<GuideUpdate.Revision> revised = GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(statusStep(), actual)));

        String expected = GUIDE.replace("\tworker                           STOPPED   Not started",
                "\tworker                           RUNNING   pid 9, uptime 0:00:02");
        assertEquals(List.of(new GuideUpdate.Revision(root.resolve("guide.rst"), GUIDE, expected)), revised);
    }

    @Test
    void aStepWhoseOutputStillMatchesChangesNothing(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("guide.rst"), GUIDE);
        String actual = "synapse                          RUNNING   pid 1, uptime 1:00:00\n"
                + "worker                           STOPPED   Not started\n";
        assertTrue(GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(statusStep(), actual))).isEmpty());
    }

    @Test
    void linesTheWorldNoLongerPrintsAreDroppedAndNewOnesInserted(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("guide.rst"), GUIDE);
        String actual = "synapse                          RUNNING   pid 1, uptime 1:00:00\n";
        CommandStep step = new CommandStep(1, "guide.rst", 8, List.of("Status"), "supervisorctl status", null,
                List.of(ExpectedLine.output(9, "synapse                          RUNNING   pid 26020, uptime 0:03:14"),
                        ExpectedLine.output(10, "worker                           STOPPED   Not started")),
                List.of(), List.of(), StepPolicy.DEFAULT);

        List<GuideUpdate.Revision> revised = GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(step, actual)));

        assertEquals(List.of(new GuideUpdate.Revision(root.resolve("guide.rst"), GUIDE,
                GUIDE.replace("\tworker                           STOPPED   Not started\r\n", ""))), revised);
    }

    /**
     * A line the guide shows next to an elision, which no real line matches, takes the real line nearest the
     * elision's: before, the elision took them all and the line was dropped, the guide showing "[...]" alone.
     */
    @Test
    void aDriftedLineBesideAnElisionTakesTheRealLineNextToIt(@TempDir Path root) throws IOException {
        String guide = String.join("\n", "::", "", "  [isabell@stardust ~]$ ./build", "  building alpha", "  [...]",
                "  built 3 files", "  [isabell@stardust ~]$", "");
        Files.writeString(root.resolve("guide.rst"), guide);
        CommandStep step = new CommandStep(1, "guide.rst", 3, List.of(), "./build", null,
                List.of(ExpectedLine.output(4, "building alpha"), ExpectedLine.elision(5, "[...]"),
                        ExpectedLine.output(6, "built 3 files")),
                List.of(), List.of(), StepPolicy.DEFAULT);
        String actual = "building beta\ncompiling a\ncompiling b\nbuilt 4 files\n";

        List<GuideUpdate.Revision> revised = GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(step, actual)));

        assertEquals(guide.replace("building alpha", "building beta").replace("built 3 files", "built 4 files"),
                revised.get(0).after());
        // an elision that stood for one line alone gives it up and stands for none
        String one = "building beta\nbuilt 4 files\n";
        assertEquals(guide.replace("building alpha", "building beta").replace("built 3 files", "built 4 files"),
                GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(step, one))).get(0).after());
    }

    @Test
    void anElisionStillStandsForWhateverTheWorldPrintsThere(@TempDir Path root) throws IOException {
        String guide = GUIDE.replace("\tworker                           STOPPED   Not started", "\t[...]");
        Files.writeString(root.resolve("guide.rst"), guide);
        CommandStep step = new CommandStep(1, "guide.rst", 8, List.of("Status"), "supervisorctl status", null,
                List.of(ExpectedLine.output(9, "synapse                          RUNNING   pid 26020, uptime 0:03:14"),
                        ExpectedLine.elision(10, "[...]")),
                List.of(), List.of(), StepPolicy.DEFAULT);
        String actual = "synapse                          RUNNING   pid 1, uptime 1:00:00\nworker  RUNNING\ncron  RUNNING\n";
        assertTrue(GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(step, actual))).isEmpty());
    }

    @Test
    void newLinesTakeTheGuidesOutputIndentationAndWhatIsTrueOfTheTestHostOnlyBecomesAnElision(@TempDir Path root)
            throws IOException {
        String guide = String.join("\n",
                "::",
                "",
                "  (env) [isabell@stardust ~]$ pip install --upgrade pip",
                "    Collecting pip",
                "      Using cached https://files.pythonhosted.org/packages/5c/pip-19.1.1-py2.py3-none-any.whl",
                "    Successfully installed pip-19.1.1",
                "  (env) [isabell@stardust ~]$",
                "");
        Files.writeString(root.resolve("guide.rst"), guide);
        CommandStep step = new CommandStep(1, "guide.rst", 3, List.of(), "pip install --upgrade pip", null,
                List.of(ExpectedLine.output(4, "  Collecting pip"),
                        ExpectedLine.output(5, "    Using cached https://files.pythonhosted.org/packages/5c/pip-19.1.1-py2.py3-none-any.whl"),
                        ExpectedLine.output(6, "  Successfully installed pip-19.1.1")),
                List.of(), List.of(), StepPolicy.DEFAULT);
        String actual = "Looking in links: /opt/wheels\n"
                + "Processing file:///opt/wheels/pip-26.0-py3-none-any.whl\n"
                + "created in 2626ms\n"
                + "Requirement already satisfied: pip in ./synapse/env/lib/python3.14/site-packages (26.2.2)\n"
                + "  (from matrix-synapse==9.9.9)\n";

        List<GuideUpdate.Revision> revised = GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(step, actual)),
                java.util.Set.of("9.9.9"));

        assertEquals(String.join("\n",
                "::",
                "",
                "  (env) [isabell@stardust ~]$ pip install --upgrade pip",
                "    [...]",
                "    Requirement already satisfied: pip in ./synapse/env/lib/python3.14/site-packages (26.2.2)",
                "    [...]",
                "  (env) [isabell@stardust ~]$",
                ""), revised.get(0).after());
    }

    @Test
    void aStepWhoseOutputWasCutIsNotWrittenIntoTheGuide(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("guide.rst"), GUIDE);
        String actual = "synapse                          RUNNING   pid 7, uptime 0:00:02\n"
                + OutputLimit.CUT_MARKER + " 9,000,000 bytes in 90,000 lines not kept here ...]\n"
                + "worker                           RUNNING   pid 9, uptime 0:00:02\n";
        BadInput refused = assertThrows(BadInput.class,
                () -> GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(statusStep(), actual))));
        assertEquals(8, refused.line());
        assertTrue(refused.problem().contains("output/step-1.log"), refused.problem());
        assertEquals(GUIDE, Files.readString(root.resolve("guide.rst")));
    }

    /**
     * A command typed into a REPL stays in the guide: where the real output shows it typed after output with no
     * newline, that line takes the place of both; where it shows it nowhere (the run never typed it), the guide's
     * line stays. Before, the command was deleted.
     */
    @Test
    void aCommandTypedIntoAReplIsNeverDeleted(@TempDir Path root) throws IOException {
        String guide = String.join("\n", "```console", "$ python3 -q", ">>> print(1, end=',')", "1,", ">>> i = 256*256",
                ">>> quit()", "```", "");
        Files.writeString(root.resolve("guide.md"), guide);
        CommandStep step = new CommandStep(1, "guide.md", 2, List.of(), "python3 -q", null, List.of(
                new ExpectedLine(3, ">>> print(1, end=',')", ExpectedLine.Kind.REPL_INPUT, ">>>", "print(1, end=',')"),
                ExpectedLine.output(4, "1,"),
                new ExpectedLine(5, ">>> i = 256*256", ExpectedLine.Kind.REPL_INPUT, ">>>", "i = 256*256"),
                new ExpectedLine(6, ">>> quit()", ExpectedLine.Kind.REPL_INPUT, ">>>", "quit()")),
                List.of(), List.of(), StepPolicy.DEFAULT);

        String neverTyped = ">>> print(1, end=',')\n2,\n>>> quit()";
        List<GuideUpdate.Revision> revised = GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(step, neverTyped)));
        assertEquals(guide.replace("\n1,\n", "\n2,\n"), revised.get(0).after());
    }

    /**
     * Output in an HTML block whose last line holds {@code </pre>}: update would lose the tag, and says so in one line
     * instead of breaking the page; a block whose tags stand on lines of their own is updated as any other.
     */
    @Test
    void aLineThatHoldsMarkupBesideItsOutputIsNotRewritten(@TempDir Path root) throws IOException {
        String glued = String.join("\n", "<pre>", "$ cat out.txt", "built</pre>", "");
        Files.writeString(root.resolve("guide.md"), glued);
        CommandStep step = new CommandStep(1, "guide.md", 2, List.of(), "cat out.txt", null,
                List.of(ExpectedLine.output(3, "built")), List.of(), List.of(), StepPolicy.DEFAULT);
        BadInput refused = assertThrows(BadInput.class,
                () -> GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(step, "rebuilt"))));
        assertEquals(3, refused.line());
        assertTrue(refused.getMessage().contains("step 1: this line holds more than the output it shows"),
                refused.getMessage());
        assertThrows(BadInput.class, () -> GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(step,
                "built\nagain"))), "a line written after it would stand outside the block");

        String apart = String.join("\n", "<pre>", "$ cat out.txt", "built", "</pre>", "");
        Files.writeString(root.resolve("guide.md"), apart);
        List<GuideUpdate.Revision> revised = GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(step, "rebuilt")));
        assertEquals(apart.replace("\nbuilt\n", "\nrebuilt\n"), revised.get(0).after());
    }

    /**
     * Real output written into an HTML {@code <pre>} block is written as a browser is to show it: {@code <}, {@code >}
     * and {@code &} as entities; a line shown with entities is dropped as any other. In a fenced block, as it is.
     */
    @Test
    void outputWrittenIntoAPreBlockIsEscapedAsHtml(@TempDir Path root) throws IOException {
        String pre = String.join("\n", "<pre><code class=\"language-console\">", "$ ./check", "a &lt; b",
                "ok", "</code></pre>", "");
        Files.writeString(root.resolve("guide.md"), pre);
        CommandStep step = new CommandStep(1, "guide.md", 2, List.of(), "./check", null,
                List.of(ExpectedLine.output(3, "a < b"), ExpectedLine.output(4, "ok")), List.of(), List.of(),
                StepPolicy.DEFAULT);
        List<GuideUpdate.Revision> revised = GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(step,
                "<b> & c\nok")));
        assertEquals(pre.replace("a &lt; b", "&lt;b&gt; &amp; c"), revised.get(0).after());

        String fenced = String.join("\n", "<pre>old</pre>", "", "```console", "$ ./check", "a < b", "ok", "```", "");
        Files.writeString(root.resolve("guide.md"), fenced);
        CommandStep inFence = new CommandStep(1, "guide.md", 4, List.of(), "./check", null,
                List.of(ExpectedLine.output(5, "a < b"), ExpectedLine.output(6, "ok")), List.of(), List.of(),
                StepPolicy.DEFAULT);
        revised = GuideUpdate.revise(root, List.of(new GuideUpdate.Drift(inFence, "<b> & c\nok")));
        assertEquals(fenced.replace("a < b", "<b> & c"), revised.get(0).after());
    }
}
