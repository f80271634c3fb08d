package dev.rehearse.targets.shell;

import dev.rehearse.model.CommandResult;
import dev.rehearse.model.CommandResult.Status;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.ShownAnswers;
import dev.rehearse.testing.ScriptedTransport.Chunking;
import dev.rehearse.testing.ScriptedTransport.Script;
import dev.rehearse.testing.ScriptedTransport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session protocol over a scripted shell: no process, so every way output can arrive (split at any byte,
 * slow, cut off) is tried on every build.
 */
class ShellSessionTest {
    private static final String HOME = "/home/isabell";
    private static final Duration T = Duration.ofSeconds(10);
    private static final ShellSettings FAST = new ShellSettings("dumb", 160, 50, Duration.ofMillis(300),
            Duration.ofMillis(40), Duration.ofSeconds(5), Duration.ofSeconds(3));

    private static ShellSession start(ScriptedTransport shell) {
        return ShellSession.start(shell, FAST);
    }

    /** The result of {@code command} and what the live progress was given, in one string. */
    private record Ran(CommandResult result, String progress) {
    }

    private static Ran run(ShellSession session, String command, List<Interaction> interactions, Duration timeout) {
        StringBuilder progress = new StringBuilder();
        CommandResult result = session.run(command, interactions, timeout, progress::append);
        return new Ran(result, progress.toString());
    }

    @Test
    void aSentinelSplitAtAnyByteStaysOutOfTheOutputAndTheProgress() {
        Map<String, Script> scripts = Map.of("make", Script.prints("built ✓\n").cd(HOME + "/src").exit(3));
        // the longest burst is the command's: its output and its sentinel
        int burst = ("built ✓\n\u001erehearse:0123456789ab:3:" + HOME + "/src\u001f").getBytes(StandardCharsets.UTF_8).length;
        for (int cut = 0; cut <= burst; cut++) {
            try (ShellSession session = start(ScriptedTransport.of(HOME, scripts).chunking(Chunking.cutAfter(cut)))) {
                Ran ran = run(session, "make", List.of(), T);
                String at = "cut after byte " + cut;
                assertEquals("built ✓\n", ran.result().output(), at);
                assertEquals("built ✓\n", ran.progress(), at);
                assertEquals(3, ran.result().exit(), at);
                assertEquals(HOME + "/src", ran.result().cwd(), at);
            }
        }
    }

    @Test
    void everyByteItsOwnReadAndAPauseBeforeEach() {
        ScriptedTransport shell = ScriptedTransport.of(HOME, Map.of(
                        "cat notes", Script.prints("ünïcode\r\nlines\r\n").exit(0),
                        "false", Script.exits(1)))
                .chunking(Chunking.everyByte()).pause(Duration.ofMillis(1));
        try (ShellSession session = start(shell)) {
            Ran cat = run(session, "cat notes", List.of(), T);
            assertEquals("ünïcode\nlines\n", cat.result().output());
            assertEquals("ünïcode\r\nlines\r\n", cat.progress());
            assertEquals(Status.COMPLETED, cat.result().status());
            assertEquals("lines", cat.result().lastLine());
            assertEquals(1, run(session, "false", List.of(), T).result().exit());
        }
    }

    @Test
    void anOutputThatLooksLikeTheStartOfASentinelIsShownOnceItIsNot() {
        String lookalike = "\u001erehearse:not-the-token\n";
        try (ShellSession session = start(ScriptedTransport.of(HOME, Map.of("odd", Script.prints(lookalike).exit(0)))
                .chunking(Chunking.everyByte()))) {
            Ran ran = run(session, "odd", List.of(), T);
            assertEquals(lookalike, ran.result().output());
            assertEquals(lookalike, ran.progress());
        }
    }

    @Test
    void aPromptIsAnsweredAndAHiddenAnswerIsNeitherInTheOutputNorInTheProgress() {
        ScriptedTransport shell = ScriptedTransport.of(HOME, Map.of("adduser", Script.prints("Name: ").awaitLine()
                        .print("Password: ").awaitLine().print("\ndone\n").exit(0)))
                .chunking(Chunking.everyByte());
        try (ShellSession session = start(shell)) {
            Ran ran = run(session, "adduser", List.of(
                    new Interaction("Name:", "isabell", false, false, null),
                    new Interaction("Password:", "s3cret-answer", true, false, "PW")), T);
            assertEquals(Status.COMPLETED, ran.result().status());
            assertEquals("Name: isabell\nPassword: \ndone\n", ran.result().output());
            assertEquals(ran.result().output(), ran.progress());
            assertTrue(shell.typed().containsAll(List.of("isabell", "s3cret-answer")), shell.typed().toString());
        }
    }

