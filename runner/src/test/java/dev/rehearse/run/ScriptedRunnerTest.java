package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.check.CheckResult;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.model.CapturedValue;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Runbook;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;
import dev.rehearse.report.RunReport;
import dev.rehearse.testing.ScriptedTarget;
import dev.rehearse.testing.ScriptedTransport.Chunking;
import dev.rehearse.testing.ScriptedTransport.Script;
import dev.rehearse.testing.ScriptedTransport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.rehearse.run.Steps.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's flow on a scripted target (no process): verdicts, what is typed with the bindings applied, real
 * values mapped back, captures, secrets, lost shells, files.
 */
class ScriptedRunnerTest {
    private static final TargetFacts FACTS = new TargetFacts("u1234", "web7", "/home/u1234", "u1234.example.org");
    private static final String SECRET = "Qx7-not-for-any-eyes";
    /** how the look at the files a guide creates starts ({@link dev.rehearse.targets.ExistingFiles}) */
    private static final String LOOK = "(n=0; for p in ";
    private final Map<String, Script> scripts = new HashMap<>();
    private Chunking chunking = Chunking.everyByte();
    private final ScriptedTarget target = new ScriptedTarget(FACTS,
            () -> ScriptedTransport.of(FACTS.home(), scripts).chunking(chunking));

    private ScriptedRunnerTest on(String typed, Script script) {
        scripts.put(typed, script);
        return this;
    }

    private RunReport run(Steps steps, Bindings bindings, boolean keepGoing, RunListener listener) {
        return new Runner(target, StepSelection.ALL, keepGoing, listener).run(steps.plan(bindings));
    }

    private RunReport run(Steps steps) {
        return run(steps, Steps.bindingsFor(FACTS), false, RunListener.NONE);
    }

    private static List<Verdict> verdicts(RunReport report) {
        return report.results().stream().map(StepResult::verdict).toList();
    }

    /** the commands and answers typed, without the session's own setup */
    private List<String> typed() {
        return target.typed().stream().filter(line -> !line.startsWith("stty -echo") && !line.startsWith("printf '%s-%s"))
                .toList();
    }

