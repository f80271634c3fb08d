package dev.rehearse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rehearse run} on the fixture guides ({@code fixtures/guides}), end to end through the real reader,
 * planner, target and reports. Every target must give the same verdicts: each target's test class extends this
 * and says how the command line reaches it.
 */
public abstract class FixtureGuideRuns {
    protected static final Path GUIDES = Path.of(System.getProperty("rehearse.root", ".."), "fixtures", "guides");

    @TempDir
    protected Path reports;

    /** What one {@code rehearse run} printed and reported. */
    public record Run(int exit, String out, String err, List<String> verdicts, List<String> reasons, String json) {
    }

    /**
     * The options that choose and reach the target.
     *
     * @param home a folder the test would like as the run's HOME, or null for the target's default; a target
     *             that cannot take it ignores it (see {@link #homeOfRun(Path)})
     */
    protected abstract List<String> targetOptions(Path home);

    /** Where the run's HOME really is, given the folder {@link #targetOptions(Path)} was asked to use. */
    protected abstract Path homeOfRun(Path home);

    /** {@code rehearse run GUIDE} on the target, with more options. */
    protected Run run(String guide, String... more) throws IOException {
        return runIn(null, guide, more);
    }

    protected Run runIn(Path home, String guide, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", GUIDES.resolve(guide).toString()));
        args.addAll(targetOptions(home));
        args.addAll(List.of(more));
        return execute(args);
    }

    /** {@code rehearse ARGS --report-dir REPORTS}, and what came of it. */
    protected Run execute(List<String> args) throws IOException {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--report-dir", reports.toString()));
        Path results = reports.resolve("results.json");
        // kept, not deleted: a --from run reads what the run before it captured; only a new file is this run's
        FileTime before = Files.exists(results) ? Files.getLastModifiedTime(results) : null;
        RehearseJar.Outcome outcome = RehearseJar.run(all.toArray(String[]::new));
        List<String> verdicts = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        String json = "";
        if (Files.exists(results) && !Files.getLastModifiedTime(results).equals(before)) {
            json = Files.readString(results);
            for (JsonNode step : new ObjectMapper().readTree(json).get("steps")) {
                verdicts.add(step.get("verdict").asText());
                JsonNode reason = step.get("reason");
                reasons.add(reason == null || reason.isNull() ? null : reason.asText());
            }
        }
        return new Run(outcome.exit(), outcome.out(), outcome.err(), verdicts, reasons, json);
    }

    @Test
    void cdAndAVirtualenvCarryOver() throws IOException {
        Run run = run("carry-over.rst");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS", "PASS"), run.verdicts(), run.json());
        assertTrue(Files.exists(reports.resolve("junit.xml")) && Files.exists(reports.resolve("report.html")));
    }

    /**
     * {@code bash -l}, a tool's shell ({@code env ... bash}) and {@code exec bash} each take the commands after them,
     * with their own folder and variables, until their {@code exit} (its {@code logout} or {@code exit} checked as the
     * guide shows it); without the take-over the first would wait for input and FAIL. A shell whose prompt is shown
     * in another style than the reader's ({@code $} then {@code isabell@stardust:~$}) is read so too (the bare
     * {@code $} lines were dropped, and the opened shell's exit logged out). The login shell's own exit logs out, and
     * the next step runs in a new login shell (it was a FAIL, the shell lost).
     */
    @Test
    void aShellACommandOpensTakesTheCommandsAfterItUntilItsExit() throws IOException {
        passes("nested-shells.rst", 21);
    }