    @Test
    void aPromptNobodyAnswersIsInterruptedAsWaitingForInput() {
        ScriptedTransport shell = ScriptedTransport.of(HOME, Map.of(
                "rm -i x", Script.prints("rm: remove regular file 'x'? ").awaitLine().exit(0),
                "echo next", Script.prints("next\n").exit(0)));
        try (ShellSession session = start(shell)) {
            Ran ran = run(session, "rm -i x", List.of(), T);
            assertEquals(Status.WAITING_FOR_INPUT, ran.result().status());
            assertEquals("rm: remove regular file 'x'?", ran.result().lastLine());
            assertEquals(130, ran.result().exit());
            assertTrue(shell.typed().contains("^C"), shell.typed().toString());
            assertEquals("next\n", run(session, "echo next", List.of(), T).result().output(), "the session goes on");
        }
    }

    @Test
    void aProgramThatReadsTheTerminalWithoutAskingIsStoppedAndNamed() {
        ScriptedTransport shell = ScriptedTransport.of(HOME, Map.of(
                "cat > notes.txt", Script.prints("").readsSilentlyAs("cat").exit(0),
                "echo next", Script.prints("next\n").exit(0)));
        try (ShellSession session = start(shell)) {
            Ran ran = run(session, "cat > notes.txt", List.of(), T);
            assertEquals(Status.READING_SILENTLY, ran.result().status());
            assertEquals("cat", ran.result().lastLine());
            assertTrue(shell.typed().contains("^C"), shell.typed().toString());
            assertEquals("next\n", run(session, "echo next", List.of(), T).result().output(), "the session goes on");
        }
    }

    /**
     * A wizard's questions the plan read as output ({@link ShownAnswers}) get what the transcript shows after them,
     * once the program reads there: Enter where nothing is shown; a program not seen reading gets nothing typed (it
     * would reach the shell), and the answers are the next command's only.
     */
    @Test
    void whatTheTranscriptShowsAfterAQuestionIsTypedOnceTheProgramReadsThere() {
        List<String> shown = List.of("GnuPG needs to construct a user ID.", "", "Real name: Ada Lovelace", "Comment:");
        ScriptedTransport shell = ScriptedTransport.of(HOME, Map.of(
                "gpg --gen-key", Script.prints("GnuPG needs to construct a user ID.\n\nReal name: ")
                        .readsSilentlyAs("gpg").print("Comment: ").readsSilentlyAs("gpg").print("done\n").exit(0),
                "ask", Script.prints("Real name: ").awaitLine().exit(0)));
        try (ShellSession session = start(shell)) {
            session.answerAsShown(new ShownAnswers(shown));
            long started = System.nanoTime();
            Ran ran = run(session, "gpg --gen-key", List.of(), T);
            assertEquals(Status.COMPLETED, ran.result().status(), ran.result().lastLine());
            assertEquals("GnuPG needs to construct a user ID.\n\nReal name: Ada Lovelace\nComment: \ndone\n",
                    ran.result().output());
            assertTrue(System.nanoTime() - started < FAST.quietPeriod().toNanos(), "typed before the quiet period");

            session.answerAsShown(new ShownAnswers(shown));
            Ran unseen = run(session, "ask", List.of(), T);
            assertEquals(Status.WAITING_FOR_INPUT, unseen.result().status(), "no reader seen: nothing typed");
            Ran later = run(session, "gpg --gen-key", List.of(), T);
            assertEquals(Status.WAITING_FOR_INPUT, later.result().status(), "the answers were the command's before");
            assertEquals(1, shell.typed().stream().filter("Ada Lovelace"::equals).count(), shell.typed().toString());
        }
    }

