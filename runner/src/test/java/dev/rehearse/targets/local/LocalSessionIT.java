package dev.rehearse.targets.local;

import dev.rehearse.model.CommandResult;
import dev.rehearse.model.CommandResult.Status;
import dev.rehearse.model.Interaction;
import dev.rehearse.targets.BashQuoting;
import dev.rehearse.targets.ExistingFiles;
import dev.rehearse.targets.OutputLimit;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.terminal.TerminalText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session protocol on a real login shell in the local sandbox (as root: as the user made for the run). */
class LocalSessionIT {
    private static final Duration T = Duration.ofSeconds(20);
    private static LocalTarget target;
    private static Session shell;

    @BeforeAll
    static void open() {
        target = LocalTarget.open(null, false, ShellSettings.DEFAULT.withQuietPeriod(Duration.ofMillis(1500)));
        shell = target.openSession();
    }

    @AfterAll
    static void close() {
        target.close();
    }

    private static CommandResult run(String command) {
        return shell.run(command, List.of(), T, null);
    }

    @Test
    void cdAndVariablesCarryOverAndCwdIsReported() {
        CommandResult made = run("mkdir -p work/deeper && cd work && export GREETING=hi");
        assertEquals(0, made.exit());
        assertEquals(target.home().resolve("work").toString(), made.cwd());
        CommandResult pwd = run("cd deeper; pwd; echo $GREETING");
        assertEquals(target.home().resolve("work/deeper") + "\nhi\n", pwd.output());
        assertEquals(target.home().resolve("work/deeper").toString(), pwd.cwd());
        run("cd ~");
    }

    /**
     * Output with no final newline ends at the sentinel of the next prompt, which is no part of it, and the next
     * command's output starts on its own.
     */
    @Test
    void outputWithoutAFinalNewlineEndsWhereTheNextPromptBegins() {
        CommandResult glued = run("printf 'no newline'");
        assertEquals(0, glued.exit());
        assertEquals("no newline", glued.output());
        assertEquals("next\n", run("echo next").output());
    }

    /**
     * less and more called by name on a file that fits the terminal print it and quit, as on a reader's terminal.
     * Before, less on the dumb terminal warned, waited for RETURN, then for a q at its (END).
     */
    @Test
    void aPagerCalledByNamePrintsAFileThatFitsAndQuits() {
        run("seq 1 3 > nums.txt");
        for (String pager : List.of("less nums.txt", "more nums.txt")) {
            CommandResult shown = run(pager);
            assertEquals(Status.COMPLETED, shown.status(), pager + ": " + shown.output());
            assertEquals(List.of("1", "2", "3"), TerminalText.lines(shown.output()), pager);
        }
    }