    @Test
    void bindingsAreAppliedToWhatIsTypedAndRealValuesMappedBackBeforeTheCheck() {
        on("cd /home/u1234/synapse", new Script().cd("/home/u1234/synapse").exit(0))
                .on("echo \"$USER@$(hostname)\"; pwd", Script.prints("u1234@web7\n/home/u1234/synapse\n").exit(0));
        RunReport report = run(new Steps()
                .command("cd /home/isabell/synapse")
                .command("echo \"$USER@$(hostname)\"; pwd", "isabell@stardust", "/home/isabell/synapse"));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS), verdicts(report), () -> report.results().toString());
        assertEquals(List.of("cd /home/u1234/synapse", "echo \"$USER@$(hostname)\"; pwd"), typed());
        assertEquals("isabell@stardust\n/home/isabell/synapse", report.results().get(1).actual().strip());
    }

    @Test
    void aDriftGoesOnAFailStopsTheRestUnlessToldToKeepGoing() {
        on("echo hello", Script.prints("Hello\n").exit(0))
                .on("ls /nope", Script.prints("ls: cannot access '/nope': No such file or directory\n").exit(2))
                .on("echo three", Script.prints("three\n").exit(0));
        Steps steps = new Steps().command("echo hello", "hello").command("ls /nope").command("echo three", "three");
        RunReport stopped = run(steps);
        assertEquals(List.of(Verdict.DRIFT, Verdict.FAIL, Verdict.SKIP), verdicts(stopped));
        assertTrue(stopped.results().get(0).diff().contains("+Hello"), stopped.results().get(0).diff());
        assertEquals("exit status 2: ls: cannot access '/nope': No such file or directory", stopped.results().get(1).reason());
        assertEquals("after the FAIL of an earlier step", stopped.results().get(2).reason());
        assertEquals(List.of(Verdict.DRIFT, Verdict.FAIL, Verdict.PASS),
                verdicts(run(steps, Steps.bindingsFor(FACTS), true, RunListener.NONE)));
    }

    @Test
    void everyCheckIsRecordedAsPassedFailedOrWhyItDidNotRun() {
        on("echo one", Script.prints("one\n").exit(0))
                .on("ls /nope", Script.prints("ls: cannot access '/nope': No such file or directory\n").exit(2))
                .on("echo three", Script.prints("three\n").exit(0))
                .on("test -e one", Script.prints("").exit(0))
                .on("supervisorctl status synapse", Script.prints("synapse  STOPPED\n").exit(3));
        Steps steps = new Steps().command("echo one", "one").command("ls /nope").command("echo three", "three");
        List<Runbook.Check> checks = List.of(
                new Runbook.Check("one made", new Runbook.StepSelector(1, null, null, "runbook.yaml", 1), "test -e one", null,
                        Duration.ofSeconds(5), "runbook.yaml", 10),
                new Runbook.Check("synapse still runs at the end", null, "supervisorctl status synapse",
                        Pattern.compile("RUNNING"), Duration.ofSeconds(5), "runbook.yaml", 13),
                new Runbook.Check("never", new Runbook.StepSelector(9, null, null, "runbook.yaml", 1), "true", null,
                        Duration.ofSeconds(5), "runbook.yaml", 17));

        RunReport stopped = new Runner(target, StepSelection.ALL, false, RunListener.NONE)
                .run(steps.plan(Steps.bindingsFor(FACTS)), checks);
        assertEquals(List.of(
                new CheckResult("one made", "runbook.yaml", 10, 1, Verdict.PASS, null, Duration.ZERO),
                new CheckResult("synapse still runs at the end", "runbook.yaml", 13, 3, Verdict.SKIP,
                        "not run: step 2 failed", Duration.ZERO),
                new CheckResult("never", "runbook.yaml", 17, 0, Verdict.SKIP,
                        "not run: no step of the plan matches its after:", Duration.ZERO)),
                stopped.checks().stream().map(ScriptedRunnerTest::timeless).toList());

        RunReport keptGoing = new Runner(target, StepSelection.ALL, true, RunListener.NONE)
                .run(steps.plan(Steps.bindingsFor(FACTS)), checks);
        CheckResult atTheEnd = timeless(keptGoing.checks().get(1));
        assertEquals(new CheckResult("synapse still runs at the end", "runbook.yaml", 13, 3, Verdict.FAIL,
                "exit status 3", Duration.ZERO), atTheEnd);
        assertEquals(List.of(Verdict.PASS, Verdict.FAIL, Verdict.FAIL), verdicts(keptGoing),
                "a failed check fails its step, as before");
        assertEquals("check 'synapse still runs at the end' failed: exit status 3 (runbook.yaml:13)",
                keptGoing.results().get(2).reason());
    }

    @Test
    void theChecksOfAnInterruptedRunSayTheyDidNotRunAndWhy() {
        on("echo one", Script.prints("one\n").exit(0)).on("echo two", Script.prints("two\n").exit(0));
        Steps steps = new Steps().command("echo one", "one").command("echo two", "two");
        List<Runbook.Check> checks = List.of(
                new Runbook.Check("after one", new Runbook.StepSelector(1, null, null, "runbook.yaml", 1), "true", null,
                        Duration.ofSeconds(5), "runbook.yaml", 2),
                new Runbook.Check("at the end", null, "true", null, Duration.ofSeconds(5), "runbook.yaml", 5));
        Interruption stop = new Interruption();
        stop.request("Ctrl-C");

        RunReport report = new Runner(target, StepSelection.ALL, false, RunListener.NONE).interruptibleBy(stop)
                .run(steps.plan(Steps.bindingsFor(FACTS)), checks);

        assertEquals(List.of(Verdict.INTERRUPTED, Verdict.SKIP), verdicts(report));
        assertEquals(List.of("after one after 1: not run: the run was interrupted",
                "at the end after 2: not run: the run was interrupted"), report.checks().stream()
                .map(c -> c.name() + " after " + c.after() + ": " + c.reason()).toList());
    }

    @Test
    void aCheckRecordShowsASecretOnlyAsTheGuidesPlaceholder() {
        on("check-login " + SECRET, Script.prints("denied for " + SECRET + "\n").exit(1));
        Bindings bindings = Steps.bindingsFor(FACTS)
                .bind(new Binding("<my super secure password>", SECRET, Binding.Origin.GENERATED, true));
        on("echo one", Script.prints("one\n").exit(0));
        Runbook.Check login = new Runbook.Check(null, null, "check-login <my super secure password>", null,
                Duration.ofSeconds(5), "runbook.yaml", 3);

        RunReport report = new Runner(target, StepSelection.ALL, false, RunListener.NONE)
                .run(new Steps().command("echo one", "one").plan(bindings), List.of(login));

        assertTrue(typed().contains("check-login " + SECRET), "the check ran with the secret");
        CheckResult record = report.checks().get(0);
        assertEquals("check-login <my super secure password>: FAIL exit status 1",
                record.name() + ": " + record.verdict() + " " + record.reason());
        assertFalse(report.results().get(0).reason().contains(SECRET));
    }

    private static CheckResult timeless(CheckResult check) {
        return new CheckResult(check.name(), check.file(), check.line(), check.after(), check.verdict(),
                check.reason(), Duration.ZERO);
    }

    @Test
    void aHiddenPromptGetsTheBoundSecretWhichNeverShowsInTheReportOrTheProgress() {
        on("passwd", Script.prints("New password: ").awaitLine().print("\npassword updated\n").exit(0));
        Bindings bindings = Steps.bindingsFor(FACTS)
                .bind(new Binding("<my super secure password>", SECRET, Binding.Origin.GENERATED, true));
        List<String> progress = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void output(dev.rehearse.plan.Step step, String chunk) {
                progress.add(chunk);
            }
        };
        RunReport report = run(new Steps().command("passwd", StepPolicy.DEFAULT,
                List.of(new Interaction("New password:", null, true, false, "<my super secure password>")),
                List.of(), lines("New password: ", "password updated")), bindings, false, listener);
        assertEquals(List.of(Verdict.PASS), verdicts(report), () -> report.results().toString());
        assertTrue(typed().contains(SECRET), "the secret is typed");
        StepResult r = report.results().get(0);
        assertFalse((r.expected() + r.actual() + r.diff()).contains(SECRET));
        assertFalse(String.join("", progress).contains(SECRET));
        assertFalse(String.join("", progress).contains("\u001e"), "no sentinel byte in the progress");
    }

    @Test
    void aCapturedValueIsBoundForTheStepsAfterIt() {
        on("register", Script.prints("user id: u-8f3a\n").exit(0))
                .on("curl -H 'X-User: u-8f3a' localhost", Script.prints("ok\n").exit(0));
        RunReport report = run(new Steps()
                .command("register", StepPolicy.DEFAULT, List.of(),
                        List.of(new Capture("<user-id>", "user id: (\\S+)")), lines("user id: <user-id>"))
                .command("curl -H 'X-User: <user-id>' localhost", "ok"));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS), verdicts(report), () -> report.results().toString());
        assertEquals(List.of(new CapturedValue(1, "<user-id>", "u-8f3a")), report.captured());
    }

    @Test
    void aCapturedValueWhosePlaceholderNamesASecretIsUsedButNeverShown() {
        on("register", Script.prints("access token: tok-8f3a\n").exit(0))
                .on("curl -H 'Authorization: tok-8f3a' localhost", Script.prints("ok tok-8f3a\n").exit(0));
        List<String> progress = new ArrayList<>();
        RunReport report = run(new Steps()
                .command("register", StepPolicy.DEFAULT, List.of(),
                        List.of(new Capture("<token>", "access token: (\\S+)")), lines("access token: <token>"))
                .command("curl -H 'Authorization: <token>' localhost", "ok <token>"), Steps.bindingsFor(FACTS), false,
                new RunListener() {
                    @Override
                    public void output(dev.rehearse.plan.Step step, String chunk) {
                        progress.add(chunk);
                    }
                });
        assertEquals(List.of(Verdict.PASS, Verdict.PASS), verdicts(report), () -> report.results().toString());
        assertEquals(List.of(), report.captured(), "a secret is not kept in the record");
        assertFalse(report.results().toString().contains("tok-8f3a"), report.results().toString());
        assertFalse(String.join("", progress).contains("tok-8f3a"), "nor in the live output");
    }

    /**
     * The guide's exit at the login shell logs out: the shell ending is what it asked for, and the next step logs in
     * again. An exit with a failing status, or any other command that loses the shell, is still a FAIL.
     */
    @Test
    void anExitAtTheLoginShellLogsOutAndTheNextStepLogsInAgain() {
        on("logout", Script.prints("logout\n").drop("Connection to web7 closed."))
                .on("echo fresh", Script.prints("fresh\n").exit(0))
                .on("exit 1", Script.prints("logout\n").drop("Connection to web7 closed."));
        RunReport report = run(new Steps().command("logout", "logout").command("echo fresh", "fresh")
                .command("exit 1"), Steps.bindingsFor(FACTS), true, RunListener.NONE);
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.FAIL), verdicts(report));
        assertEquals(2, target.shells().size(), "the login shell, then the one logged into again");
    }

    @Test
    void aCommandThatNeverEndsFailsAtOnceWithoutBeingTyped() {
        on("echo after", Script.prints("after\n").exit(0));
        RunReport report = run(new Steps().command("echo 'unbalanced").command("echo after", "after"),
                Steps.bindingsFor(FACTS), true, RunListener.NONE);
        assertEquals(List.of(Verdict.FAIL, Verdict.PASS), verdicts(report));
        assertEquals("the command never ends: bash would wait for more lines (an open quote or substitution, or a "
                + "trailing backslash); not typed", report.results().get(0).reason());
        assertEquals(List.of("echo after"), typed(), "typed, it would have left the shell waiting until the timeout");
    }

    @Test
    void aLostConnectionFailsItsStepWithTheReasonAndALaterStepGetsAFreshShell() {
        on("apt-get upgrade", Script.prints("Unpacking ...\n").drop("Connection to web7 closed by remote host."))
                .on("echo fresh", Script.prints("fresh\n").exit(0));
        RunReport report = run(new Steps().command("apt-get upgrade").command("echo fresh", "fresh"),
                Steps.bindingsFor(FACTS), true, RunListener.NONE);
        assertEquals(List.of(Verdict.FAIL, Verdict.PASS), verdicts(report));
        // the reason in the guide's terms, as everything the report says: web7 is the guide's stardust
        assertEquals("lost the shell during step 1: Connection to stardust closed by remote host.",
                report.results().get(0).reason());
        assertEquals(2, target.shells().size());
    }

    @Test
    void aStepPastItsTimeoutFailsAndTheNextRunsInTheSameShell() {
        chunking = Chunking.WHOLE;
        on("python3 -m http.server", Script.prints("Serving HTTP on 0.0.0.0 port 8000\n").hang())
                .on("echo after", Script.prints("after\n").exit(0));
        RunReport report = run(new Steps()
                .command("python3 -m http.server", Steps.timeout(Duration.ofMillis(300)), List.of(), List.of(), List.of())
                .command("echo after", "after"), Steps.bindingsFor(FACTS), true, RunListener.NONE);
        assertEquals(List.of(Verdict.FAIL, Verdict.PASS), verdicts(report));
        assertTrue(report.results().get(0).reason().startsWith("timed out after 300 ms (the step's timeout: --timeout, or "), report.results().get(0).reason());
        assertEquals(1, target.shells().size());
    }

    @Test
    void filesAreWrittenAndEditedWhereTheShellStands() {
        on("cd synapse", new Script().cd("/home/u1234/synapse").exit(0));
        target.writeFile("/home/u1234/synapse/homeserver.yaml", "server_name: isabell\nport: 8008\n");
        RunReport report = run(new Steps()
                .command("cd synapse")
                .step(new WriteStep(2, "fixture.rst", 20, List.of(), "~/etc/services.d/synapse.ini",
                        "[program:synapse]\ndirectory=/home/isabell\n", null))
                .step(new EditStep(3, "fixture.rst", 30, List.of(), "homeserver.yaml", "yaml", "port: 8009\n",
                        null)));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.PASS), verdicts(report),
                () -> report.results().toString());
        assertEquals("[program:synapse]\ndirectory=/home/u1234\n",
                target.files().get("/home/u1234/etc/services.d/synapse.ini"));
        assertEquals("server_name: isabell\nport: 8009\n", target.files().get("/home/u1234/synapse/homeserver.yaml"));
    }

    /**
     * The files the guide creates are looked for in the shell its first command needs: a shell that cannot start
     * fails that command, tried once, and the files are looked for through the target instead.
     */
    @Test
    void aShellThatCannotStartWhileTheFilesAreLookedForFailsTheFirstCommandTriedOnce() {
        java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
        ScriptedTarget unreachable = new ScriptedTarget(FACTS, () -> {
            starts.incrementAndGet();
            throw new IllegalStateException("the host does not answer");
        });
        RunReport report = new Runner(unreachable, StepSelection.ALL, false, RunListener.NONE).run(new Steps()
                .step(new WriteStep(1, "fixture.rst", 20, List.of(), "~/a.ini", "x\n", null))
                .command("echo after", "after").plan(Steps.bindingsFor(FACTS)));
        assertEquals(List.of(Verdict.PASS, Verdict.FAIL), verdicts(report), () -> report.results().toString());
        assertEquals("the host does not answer", report.results().get(1).reason());
        assertEquals(1, starts.get());
        assertEquals("x\n", unreachable.files().get("/home/u1234/a.ini"));
    }

    /**
     * The shell answers, in one command typed there, which of the files the guide creates were there before the run;
     * a look through the target (which holds neither file here) is not made. Lines that are no answer are passed
     * over, an index out of range too.
     */
    @Test
    void theFilesAGuideCreatesAreLookedForInTheShellInOneCommand() {
        ScriptedTarget answering = new ScriptedTarget(FACTS, () -> new ScriptedTransport(FACTS.home(), line ->
                line.startsWith(LOOK) ? Script.prints("a login script's trap\nrehearse-there:99999999999999999999\n"
                        + "rehearse-there:7\nrehearse-there:1\n").exit(0)
                        : line.equals("echo after") ? Script.prints("after\n").exit(0) : null));
        RunReport report = new Runner(answering, StepSelection.ALL, true, RunListener.NONE).run(new Steps()
                .step(new WriteStep(1, "fixture.rst", 20, List.of(), "~/a.ini", "x\n", null))
                .step(new WriteStep(2, "fixture.rst", 30, List.of(), "~/b.ini", "y\n", null))
                .command("echo after", "after").plan(Steps.bindingsFor(FACTS)));
        assertEquals(List.of(Verdict.PASS, Verdict.FAIL, Verdict.PASS), verdicts(report),
                () -> report.results().toString());
        assertEquals("not replaced: ~/b.ini was there before the run, and the guide creates it anew",
                report.results().get(1).reason());
        assertEquals("x\n", answering.files().get("/home/u1234/a.ini"));
        assertFalse(answering.files().containsKey("/home/u1234/b.ini"));
        List<String> looks = answering.typed().stream().filter(line -> line.startsWith(LOOK)).toList();
        assertEquals(1, looks.size(), answering.typed()::toString);
        assertTrue(looks.get(0).contains(" $'/home/u1234/a.ini' $'/home/u1234/b.ini'; "), looks.get(0));
    }

    @Test
    void aTargetThatCannotWriteFailsTheStepSayingWhyWithItsCause() {
        target.failWrites(() -> new java.io.UncheckedIOException("cannot write /home/u1234/a.ini",
                new java.io.IOException("No space left on device")));
        RunReport report = run(new Steps().step(new WriteStep(1, "fixture.rst", 20, List.of(), "~/a.ini", "x\n", null)));
        assertEquals(List.of(Verdict.FAIL), verdicts(report));
        assertEquals("cannot write /home/isabell/a.ini: No space left on device", report.results().get(0).reason());
    }

    @Test
    void aDefectInAStepIsAnErrorThatStopsTheRunAndHidesTheSecretsInItsLog() throws java.io.IOException {
        on("echo after", Script.prints("after\n").exit(0));
        target.failWrites(() -> new IllegalArgumentException("cannot place " + SECRET));
        Bindings bindings = Steps.bindingsFor(FACTS)
                .bind(new Binding("<my super secure password>", SECRET, Binding.Origin.GENERATED, true));
        RunReport report = run(new Steps()
                .step(new WriteStep(1, "fixture.rst", 20, List.of(), "~/a.ini", "x\n", null))
                .command("echo after", "after"), bindings, false, RunListener.NONE);
        assertEquals(List.of(Verdict.ERROR, Verdict.SKIP), verdicts(report));
        assertEquals("after the ERROR of an earlier step", report.results().get(1).reason());
        String reason = report.results().get(0).reason();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "internal error in run: IllegalArgumentException: cannot place <my super secure password>; "
                        + "details in (\\S+\\.log)").matcher(reason);
        assertTrue(m.matches(), reason);
        String trace = java.nio.file.Files.readString(java.nio.file.Path.of(m.group(1)));
        assertTrue(trace.contains("at dev.rehearse.testing.ScriptedTarget"), trace);
        assertFalse(trace.contains(SECRET), trace);
        java.nio.file.Files.delete(java.nio.file.Path.of(m.group(1)));
    }
}