    @Test
    void theShellBackAtItsPromptIsNoSilentReaderWhileItsSentinelIsStillOnItsWay() {
        ScriptedTransport shell = ScriptedTransport.of(HOME, Map.of(
                "python3 -m venv venv", new Script().endsAsLookedAt("bash", Duration.ofMillis(10))));
        try (ShellSession session = start(shell)) {
            Ran ran = run(session, "python3 -m venv venv", List.of(), T);
            assertEquals(Status.COMPLETED, ran.result().status(), ran.result().lastLine());
            assertEquals(0, ran.result().exit());
            assertFalse(shell.typed().contains("^C"), shell.typed().toString());
        }
    }

    /**
     * The login shell waiting for the command still on its way to it is no program that reads unasked: nothing the
     * transcript shows after the command is typed for it (it reached the shell after the command, which ran it:
     * "bash: Port: command not found" in the next step, on a busy machine). A command that makes the shell itself
     * read ({@code read -r}) still has the shell counted.
     */
    @Test
    void theShellWaitingForTheCommandOnItsWayIsNoSilentReader() {
        String shown = "Port 40132 will be open for TCP and UDP traffic in a few minutes.";
        ScriptedTransport shell = ScriptedTransport.of(HOME, Map.of(
                "uberspace port add", new Script().onItsWayFor(Duration.ofMillis(400))
                        .print("Port 52043 will be open for TCP and UDP traffic in a few minutes.\n").exit(0),
                "read -r who", new Script().readsSilentlyAsTheShell().exit(0)));
        try (ShellSession session = start(shell)) {
            session.answerAsShown(new ShownAnswers(List.of(shown)));
            Ran ran = run(session, "uberspace port add", List.of(), T);
            assertEquals(Status.COMPLETED, ran.result().status(), ran.result().lastLine());
            assertFalse(shell.typed().contains(shown), shell.typed().toString());

            session.answerAsShown(new ShownAnswers(List.of("Grace")));
            run(session, "read -r who", List.of(), T);
            assertTrue(shell.typed().contains("Grace"), "the shell's own read: " + shell.typed());
        }
    }

    @Test
    void aCommandPastItsTimeoutIsInterrupted() {
        try (ShellSession session = start(ScriptedTransport.of(HOME, Map.of("sleep 1000",
                Script.prints("sleeping\n").hang())))) {
            Ran ran = run(session, "sleep 1000", List.of(), Duration.ofMillis(200));
            assertEquals(Status.TIMEOUT, ran.result().status());
            assertEquals("sleeping\n^C\n", ran.result().output());
        }
    }

    @Test
    void aDroppedConnectionEndsTheCommandAndTheSessionSaysWhy() {
        ScriptedTransport shell = ScriptedTransport.of(HOME, Map.of("apt-get install synapse",
                Script.prints("Unpacking ...\n\u001ereh").drop("Connection reset by peer")));
        ShellSession session = start(shell);
        Ran ran = run(session, "apt-get install synapse", List.of(), T);
        assertEquals(Status.DISCONNECTED, ran.result().status());
        assertEquals("Unpacking ...\n\u001ereh", ran.result().output());
        assertEquals(ran.result().output(), ran.progress(), "what came before the drop is shown");
        assertEquals("Connection reset by peer", session.lostReason());
        assertFalse(session.isAlive());
        assertEquals(Status.DISCONNECTED, run(session, "true", List.of(), T).result().status());
        session.close();
    }

    @Test
    void aShellThatEndsWhileStartingIsReported() {
        ScriptedTransport mute = new ScriptedTransport(HOME, command -> null);
        mute.close(); // its output ends at once: the shell went away while starting
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> start(mute));
        assertTrue(e.getMessage().startsWith("the shell did not start: "), e.getMessage());
    }

    @Test
    void aMultiLineCommandGoesAsOneEvalOfQuotedPieces() {
        assertEquals("echo hi\n", ShellSession.encode("echo hi"));
        assertEquals("eval $'a\\nb'\n", ShellSession.encode("a\nb"));
        String encoded = ShellSession.encode("x".repeat(3001));
        assertTrue(encoded.startsWith("eval $'") && encoded.contains("\\\n"), encoded.substring(0, 20));
        assertTrue(encoded.lines().allMatch(line -> line.length() < 3000));
    }
}