    /**
     * A command that follows its output, of which the guide shows none, gets Ctrl-C once its output has been still
     * for the quiet period (1.5 s here); one that keeps printing, once twice that has passed since it was typed.
     */
    @Test
    void anInterruptThatWaitsForNoWordsComesOnceTheOutputIsStill() {
        List<Interaction> stop = List.of(Interaction.interrupt(""));
        assertEquals(0, run("seq 1 3 > followed.log").exit());
        long started = System.nanoTime();
        CommandResult followed = shell.run("tail -f followed.log", stop, T, null);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Status.COMPLETED, followed.status());
        assertEquals(130, followed.exit());
        assertEquals("1\n2\n3\n", followed.output().replace("^C", "").replace("\r", "").strip() + "\n");
        assertTrue(tookMs >= 1_400 && tookMs < 6_000, "stopped after " + tookMs + " ms");
        started = System.nanoTime();
        CommandResult printing = shell.run("while :; do echo tick; sleep 0.2; done", stop, T, null);
        tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(130, printing.exit());
        assertTrue(tookMs >= 2_900 && tookMs < 8_000, "stopped after " + tookMs + " ms, not at the step's timeout");
        assertEquals(0, run("true").exit(), "the shell is back at its prompt");
    }

    /**
     * A program that prints the words an interrupt waits for and goes on printing (a busy log, {@code yes}) gets
     * Ctrl-C soon after them: each new piece of output once put it off again, and the step ran into its timeout.
     */
    @Test
    void anInterruptsWordsComeAndAProgramThatGoesOnPrintingIsStoppedSoonAfter() {
        long started = System.nanoTime();
        CommandResult busy = shell.run("echo 'Press CTRL+C to quit'; yes tick",
                List.of(Interaction.interrupt("to quit")), T, null, OutputLimit.of(1L << 16));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Status.COMPLETED, busy.status());
        assertEquals(130, busy.exit());
        assertTrue(busy.output().startsWith("Press CTRL+C to quit"), busy.output().substring(0, 80));
        assertTrue(tookMs < 5_000, "stopped after " + tookMs + " ms, not at the step's timeout");
        assertEquals(0, run("true").exit(), "the shell is back at its prompt");
    }

    /**
     * A command silent past the quiet period is looked at once for a prompt, then waited for: the loop once polled
     * without waiting from then on, a core busy for as long as the command stayed silent. Counted as this thread's
     * CPU time (the loop runs on it): about nothing when waiting, most of the two silent seconds when spinning.
     */
    @Test
    void aCommandSilentPastTheQuietPeriodIsWaitedForWithoutSpinning() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        CommandResult slept = run("sleep 3.5");
        long usedMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        assertEquals(Status.COMPLETED, slept.status());
        assertTrue(usedMs < 100, "the session's loop used " + usedMs + " ms of CPU while a command slept 2 s past the quiet period");
    }

    /**
     * A server the guide starts in the foreground and nothing stops (no Ctrl-C, no other terminal) runs on in its
     * terminal once its output has been still for twice the quiet period, as on the reader's terminal, and the next
     * terminal reaches it: before, it ran to the step's timeout and failed. A server started in the back listens
     * too, and the quiet command at the front is waited for; so is one that listens on a port it never named,
     * where one whose command line names its port, printing nothing of it, is left running.
     */
    @Test
    void aServerNothingStopsIsLeftRunningInItsTerminalOnceStill() {
        long started = System.nanoTime();
        CommandResult served = run("python3 -m http.server --bind 127.0.0.1 0");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Status.COMPLETED, served.status(), served.output());
        assertTrue(served.output().startsWith("Serving HTTP on 127.0.0.1 port "), served.output());
        assertTrue(tookMs >= 2_900 && tookMs < 12_000, "left running after " + tookMs + " ms");
        assertTrue(shell.holdsACommand());
        String port = served.output().replaceAll("(?s).*? port (\\d+) .*", "$1");
        assertEquals(Optional.of("python3, listening on port " + port), shell.heldServer());
        // the next terminal, as the reader's, reaches it; the first is closed with the target
        Session held = shell;
        shell = target.openSession();
        assertNotSame(held, shell);
        assertEquals("200\n", run("python3 -c 'import urllib.request; print(urllib.request.urlopen("
                + "\"http://127.0.0.1:" + port + "/\").status)'").output());
        CommandResult back = run("python3 -m http.server --bind 127.0.0.1 0 >/dev/null 2>&1 & sleep 4; kill %1; "
                + "wait; echo waited");
        assertEquals(Status.COMPLETED, back.status(), back.output());
        assertTrue(back.output().contains("waited"), back.output());
        assertFalse(shell.holdsACommand());
        assertEquals(Optional.empty(), shell.heldServer());

        // a server that reads the terminal for its keys is left running, not interrupted as a silent reader: found
        // at the look for one, after the quiet period, before the look for a server after twice that
        long asked = System.nanoTime();
        CommandResult keys = run("python3 -c 'import socket, sys; s = socket.socket(); s.bind((\"127.0.0.1\", 0)); "
                + "s.listen(); print(\"on port\", s.getsockname()[1], \"- press q to quit\", flush=True); "
                + "sys.stdin.readline()'");
        long keysMs = (System.nanoTime() - asked) / 1_000_000;
        assertEquals(Status.COMPLETED, keys.status(), keys.output());
        assertTrue(keysMs < 2_900, "left running after " + keysMs + " ms");
        assertTrue(shell.heldServer().orElse("").startsWith("python3, listening on port "), keys.output());
        shell = target.openSession();

        // a server that prints nothing of its port (here, nothing at all), which its command line names
        CommandResult logged = run("python3 -m http.server --bind 127.0.0.1 8658 >/dev/null 2>&1");
        assertEquals(Status.COMPLETED, logged.status(), logged.output());
        assertEquals(Optional.of("python3, listening on port 8658"), shell.heldServer());
        shell = target.openSession();

        // a port the program never named is its own business (a notebook's kernel, a test run's server): waited for
        CommandResult unnamed = run("python3 -c 'import socket, time; s = socket.socket(); "
                + "s.bind((\"127.0.0.1\", 0)); s.listen(); print(\"working\", flush=True); time.sleep(5); "
                + "print(\"done\")'");
        assertEquals(Status.COMPLETED, unnamed.status(), unnamed.output());
        assertEquals("working\ndone\n", unnamed.output());
        assertFalse(shell.holdsACommand());
    }

    /**
     * A program that waits in a read of the terminal having asked nothing ({@code cat}, a {@code read} with no
     * prompt) is found once its output has been still for the quiet period, not at the step's timeout; a silent
     * computation is waited for, and so is a program that passes the terminal on (here {@code cat} under the name
     * of ssh), which reads it all the time while the program it serves works.
     */
    @Test
    void aSilentReadOfTheTerminalIsFoundOnceStillAndASilentComputationIsNot() {
        long started = System.nanoTime();
        CommandResult cat = run("cat");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Status.READING_SILENTLY, cat.status(), cat.output());
        assertEquals("cat", cat.lastLine());
        assertTrue(tookMs >= 1_400 && tookMs < 8_000, "found after " + tookMs + " ms");
        CommandResult read = run("read answer");
        assertEquals(Status.READING_SILENTLY, read.status(), read.output());
        assertEquals("bash", read.lastLine(), "the shell's own read");
        // a line editor with no prompt waits in a select of standard input alone: before, until the step's timeout
        CommandResult editor = run("python3 -c 'import readline; input()'");
        assertEquals(Status.READING_SILENTLY, editor.status(), editor.output());
        assertEquals("python3", editor.lastLine());

        // a pager of a file longer than the screen leaves on its q, and the shell goes on: before, it ignored every
        // key, and the shell was closed with it
        CommandResult paged = run("seq 1 500 > ~/long.txt; less ~/long.txt");
        assertEquals(Status.READING_SILENTLY, paged.status(), paged.output());
        assertEquals("less", paged.lastLine());
        assertEquals("the same shell\n", run("echo the same shell").output());

        CommandResult slept = run("sleep 3; echo awake");
        assertEquals(Status.COMPLETED, slept.status());
        assertEquals("awake\n", slept.output());
        assertEquals(0, run("cp /bin/cat ~/ssh").exit());
        CommandResult passing = shell.run("~/ssh", List.of(), Duration.ofSeconds(4), null);
        assertEquals(Status.TIMEOUT, passing.status(), "a program that passes the terminal on is waited for");
        assertEquals(0, run("rm ~/ssh").exit(), "the shell is back at its prompt");
    }

    /**
     * The lines a program reads without asking (cat's, then its Ctrl-D, then a bare read's) are typed as soon as it
     * reads the terminal, not once the output has been still for the quiet period: here ten minutes, against a step
     * of 20 s. Typed at the quiet period's end, each line took 2.5 s.
     */
    @Test
    void linesReadWithoutAskingAreTypedAsSoonAsTheProgramReads() {
        LocalTarget patient = LocalTarget.open(null, false, ShellSettings.DEFAULT.withQuietPeriod(Duration.ofMinutes(10)));
        try {
            Session session = patient.openSession();
            CommandResult typed = session.run("cat > notes.txt; read name; echo \"hello $name\"", List.of(
                    new Interaction("", "one", false, false, null), new Interaction("", "two", false, false, null),
                    new Interaction("", "^D", false, true, null), new Interaction("", "ada", false, false, null)),
                    T, null);
            assertEquals(Status.COMPLETED, typed.status(), typed.output());
            assertEquals(0, typed.exit());
            assertTrue(typed.output().endsWith("hello ada\n"), typed.output());
            assertEquals("one\ntwo\n", session.run("cat notes.txt", List.of(), T, null).output());
        } finally {
            patient.close();
        }
    }

    /**
     * A program that reads the terminal while the plan's next prompt has not shown asks otherwise than the guide shows
     * it: it is stopped once still, at the line it shows, where it waited for the step's timeout; a server the guide
     * stops with Ctrl-C at words still to come is waited for, even while it reads the terminal.
     */
    @Test
    void aProgramThatWaitsAtAnotherPromptThanThePlansIsStoppedThereOnceStill() {
        long started = System.nanoTime();
        CommandResult reworded = shell.run("printf 'Hit enter to notify mailman owner...'; read -r _",
                List.of(new Interaction("Hit enter to notify test owner...", "", false, false, null)), T, null);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Status.WAITING_FOR_INPUT, reworded.status(), reworded.output());
        assertEquals("Hit enter to notify mailman owner...", reworded.lastLine());
        assertTrue(tookMs < 8_000, "found after " + tookMs + " ms");
        CommandResult server = shell.run("read -r -t 4 _; echo serving; sleep 60",
                List.of(Interaction.interrupt("serving")), T, null);
        assertEquals(Status.COMPLETED, server.status(), server.output());
        assertEquals(130, server.exit(), "stopped by the guide's Ctrl-C once it served");
        assertTrue(server.output().startsWith("serving"), server.output());
    }

    /**
     * Which files are there, asked in the shell: a file, a folder and a dangling link are; a name full of shell
     * syntax is looked for as it is, and runs none of it; the session's variables and folder stay as they were.
     */
    @Test
    void existingFilesAreAskedInTheShellWithoutChangingIt() {
        Path home = target.home();
        String odd = "odd '$(touch pwned)' \\ \"$HOME\"\n`touch pwned2`";
        assertEquals(0, run("mkdir -p look/dir && cd look && touch plain " + BashQuoting.ansiC(odd)
                + " && ln -s nowhere gone && cd ~ && n=kept").exit());
        Path look = home.resolve("look");
        List<String> asked = List.of(look.resolve("plain").toString(), look.resolve("dir").toString(),
                look.resolve("gone").toString(), look.resolve(odd).toString(), look.resolve("missing").toString(),
                look.resolve("pwned").toString());
        Set<String> there = ExistingFiles.askedIn(shell, asked, T).orElseThrow();
        assertEquals(Set.copyOf(asked.subList(0, 4)), there);
        assertFalse(Files.exists(look.resolve("pwned")) || Files.exists(look.resolve("pwned2"))
                || Files.exists(home.resolve("pwned")) || Files.exists(home.resolve("pwned2")));
        CommandResult after = run("echo \"$n ${p-unset}\"");
        assertEquals("kept unset\n", after.output());
        assertEquals(home.toString(), after.cwd());
    }

    @Test
    void exitStatusAndOutputWithoutNewline() {
        CommandResult failed = run("ls /no/such/dir");
        assertEquals(Status.COMPLETED, failed.status());
        assertEquals(2, failed.exit());
        assertTrue(failed.output().contains("No such file or directory"), failed.output());
        CommandResult printf = run("printf 'a\\tb'");
        assertEquals("a\tb", printf.output());
        assertEquals(0, printf.exit());
    }

    @Test
    void severalLinesRunAsOneCommandWithOneResult() {
        CommandResult heredoc = run("cat > notes.txt <<'EOF'\nfirst $HOME\nsecond\nEOF\ncat notes.txt\n(exit 7)");
        assertEquals("first $HOME\nsecond\n", heredoc.output());
        assertEquals(7, heredoc.exit());
        CommandResult continued = run("echo one \\\n  two");
        assertEquals("one two\n", continued.output());
    }

    @Test
    void aLongLineArrivesWhole() {
        String word = "x".repeat(9000);
        CommandResult echoed = run("echo " + word + " | wc -c");
        assertEquals("9001", echoed.output().strip());
    }

    @Test
    void anyTextArrivesByteForByteEvenWhenItIsLongAndFullOfQuotes() {
        String text = ("It's \"quoted\" \\ back$lash `tick` \t tab, caf\u00e9 \u2603 \ud83d\ude00 ").repeat(150);
        CommandResult result = run("cat <<'EOF'\n" + text + "\nEOF");
        assertEquals(text + "\n", result.output());
    }

    @Test
    void echoTurnedBackOnByAProgramIsTurnedOffAgain() {
        CommandResult sane = run("stty sane; echo after");
        assertEquals("after\n", sane.output());
        assertEquals("again\n", run("echo again").output());
    }

    /** A command that prints itself ({@code exit} prints "exit") is no echo: its output stays, echo stays off. */
    @Test
    void anOutputThatBeginsAsTheCommandIsKept() {
        assertEquals("echo \"$BASH_COMMAND\"\n", run("echo \"$BASH_COMMAND\"").output());
        assertEquals("again\n", run("echo again").output());
    }

    /**
     * A shell a command opens takes the next commands once it is set up: its own variables and folder, the
     * exit status and folder of each command; its exit gives the commands back to the shell it was opened from,
     * as it was. Its prompt is no output of the command that opened it.
     */
    @Test
    void aShellACommandOpensTakesTheNextCommandsUntilItsExit() {
        run("cd ~ && export OUTER=outer");
        CommandResult opened = enter("bash");
        assertEquals(Status.COMPLETED, opened.status(), opened.output());
        assertEquals("", opened.output());
        assertEquals(0, opened.exit());
        assertEquals("2\n", run("echo $SHLVL").output());
        CommandResult inner = run("cd /tmp && export INNER=inner; echo \"$OUTER $INNER\"; false");
        assertEquals("outer inner\n", inner.output());
        assertEquals(1, inner.exit());
        assertEquals("/tmp", inner.cwd());
        CommandResult left = run("exit 3");
        assertEquals("exit\n", left.output());
        assertEquals(3, left.exit());
        assertEquals(target.home().toString(), left.cwd());
        assertEquals("1 outer unset\n", run("echo \"$SHLVL $OUTER ${INNER:-unset}\"").output());
    }

    /**
     * A shell whose prompt is nothing a prompt looks like (an empty PS1) is set up once it has been still for the
     * quiet period; what the command printed before it is its output.
     */
    @Test
    void aShellWithNoPromptToSeeIsSetUpOnceStill() {
        CommandResult opened = enter("echo starting; PS1= bash --norc");
        assertEquals(Status.COMPLETED, opened.status(), opened.output());
        assertEquals("starting\n", opened.output());
        assertEquals("inner 2\n", run("echo inner $SHLVL").output());
        assertEquals(0, run("exit").exit());
        assertEquals("outer 1\n", run("echo outer $SHLVL").output());
    }

    /**
     * A shell that is no bash does not answer the setup: the step says so within seconds, and the shell it was
     * opened from is back, as it was, for the next command.
     */
    @Test
    void aShellThatIsNoBashIsLeftAndTheSessionGoesOn() {
        long start = System.nanoTime();
        CommandResult opened = enter("sh");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(Status.SHELL_UNANSWERED, opened.status(), opened.output());
        assertTrue(seconds < 15, "it took " + seconds + " s to give up on sh");
        assertEquals("back 1\n", run("echo back $SHLVL").output());
    }

    /** A question before the shell opens waits for input as ever: the setup line is never typed as its answer. */
    @Test
    void aQuestionBeforeTheShellOpensIsNoPromptOfIt() {
        CommandResult asked = enter("read -r -p 'Password: ' typed; bash");
        assertEquals(Status.WAITING_FOR_INPUT, asked.status(), asked.output());
        assertEquals("Password:", asked.lastLine());
        assertEquals("nothing 1\n", run("echo ${typed:-nothing} $SHLVL").output());
    }

    private static CommandResult enter(String command) {
        return shell.enter(command, List.of(), T, null, OutputLimit.DEFAULT);
    }

    @Test
    void runsAsAnOrdinaryUserWhenWeAreRoot() {
        CommandResult who = run("id -un; id -u; echo $HOME");
        List<String> lines = who.output().lines().toList();
        assertEquals(target.facts().user(), lines.get(0));
        if (RunUser.weAreRoot()) {
            assertNotEquals("0", lines.get(1));
            assertTrue(lines.get(0).startsWith("rehearse-"));
        }
        assertEquals(target.home().toString(), lines.get(2));
    }

    @Test
    void aHiddenAnswerIsTypedButNeverShown() {
        String secret = "s3cret-Value";
        CommandResult result = shell.run("read -s -p 'Password: ' pw; echo; echo \"length ${#pw} ${pw:0:2}\"",
                List.of(new Interaction("Password:", secret, true, false, "pw")), T, null);
        assertEquals(Status.COMPLETED, result.status(), result.output());
        assertEquals("Password: \nlength 12 s3\n", result.output());
        assertFalse(result.output().contains(secret));
    }

    @Test
    void aVisibleAnswerShowsWhereATerminalEchoesIt() {
        CommandResult result = shell.run("read -p 'Name [robin]: ' n; echo \"hello $n\"",
                List.of(new Interaction("Name [robin]:", "ada", false, false, null)), T, null);
        assertEquals("Name [robin]: ada\nhello ada\n", result.output());
    }

    @Test
    void aPromptNobodyAnswersIsInterruptedAndTheShellLivesOn() {
        long start = System.nanoTime();
        CommandResult result = run("echo before; read -p 'Continue? [y/N] ' answer");
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(Status.WAITING_FOR_INPUT, result.status());
        assertEquals("Continue? [y/N]", result.lastLine());
        assertTrue(took < 6000, "took " + took + " ms");
        assertEquals("alive\n", run("echo alive").output());
    }

    @Test
    void aTimeoutInterruptsAndTheShellLivesOn() {
        CommandResult result = shell.run("sleep 60", List.of(), Duration.ofMillis(800), null);
        assertEquals(Status.TIMEOUT, result.status());
        assertTrue(result.elapsed().toMillis() < 5000, result.elapsed().toString());
        assertEquals("alive\n", run("echo alive").output());
    }

    @Test
    void writesAreAtomicKeepTheOldVersionAndBelongToTheRunUser() throws Exception {
        String path = target.home().resolve("etc/services.d/app.ini").toString();
        target.writeFile(path, "[program:app]\n");
        target.writeFile(path, "[program:app]\ncommand=true\n");
        assertEquals("[program:app]\ncommand=true\n", target.readFile("~/etc/services.d/app.ini").orElseThrow());
        assertTrue(target.readFile("~/etc/none.ini").isEmpty());
        assertFalse(Files.exists(Path.of(path + ".rehearse-bak")), "no backup beside the user's file");
        CommandResult owner = run("stat -c %U ~/etc/services.d ~/etc/services.d/app.ini && cat ~/etc/services.d/app.ini");
        assertEquals(target.facts().user() + "\n" + target.facts().user() + "\n[program:app]\ncommand=true\n",
                owner.output());
    }
}