    /**
     * A real tool's shell: {@code pipenv shell} (Debian's pipenv) makes a virtual environment and opens a shell in it
     * on a terminal of its own, into which it types the environment's activation; the commands after it run in the
     * environment until its {@code exit}.
     */
    @Test
    void pipenvShellTakesTheCommandsAfterItUntilItsExit() throws IOException {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/pipenv")),
                "Debian's pipenv is needed (apt-get install pipenv)");
        passes("pipenv-shell.md", 5);
    }

    /**
     * A guide pasted from a terminal: commands carried over lines by a compound command, a pipe or a here-document,
     * with the terminal's continuation prompts ({@code > }) in front of the lines, which are not typed; a bare block's
     * loop and {@code if} taken whole; a file named by its block's {@code title="..."}; a bash block under "set" in
     * the section of an ini file run, not merged into it; and job notices ({@code [1]+  Terminated ...}), which
     * bash prints when it notices a job's end, after another command than the guide shows them, no difference; and
     * a block at Debian's default prompt ({@code reader@server:~$}), and blocks at zsh's ({@code reader@web01 ~ %}
     * and a bare {@code %}, an indented {@code %} in the output); a {@code tail -f} stopped once its output is
     * still, and a server stopped with the guide's {@code ^C} that ends with status 0; a prompt pasted again before
     * its command ({@code reader@server:~$ $ echo}) and an elision at a prompt ({@code reader@server:~$ [...]}),
     * neither typed. Before, the first loop waited for its {@code done} until the timeout, the server's end was
     * "exit status 0 (expected 130)", and bash answered the pasted prompt and the elision "command not found": FAILs.
     */
    @Test
    void aGuideAsATerminalShowedItRunsAsTyped(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/terminal-copy.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(Collections.nCopies(23, "PASS"), run.verdicts(), run.json());
        assertEquals("[greeter]\ngreeting = hello\n",
                Files.readString(homeOfRun(home).resolve(".config/greeter/greeter.ini")));
        assertEquals("Ada\nGrace\n", Files.readString(homeOfRun(home).resolve("names.txt")), "no \"> \" typed");
    }

    @Test
    void guidesOfDocumentationSitesRunTheirAdmonitionsHighlightTagsAndOneTabOfEachSet(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/doc-sites.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(Collections.nCopies(9, "PASS"), run.verdicts(), run.json());
        assertTrue(Files.isRegularFile(homeOfRun(home).resolve("sites-demo/shell.txt")), "the collapsed tip ran");
        assertEquals("installed\nconfigured\n", Files.readString(homeOfRun(home).resolve("sites-demo/install.txt")),
                "the Debian and the Linux tab ran, and no other");
    }

    /**
     * DigitalOcean's tutorials: {@code command} blocks of commands without prompts, a file's block labelled with its
     * path and the output's with {@code Output} on their first lines (no part of the text), the example user
     * {@code sammy}, an editor opened before the file's block, diff's differences shown as its output, and
     * {@code rm -i}'s question answered in the output's block. Before, the command blocks were no steps at all, and
     * then a prompt shown only in the output's block waited unanswered.
     */
    @Test
    void aDigitalOceanTutorialRunsItsCommandBlocksAndChecksItsLabelledOutput(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/digitalocean.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "SKIP", "PASS", "PASS", "PASS", "PASS", "PASS", "PASS"),
                run.verdicts(), run.json());
        assertFalse(Files.exists(homeOfRun(home).resolve("greeter/greeter.new")), "rm -i was answered y");
        assertEquals("greeting=hello\n", Files.readString(homeOfRun(home).resolve("greeter/greeter.conf")),
                "the label names the file and is no part of it");
    }

    /**
     * Another site's example user whose name is no word ({@code alice}, in {@code /home/alice}): her name is the
     * run's user as her home is its home. Before, whoami, id and stat drifted, printing the real user.
     */
    @Test
    void anExampleUsersNameIsTheRunsUserAsHerHomeIsItsHome(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/example-user.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS", "PASS"), run.verdicts(), run.json());
    }

    /**
     * A development server that says how to stop it ("Quit the server with CONTROL-C.", Flask's "Press CTRL+C to
     * quit"), its output in the command's block or in a block of its own after it, and started again later with no
     * output shown: each gets its Ctrl-C once it has said so (or, started again, once still), and the guide goes on
     * with the server gone. Before, each waited for the step's timeout and failed, and the rest was skipped.
     */
    @Test
    void aServerThatSaysToStopItWithCtrlCIsStoppedSo(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/dev-server.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS", "PASS"), run.verdicts(), run.json());
        assertTrue(run.json().contains("Quit the server with CONTROL-C."), run.json());
    }

    /**
     * A REPL's lines in blocks of their own after the command that opens it (Django's tutorial), with remarks among
     * them and without its greeting or the prompt where it ends, one block after the other in the same session (one
     * of them of inputs alone, which is no marked output); an SQLite session in an {@code sql} block after
     * {@code sqlite3 stock.db}. Before, each REPL block was a "prose
     * example", and the commands that opened the REPLs waited at their prompts until they were stopped and failed.
     */
    @Test
    void aReplsLinesInABlockOfTheirOwnAreTypedIntoIt(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/python-shell.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS", "PASS"), run.verdicts(), run.json());
        assertTrue(Files.size(homeOfRun(home).resolve("shop/stock.db")) > 0, "sqlite3 wrote the table");
    }

    /**
     * A library README's doctest lines with no command before them that opens Python: typed into a {@code python3}
     * started for them, a {@code for} block ended by a bare {@code ...} among them.
     */
    @Test
    void aDoctestsLinesWithNoOpenerAreTypedIntoAPythonStartedForThem(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/doctest.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS"), run.verdicts(), run.json());
    }

    /**
     * Git's and Go's tutorials: source files named alone ({@code hello.c} in backticks, "a file called main.go"),
     * written where the session stands ({@code cd myproject}), an example user's home in {@code pwd} and {@code git
     * init}'s output, and a commit's hash. Before, neither file was written and {@code git add} failed.
     */
    @Test
    void sourceFilesNamedAloneAreWrittenInTheSessionsFolderAndCommitted(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/git-tutorial.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(Collections.nCopies(12, "PASS"), run.verdicts(), run.json());
        assertTrue(Files.readString(homeOfRun(home).resolve("myproject/hello.c")).contains("Hello, Git!"));
        assertTrue(Files.isDirectory(homeOfRun(home).resolve("myproject/.git")));
    }

    /**
     * A README's code in HTML: {@code <pre>} with a bold part and references ({@code &amp;&amp;}, {@code &gt;}), and
     * {@code <pre><code class="language-console">}. Before, neither block was read, and nothing ran.
     */
    @Test
    void htmlPreBlocksRunAsTheBrowserShowsThem(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/html-readme.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS"), run.verdicts(), run.json());
        assertEquals("one\ntwo\nthree\n", Files.readString(homeOfRun(home).resolve("counter/words.txt")));
    }

    /**
     * A server started in the foreground that the guide neither stops nor leaves for another terminal: it runs on
     * in its terminal once still, and the next step, in a new one, fetches a page from it. Before, the step ran to
     * its timeout and failed, the rest skipped.
     */
    @Test
    void aServerNothingStopsRunsOnAndTheNextStepReachesIt(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/foreground-server.md", "--timeout", "60s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS"), run.verdicts(), run.json());
        assertTrue(run.reasons().get(1).contains("python3, listening on port 8657"), run.json());
    }

    /**
     * GnuPG's key dialogue: a wizard's questions below lines of its own ({@code Real name: Ada Lovelace},
     * {@code Comment:} with nothing typed), which the plan reads as output, are answered as the transcript shows
     * once GnuPG waits at them, in a select of the {@code /dev/tty} it opened; and the terminal is the run user's
     * own, as a program that opens it by its name needs. Before, the step failed waiting at {@code Real name:}, and
     * a write to the terminal by its name was refused.
     */
    @Test
    void aWizardsQuestionsTheTranscriptShowsAnsweredAreAnswered(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/signing-key.md", "--timeout", "60s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS"), run.verdicts(), run.json());
    }

    /**
     * Programs that read what is typed without a prompt: a filter ({@code tr}), one that answers at the end of the
     * input ({@code sort}, Ctrl-D), a calculator of a loop of {@code read}, a script's bare {@code read}. The lines the
     * transcript shows after the command are typed in turn where the program waits in a read, each once what it
     * printed before is what the transcript shows before it; Ctrl-D after the lines before it. Before, Ctrl-D went
     * at once (three steps drifted) and the rest waited for input.
     */
    @Test
    void linesTypedIntoProgramsThatAskNothingAreTypedAsTheTranscriptShows(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/typed-lines.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS", "PASS", "PASS"), run.verdicts(), run.json());
        assertTrue(Files.readString(homeOfRun(home).resolve("calc.sh")).contains("read -r sum"));
    }

    /**
     * A guide's removal after its install and its troubleshooting are no part of the way through it: skipped, with
     * the reason, so that the install is still there after the run (on an admin's own host, too); a removal before
     * any step (of an old version) runs. Before, the run removed what it had just installed.
     */
    @Test
    void theGuidesRemovalAndTroubleshootingAreSkippedAndTheInstallStays(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/removal.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS", "PASS", "SKIP", "SKIP"), run.verdicts(), run.json());
        assertTrue(Files.isRegularFile(homeOfRun(home).resolve("notes/bin/notes")), run.json());
    }

    /**
     * Django's documentation and many older projects' are reStructuredText in {@code .txt} files: read as the markup
     * they hold ({@code .. console::}, {@code ::} blocks, a {@code :caption:} file). Before, the file was refused as
     * no guide format.
     */
    @Test
    void reStructuredTextInATxtFileRunsAsItsMarkupSays(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/tutorial.txt", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS", "PASS", "PASS"), run.verdicts(), run.json());
        assertTrue(Files.readString(homeOfRun(home).resolve("greeter/greet.py")).contains("Hello, {name}!"));
    }

    /**
     * GitHub's docs: output marked with {@code > } in the command's block and in blocks of their own, a remark among
     * it, a remark alone where output goes ({@code # Lists the files...}, which drifted before), prompts with what to do in brackets ({@code [Press enter]}, {@code [Type a passphrase]}), and a prompt
     * worded otherwise than ssh-keygen words it, which is answered as the guide answers it (the step DRIFTs, its
     * output showing the real words). Before, each marked block ran as a command (a redirection that made a file
     * named by its first word), and the marks drifted.
     */
    @Test
    void githubsDocsMarkedOutputIsCheckedAndItsPromptsAnswered(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/github-docs.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "DRIFT", "PASS"), run.verdicts(), run.json());
        assertTrue(run.json().contains("+Enter file in which to save the key"), run.json());
        Path ran = homeOfRun(home);
        assertTrue(Files.exists(ran.resolve(".ssh/id_ed25519")), "ssh-keygen made the key");
        for (String word : List.of("Generating", "Enter")) {
            assertFalse(Files.exists(ran.resolve(word)), word + ": a marked line ran as a redirection");
        }
    }

    /**
     * Blocks in the styles of other sites, each one Rehearse once read wrong: Gentoo's {@code user $} and
     * {@code root #} prompts, RHEL's {@code [root@localhost ~]#}, another site's example home ({@code /home/pi}),
     * output cut in words ({@code ...output omitted...}, {@code <snip>}), steps "On Windows" and "On macOS", a prompt
     * that says what to type ({@code Enter a value: yes}) and a wizard's first bare question ({@code Username:
     * admin}), lines typed into {@code cat} and ended by {@code ^D}, Node.js's REPL, {@code kubectl get --watch},
     * Hugo's and GitLab's tabs, "Example output:" over a {@code shell} fence, and an editor opened with
     * {@code sudo -u git -H editor}. Before, the Gentoo blocks were no steps, RHEL's was skipped as the reader's own
     * computer, the home and the cut output drifted, the Windows and macOS steps ran and failed, the questions, cat,
     * the REPL, the watch and the editor waited until their timeouts, every tab ran, and the output ran as a command.
     */
    @Test
    void blocksInTheStylesOfOtherSitesRunAsTheirReadersWould(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/other-sites.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> verdicts = new ArrayList<>(Collections.nCopies(22, "PASS"));
        verdicts.set(7, "SKIP");
        verdicts.set(8, "SKIP");
        verdicts.set(21, "SKIP");
        assertEquals(verdicts, run.verdicts(), run.json());
        assertEquals("hello\nworld\n", Files.readString(homeOfRun(home).resolve("notes.txt")));
        assertEquals("linux\n", Files.readString(homeOfRun(home).resolve("tab.txt")), "the Linux tab ran, alone");
    }

    /**
     * GitBook's, VitePress' and MyST's colon-fenced tabs, a block the guide says not to run, statuses shown by
     * {@code echo $?}, the history tip's PROMPT_COMMAND, a cut said as "9 more lines", a base64 key, a placeholder
     * its prose gives an example for and a choice of words, a fragment for "the config file again", a file's
     * contents replaced and output folded in {@code <details><summary>Show output</summary>}. Before: every tab ran, the notes were deleted, the statuses FAILed, the session lost its
     * sentinel's status, the cut and (one run in two) the key DRIFTed, the run refused to start, the fragment was no
     * step and the json file was never written.
     */
    @Test
    void tabsWarningsStatusesAndBackReferencesAreReadAsTheirReadersRead(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/tabs-and-warnings.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> verdicts = new ArrayList<>(Collections.nCopies(21, "PASS"));
        verdicts.set(4, "SKIP");
        assertEquals(verdicts, run.verdicts(), run.json());
        assertEquals("keep\n", Files.readString(homeOfRun(home).resolve("demo/notes.txt")));
        assertEquals("gitbook\nvitepress\nmyst\n", Files.readString(homeOfRun(home).resolve("demo/tabs.txt")));
    }

    @Test
    void aSphinxGuideInMystAndSessionsNamedAsOtherHighlightersNameThemRun(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/sphinx-myst.md", "--timeout", "30s");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(Collections.nCopies(14, "PASS"), run.verdicts(), run.json());
        assertEquals("[demo]\ngreeting = hello\n",
                Files.readString(homeOfRun(home).resolve(".config/sphinx-demo/demo.ini")),
                "the caption named the file and the options are no part of it");
        assertTrue(Files.isDirectory(homeOfRun(home).resolve("notes")), "the R Markdown chunk ran");
    }

    @Test
    void anAddToTheBashrcKeepsItAndAServerShownStoppedWithCtrlCIsInterrupted(@TempDir Path home) throws IOException {
        Path bashrc = homeOfRun(home).resolve(".bashrc");
        Files.createDirectories(bashrc.getParent());
        Files.writeString(bashrc, "# the user's own\nalias ll='ls -l'\n");
        Run run = runIn(home, "untuned/server.rst");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS"), run.verdicts(), run.json());
        assertEquals("# the user's own\nalias ll='ls -l'\nexport GREETING=hello\n", Files.readString(bashrc));
        // without the interrupt the step would wait out its 5-minute timeout and FAIL
    }

    /**
     * A transcript that ends with the command's error ({@code cat: never-written.txt: No such file or directory},
     * grep's count of none) shows a failure, and the same lines are what the reader was told to expect; {@code ls -l}'s
     * year for an old file is its time of day in the guide; a server the guide leaves to the reader to stop prints
     * as Rehearse stops it what the guide could not show. Before, each of these FAILed or drifted.
     */
    @Test
    void aFailureTheGuideShowsPassesAndOneItDoesNotShowFails() throws IOException {
        Run shown = passes("untuned/shown-failures.md", 7);
        String asShown = ": the failure the guide shows";
        assertEquals(Arrays.asList("exit status 1" + asShown, "exit status 2" + asShown, null,
                "exit status 1" + asShown, null, null, null), shown.reasons());
        Run unshown = run("untuned/unshown-failures.md", "--keep-going");
        assertEquals(1, unshown.exit(), unshown.out() + unshown.err());
        assertEquals(List.of("FAIL", "FAIL", "FAIL", "PASS"), unshown.verdicts(), unshown.json());
        assertEquals(List.of("exit status 1 (it printed nothing)",
                "exit status 1: cat: never-written.txt: No such file or directory",
                "exit status 1: cat: never-written.txt: No such file or directory"), unshown.reasons().subList(0, 3));
    }

    /**
     * {@code ls} laid out as another terminal's width laid it out (one a line, one row, two rows) lists the same
     * files, a login shell's {@code -bash:} says what an interactive one's {@code bash:} does, a line the author
     * cut short ({@code Successfully installed alpha-1.0 ...}) shows how the real one begins, and the user's ids
     * and the kernel are the target's. Before, the listing one a line and the one in two rows drifted, the error
     * FAILed, and the cut lines, {@code id} and {@code uname} drifted.
     */
    @Test
    void whatOtherTerminalsAuthorsAndMachinesShowIsWhatTheGuideShows() throws IOException {
        passes("untuned/layouts.md", 10);
    }

    /**
     * A Sphinx project's install page in reStructuredText, its commands in {@code bash} blocks without prompts: they
     * run, but for the block the prose calls an example and the script with its {@code #!}. Before, no bash block
     * of it ran, and the listing FAILed.
     */
    @Test
    void anRstGuidesBareCommandsRunButForAnExampleAndAScript(@TempDir Path home) throws IOException {
        Run run = runIn(home, "untuned/sphinx-install.rst");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(Collections.nCopies(6, "PASS"), run.verdicts(), run.json());
        Path greeter = homeOfRun(home).resolve("sphinx-greeter");
        assertTrue(Files.readString(greeter.resolve("prefix.txt")).strip().endsWith("/sphinx-greeter/venv"));
        assertFalse(Files.exists(greeter.resolve("wrapped.txt")), "the example ran");
        assertFalse(Files.exists(greeter.resolve("script.txt")), "the script ran");
    }

    /**
     * A wizard's questions as a person asks them ({@code What is your name? Ada Lovelace}) and Inquirer's
     * ({@code ? What account do you want to log into? GitHub.com}) are answered. Before, the step FAILed waiting at
     * its first question.
     */
    @Test
    void questionsAsAPersonAsksThemAreAnswered() throws IOException {
        passes("untuned/wizard-questions.md", 3);
    }

    /**
     * A README as people write it: Raspberry Pi OS's prompt ({@code pi@raspberrypi:~ $}), a {@code Makefile} to
     * create, "Run:" over a block with no language, and "Output:" after a script whose other commands print
     * nothing. Before, the prompts were no prompts (no step to run), the Makefile no file, the block after "Run:"
     * an example, and the output unchecked.
     */
    @Test
    void aReadmesPromptsFilesAndInstructionsAreFollowed() throws IOException {
        passes("untuned/readme-instructions.md", 10);
    }

    /**
     * A server the guide leaves running while its next block goes "In a new terminal" runs on in its own terminal,
     * the next steps in another, at home, as the reader's; a fenced block whose following prose says to stop it with
     * Ctrl-C is stopped. Before, both servers ran until the step's timeout and FAILed, the rest skipped.
     */
    @Test
    void aServerLeftRunningWhileTheGuideGoesOnInANewTerminal() throws IOException {
        Run run = passes("untuned/two-terminals.md", 5);
        assertEquals("left running in its terminal: the next steps go into a new one, as the guide says",
                run.reasons().get(1));
    }

    @Test
    void hiddenAndVisiblePromptsAreAnsweredAndTheSecretShowsNowhere(@TempDir Path home) throws IOException {
        String secret = "Zq4secretNotForEyes";
        Run run = runIn(home, "prompts.rst", "--bind", "<password>=" + secret);
        assertEquals(0, run.exit(), run.out() + run.err());
        // the last step waits for Enter after "Hit enter to notify test owner...", which shows no answer
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS"), run.verdicts(), run.json());
        assertEquals(secret + "\n", Files.readString(homeOfRun(home).resolve("password.txt")),
                "the hidden prompt got the secret");
        for (String shown : List.of(run.out(), run.err(), Files.readString(reports.resolve("results.json")),
                Files.readString(reports.resolve("junit.xml")), Files.readString(reports.resolve("report.html")))) {
            assertFalse(shown.contains(secret), shown);
        }
    }

    /**
     * Real ssh-keygen: a hidden prompt that says an empty answer means none ({@code (empty for no passphrase)}) gets
     * Enter, and so does its repeat, so the key the next step reads without asking has no passphrase (it got the
     * generated secret, and the next step FAILed waiting at "Enter passphrase:").
     */
    @Test
    void aPassphraseThePromptSaysMayStayEmptyIsLeftEmpty() throws IOException {
        passes("deploy-key.md", 3);
    }

    @Test
    void aPsqlReplAgainstTheUsersOwnCluster() throws IOException {
        assertTrue(Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/initdb")),
                "PostgreSQL 15 server binaries are needed (apt-get install postgresql-15)");
        Run run = run("psql.rst");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertFalse(run.verdicts().contains("FAIL"), run.json());
        assertTrue(run.json().contains("INSERT 0 1"), run.json());
    }

    @Test
    void aDriftIsNoFailureUnlessStrict() throws IOException {
        Run run = run("drift.rst");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("DRIFT", "PASS"), run.verdicts());
        assertTrue(run.json().contains("+Hello, World!"), run.json());
        assertEquals(1, run("drift.rst", "--strict").exit());
    }

    /**
     * A guide that turns the shell's tracing on shows the lines it typed traced, and nothing of the session's own
     * (its sentinel's commands were traced too); an output line of {@code -- } drifted shows in the printed diff
     * (it was taken for the diff's header, {@code --- guide}, and left out).
     */
    @Test
    void tracingShowsWhatWasTypedAndADriftedLineOfDashesShows() throws IOException {
        Run run = run("untuned/tracing.md");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "PASS", "PASS", "PASS", "DRIFT"), run.verdicts(), run.json());
        assertFalse(run.json().contains("rehearse_status"), run.json());
        assertTrue(run.out().contains("\n      --- Logs begin at Mon 2019-06-03 10:00:00 CEST. --\n"
                + "      +-- No entries --\n"), run.out());
    }

    @Test
    void aFailStopsTheRun() throws IOException {
        Run run = run("fail.rst");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(List.of("PASS", "FAIL", "SKIP"), run.verdicts());
        assertEquals("exit status 2: ls: cannot access '/home/isabell/no-such-folder': No such file or directory",
                run.reasons().get(1));
        assertTrue(run.out().contains("exit status 2: ls: cannot access"), run.out());
        assertEquals(List.of("PASS", "FAIL", "PASS"), run("fail.rst", "--keep-going").verdicts());
        assertEquals(List.of("SKIP", "SKIP", "PASS"), run("fail.rst", "--from", "3").verdicts());
    }

    /**
     * A command that reads the terminal without asking anything ({@code cat > key.txt}, the guide showing nothing
     * typed) is found once its output is still, by what the target's {@code /proc} says of its programs, where it
     * waited for the step's timeout.
     */
    @Test
    void aCommandReadingTheTerminalWithoutAskingFailsWithinSeconds() throws IOException {
        failsWithinSeconds("reading.rst", "waiting for input: cat reads the terminal, having asked nothing, and the "
                + "guide shows nothing typed for it (the lines a transcript shows after the command are typed for it)");
    }

    @Test
    void aCommandWaitingForInputTheGuideDoesNotShowFailsWithinSeconds() throws IOException {
        failsWithinSeconds("waiting.rst", "waiting for input at: Overwrite it? [y/N]"
                + " (no answer of the plan's is for this prompt, which the guide does not show: the plan answers"
                + " a prompt the transcript shows, by what follows it there;"
                + " an answers: rule of the runbook answers it wherever it comes)");
    }

    /**
     * A password hash made from the run's secret is salted: no value of the run finds it, yet it is derived from the
     * secret and shows nowhere, neither live nor in a report; the guide's own examples stay as they are.
     */
    @Test
    void aPasswordHashOfTheSecretShowsNowhere() throws IOException {
        Run run = run("password-hash.rst");
        assertEquals(0, run.exit(), run.out() + run.err());
        // salted anew each time, a hash is checked as a volatile token, as a date is
        assertEquals(List.of("PASS", "PASS"), run.verdicts(), run.json());
        String everything = run.out() + run.err() + run.json() + Files.readString(reports.resolve("report.html"))
                + Files.readString(reports.resolve("junit.xml"));
        Matcher hashes = Pattern.compile("\\$(?:6|apr1)\\$[./A-Za-z0-9]{8,16}\\$[./A-Za-z0-9]+").matcher(everything);
        while (hashes.find()) {
            assertTrue(hashes.group().startsWith("$6$Zk3u9aXm$") || hashes.group().startsWith("$apr1$x1y2z3w4$abcd"),
                    "only the guide's examples: " + hashes.group());
        }
        assertTrue(run.json().contains("admin:<password hash>"), run.json());
    }

    /**
     * The runbook's answers are given wherever their prompts come: a question the guide does not show (a new
     * release's), a hidden one whose line names the user the target maps the guide's to, and a prompt asked again
     * where the guide shows it once. Each step DRIFTs, as its output shows what the guide does not, and the hidden
     * answer, a secret, is in no output or report.
     */
    @Test
    void theRunbooksAnswersAreGivenWhereverTheirPromptsCome() throws IOException {
        Run run = run("asked-anew");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("DRIFT", "DRIFT", "DRIFT"), run.verdicts(), run.json());
        assertTrue(run.json().contains("+Proceed with the upgrade? [y/N] y\\n answer: y"), run.json());
        assertTrue(run.json().contains("token length 12"), run.json());
        assertTrue(run.json().contains(" Proceed with the upgrade? [y/N] y\\n+Proceed with the upgrade? [y/N] y\\n yy"),
                run.json());
        String everything = run.out() + run.err() + run.json() + Files.readString(reports.resolve("report.html"))
                + Files.readString(reports.resolve("junit.xml"));
        assertFalse(everything.contains("tok3nV4lu3zz"), everything);
    }

    /** {@code rehearse run GUIDE} ends with exit status 0 and each of its {@code steps} steps PASSes. */
    private Run passes(String guide, int steps) throws IOException {
        Run run = run(guide);
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(Collections.nCopies(steps, "PASS"), run.verdicts(), run.json());
        return run;
    }

    /** The guide's first step FAILs for that reason well before its timeout, and the second is skipped. */
    private void failsWithinSeconds(String guide, String reason) throws IOException {
        long start = System.nanoTime();
        Run run = run(guide);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(List.of("FAIL", "SKIP"), run.verdicts());
        assertEquals(reason, run.reasons().get(0));
        assertTrue(seconds < 15, "took " + seconds + " s");
    }
}
