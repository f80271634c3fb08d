package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.bind.ShellText;
import dev.rehearse.check.Comparison;
import dev.rehearse.check.EffectLines;
import dev.rehearse.check.OutputCheck;
import dev.rehearse.check.ShownFailure;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.files.Backups;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.BoundedText;
import dev.rehearse.model.CapturedValue;
import dev.rehearse.model.CommandResult;
import dev.rehearse.model.Faults;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.ShownAnswers;
import dev.rehearse.model.AccountPassword;
import dev.rehearse.model.StandingAnswer;
import dev.rehearse.plan.AnswerRule;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.CaptureUses;
import dev.rehearse.plan.Captures;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Readiness;
import dev.rehearse.plan.Runbook.Check;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.ExistingFiles;
import dev.rehearse.targets.OutputLimit;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.Target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a plan on a target, step by step in one session, and judges each step: bindings applied before it
 * runs, real output mapped back to the guide's values before it is compared, captured values bound for the
 * steps after it. A FAIL stops the run (the rest SKIP) unless told to keep going; an {@link Interruption} stops it
 * too: the running step is INTERRUPTED, the rest SKIP. Before each step it hands its listener the run so far
 * as its record should read if the process ended then (that step INTERRUPTED).
 */
public final class Runner {
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** the most the look at the files a guide creates may take in the shell (a file operation's limit) */
    private static final Duration LOOK_TIMEOUT = Duration.ofSeconds(60);
    /** what leaves a shell with success: typed at the login shell, it logs out */
    private static final Pattern LOGS_OUT = Pattern.compile("(exit|logout)(\\s+0)?");
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(1);
    /** a readiness ends itself when its time is up; the session's own timeout is only the safety net */
    private static final Duration READY_GRACE = Duration.ofSeconds(30);

    private final Target target;
    private final StepSelection selection;
    private final boolean keepGoing;
    private final RunListener listener;
    private Backups backups = Backups.temporary();
    private Interruption interruption = new Interruption();
    private RunReport.Origin origin;
    private List<CapturedValue> inherited = List.of();
    private Bindings bindings;
    /** the sidecar's answers, given wherever their prompts come, in every session the run opens */
    private List<StandingAnswer> standingAnswers = List.of();
    private TranscriptJudge judge;
    private FailureReasons failures;
    private List<CapturedValue> captured;
    /** the commands each captured value goes into, to check it against */
    private CaptureUses captureUses;
    private volatile Session session;
    /** why the shell could not start for the look at the files the guide creates: the first command step's failure */
    private RuntimeException shellFailure;
    private String cwd;
    private UncapturedValues uncaptured;
    private EffectLines effectLines = EffectLines.with(List.of());
    private FileSteps files;
    /** {@code --max-output}: over the sidecar's {@code max_output}; null for that, else the default */
    private Long maxOutput;
    private Path reportDir;
    /** an older run left output files in the report folder: each step's own is looked for and removed */
    private boolean olderOutputFiles;
    private CheckRecords checkRecords;

    public Runner(Target target, StepSelection selection, boolean keepGoing, RunListener listener) {
        this.target = target;
        this.selection = selection;
        this.keepGoing = keepGoing;
        this.listener = listener == null ? RunListener.NONE : listener;
    }

    /** Keeps the originals of the files the run replaces in {@code folder} (the report folder's, say). */
    public Runner keepingOriginalsIn(Path folder) {
        this.backups = new Backups(folder);
        return this;
    }

    /** Stops at {@code stop}'s request: the running step's command is interrupted, the rest SKIP. */
    public Runner interruptibleBy(Interruption stop) {
        this.interruption = stop;
        stop.whenRequested(() -> {
            Session running = session;
            if (running != null) {
                running.interrupt();
            }
        });
        return this;
    }

    /**
     * Says in the report which run this is, and what the runs it builds on ({@code --from}) did on the target.
     *
     * @param captured what those runs' skipped steps captured: kept in this run's record for the next one
     */
    public Runner recordedAs(RunReport.Origin origin, List<CapturedValue> captured) {
        this.origin = origin;
        this.inherited = List.copyOf(captured);
        return this;
    }

    public RunReport run(Plan plan) {
        return run(plan, List.of());
    }

    /**
     * Keeps each step's output to {@code maxOutput} bytes (null: the sidecar's {@code max_output}, else
     * {@link OutputLimit#DEFAULT}); with a {@code reportDir}, the whole output of a step that outgrows it goes to
     * {@code <reportDir>/output/step-N.log}, named in the step's reason.
     */
    public Runner keepingOutput(Long maxOutput, Path reportDir) {
        this.maxOutput = maxOutput;
        this.reportDir = reportDir;
        return this;
    }

    /**
     * @param checks the sidecar's checks the guide does not show: each runs after the step its {@code after}
     *               selects (the last step that ran when null) and turns that step into a FAIL when it fails
     */
    public RunReport run(Plan plan, List<Check> checks) {
        return run(plan, checks, List.of());
    }

    /**
     * @param effects the runbook's own effect lines, on top of the built-in ones ({@link EffectLines}): where the
     *                guide shows one and the output contradicts it, the step FAILs
     */
    public RunReport run(Plan plan, List<Check> checks, List<Pattern> effects) {
        long started = System.nanoTime();
        effectLines = EffectLines.with(effects);
        bindings = plan.bindings();
        judge = new TranscriptJudge(bindings);
        failures = new FailureReasons(bindings, target, interruption);
        standingAnswers = standing(plan.answers());
        // the record's writer copies what is captured so far from its own thread
        captured = Collections.synchronizedList(new ArrayList<>(inherited));
        captureUses = new CaptureUses(plan.steps(), checks);
        uncaptured = new UncapturedValues();
        cwd = target.facts().home();
        return steps(plan, checks, started);
    }

    private RunReport steps(Plan plan, List<Check> checks, long started) {
        if (FileSteps.anyIn(plan)) {
            target.filesAhead();
        }
        List<String> created = FileSteps.created(plan, target);
        files = new FileSteps(target, backups, thereBefore(plan, created));
        olderOutputFiles = reportDir != null && OutputFile.anyIn(reportDir);
        int total = plan.steps().size();
        // the record's writer copies what is done from its own thread
        List<StepResult> results = Collections.synchronizedList(new ArrayList<>());
        boolean failed = false;
        int interruptedAt = 0;
        Verdict stoppedBy = null;
        // why the checks of the steps skipped after a FAIL do not run: "not run: step 12 failed"
        String checksStopped = null;
        checkRecords = CheckRecords.of(checks, plan, selection, bindings);
        for (Step step : plan.steps()) {
            StepPolicy policy = policy(step);
            StepResult result;
            String valueMissing = uncaptured.whyNotRun(step);
            String checksNotRun = null;
            if (!selection.includes(step.n())) {
                result = skip(step, selection.skipReason());
            } else if (valueMissing != null) {
                result = skip(step, valueMissing);
            } else if (failed && !keepGoing) {
                result = skip(step, "after the " + stoppedBy + " of an earlier step");
                checksNotRun = checksStopped;
            } else if (interruptedAt > 0) {
                result = skip(step, "after the interrupt at step " + interruptedAt);
                checksNotRun = CheckRecords.INTERRUPTED;
            } else if (policy.skip() != null) {
                result = skip(step, policy.skip());
            } else if (interruption.requested()) {
                result = interrupted(step, "before it started", Duration.ZERO, "");
            } else {
                listener.recorded(ifEndedDuring(plan, results, step, started));
                listener.stepStarted(step, total, bindings.redact(shown(step)));
                result = execute(step, policy);
                if (result.verdict() != Verdict.FAIL && policy.ready() != null) {
                    result = awaitReady(result, policy.ready());
                }
            }
            result = checksAfter(result, checksNotRun);
            if (result.verdict() == Verdict.FAIL || result.verdict() == Verdict.ERROR) {
                failed = true;
                stoppedBy = stoppedBy != null ? stoppedBy : result.verdict();
                checksStopped = checksStopped != null ? checksStopped : CheckRecords.notRunAfter(result);
            }
            uncaptured.after(result, bindings);
            if (result.verdict() == Verdict.INTERRUPTED) {
                interruptedAt = step.n();
            }
            results.add(result);
            listener.stepFinished(result, total);
        }
        RunReport report = report(plan, results, started);
        listener.ended(report);
        return report;
    }

    private RunReport report(Plan plan, List<StepResult> results, long started) {
        return new RunReport(plan.name(), plan.guide(), target.describe(), List.copyOf(results),
                Duration.ofNanos(System.nanoTime() - started), captured, origin, plan.vars(), checkRecords.all());
    }

    /**
     * The run as its record should read if the process ended while {@code next} runs: the steps done so far,
     * {@code next} INTERRUPTED (a SIGKILL leaves no time to say so later), the rest not reached. Made only when the
     * record is written, which is not before every step: made each time, it made a run quadratic in its steps.
     */
    private Supplier<RunReport> ifEndedDuring(Plan plan, List<StepResult> done, Step next, long started) {
        int reached = done.size();
        List<CapturedValue> values = captured;
        int capturedSoFar = values.size();
        int checkedSoFar = checkRecords.count();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return () -> {
            List<StepResult> soFar;
            synchronized (done) {
                soFar = new ArrayList<>(done.subList(0, reached));
            }
            List<CapturedValue> capturedThen;
            synchronized (values) {
                capturedThen = List.copyOf(values.subList(0, capturedSoFar));
            }
            // written at a second Ctrl-C too, just before the process ends at once
            String why = interruption.requested() ? "stopped at once during this step (" + interruption.cause()
                    + " twice)" : "the run ended during this step: its process (pid " + ProcessHandle.current().pid()
                    + ") was killed or lost";
            soFar.add(new StepResult(next, Verdict.INTERRUPTED, -1, "", "", "", why, Duration.ZERO));
            for (Step later : plan.steps().subList(reached + 1, plan.steps().size())) {
                soFar.add(skip(later, "not reached"));
            }
            return new RunReport(plan.name(), plan.guide(), target.describe(), soFar, elapsed, capturedThen,
                    origin, plan.vars(), checkRecords.soFar(checkedSoFar, "not run: the run ended before it"));
        };
    }

    /** @param output what it printed before it was stopped, in the guide's terms */
    private StepResult interrupted(Step step, String when, Duration elapsed, String output) {
        return new StepResult(step, Verdict.INTERRUPTED, -1, "", output, "", "interrupted by " + interruption.cause()
                + " " + when, elapsed);
    }

    private StepResult execute(Step step, StepPolicy policy) {
        long started = System.nanoTime();
        try {
            if (step instanceof CommandStep command) {
                return runCommand(command, policy, started);
            }
            return files.run(step, bindings, cwd, started);
        } catch (RuntimeException e) {
            if (e instanceof BadInput || Faults.isFailureOfTheMachine(e)) {
                // a target that cannot start its shell or write a file fails the step, not the whole run's report
                return fail(step, -1, "", "", "", Faults.withCauses(e), started);
            }
            // anything else is a defect of ours: told as one, the trace in a log file (secrets hidden there too)
            return new StepResult(step, Verdict.ERROR, -1, "", "", "", Faults.internalError(e, bindings::reverse),
                    elapsed(started));
        }
    }

    private StepResult runCommand(CommandStep step, StepPolicy policy, long started) {
        String open = ShellText.openBecause(step.command());
        if (open != null) {
            // typed, it would leave the shell waiting for the rest until the step's timeout
            return fail(step, -1, "", "", "", "the command never ends: bash would wait for more lines (" + open
                    + "); not typed", started);
        }
        String command = bindings.apply(step.command());
        List<Interaction> answers = new ArrayList<>();
        for (Interaction interaction : step.interactions()) {
            String answer = answerOf(interaction);
            if (answer == null && AccountPassword.isItsBinding(interaction.binding())) {
                continue; // never guessed (AccountPassword); where it is asked, the step waits for input and says why
            }
            if (answer == null) {
                return fail(step, -1, "", "", "", "no value is bound to '" + interaction.binding()
                        + "' for the prompt '" + interaction.prompt().strip() + "'", started);
            }
            answers.add(new Interaction(bindings.apply(interaction.prompt()), answer, interaction.hidden(),
                    interaction.eof(), interaction.binding()));
        }
        Session shell = session();
        long deadline = started + policy.timeout().toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            OutputFile whole = reportDir == null ? null : new OutputFile(reportDir, step.n(), olderOutputFiles);
            LiveRedaction live = new LiveRedaction(bindings, chunk -> {
                listener.output(step, chunk);
                if (whole != null) {
                    whole.accept(chunk);
                }
            }, Captures.secretsAmong(bindings, step));
            OutputLimit limit = maxOutput != null ? OutputLimit.of(maxOutput)
                    : policy.maxOutput() != null ? OutputLimit.of(policy.maxOutput()) : OutputLimit.DEFAULT;
            shell.answerAsShown(shownAnswers(step));
            CommandResult result = step.opensShell() ? shell.enter(command, answers, left, live, limit)
                    : shell.run(command, answers, left, live, limit);
            live.flush();
            if (result.status() == CommandResult.Status.DISCONNECTED && LOGS_OUT.matcher(command.strip()).matches()) {
                // the guide logs out of the login shell, which ended as it asked; a later step logs in again, as
                // its reader would, in a fresh login shell at home
                result = new CommandResult(CommandResult.Status.COMPLETED, 0, result.output(), target.facts().home(),
                        result.lastLine(), result.elapsed(), result.cut());
                session = null;
            }
            String heldNote = null;
            if (shell.holdsACommand()) {
                // the guide goes on in a new terminal, at home as the reader's new one is, the command running on
                result = new CommandResult(CommandResult.Status.COMPLETED, 0, result.output(), target.facts().home(),
                        result.lastLine(), result.elapsed(), result.cut());
                session = null;
                heldNote = shell.heldServer().map(server -> "left running in its terminal (" + server + "), as a "
                        + "server the guide does not stop runs on: the next steps go into a new one")
                        .orElse("left running in its terminal: the next steps go into a new one, as the guide says");
            }
            String wholeOutput = whole == null ? null : whole.finish(result.cut());
            if (result.cwd() != null) {
                cwd = result.cwd();
            }
            if (result.status() == CommandResult.Status.INTERRUPTED) {
                return interrupted(step, "after " + String.format(Locale.ROOT, "%.1f s", elapsed(started).toMillis()
                        / 1000.0), elapsed(started), bindings.reverse(result.output()));
            }
            String why = failures.of(step, result, policy, shell::lostReason);
            if (result.status() == CommandResult.Status.DISCONNECTED) {
                // a later step (with --keep-going) starts a fresh shell
                session = null;
            }
            // a failure the guide may show: a non-zero exit where no other was asked for
            boolean exitAlone = why != null && result.status() == CommandResult.Status.COMPLETED
                    && policy.expectExit() == 0;
            if (why == null || exitAlone) {
                // bound first, so that the step's own output maps back to the guide's value too
                String missed = capture(step, result.output());
                exitAlone &= missed == null;
                why = why == null ? missed : why;
            }
            String actualOutput = bindings.reverse(result.output());
            Comparison comparison = judge.judge(step, actualOutput, result.output());
            String shownFailure = null;
            if (exitAlone && comparison.matches() && ShownFailure.shows(step.expected(), actualOutput)) {
                shownFailure = "exit status " + result.exit() + ": the failure the guide shows";
                why = null;
            }
            if (why == null) {
                // an effect or state the guide shows and the output contradicts: the command did not do it
                why = effectLines.contradiction(step.expected(), actualOutput);
                why = why == null ? null : why + TargetGaps.told(target, result.output());
            }
            // a status-like command may also exit non-zero until the thing it reports is up (supervisorctl)
            boolean settled = why == null && comparison.matches();
            if (policy.eventually() && !settled && result.status() == CommandResult.Status.COMPLETED
                    && deadline - System.nanoTime() > RETRY_PAUSE.toNanos()) {
                pause();
                continue;
            }
            String cut = result.cut() ? FailureReasons.cutNote(limit, comparison.matches(), wholeOutput) : null;
            if (why != null) {
                String diff = comparison.matches() ? OutputCheck.diff(step.expected(), actualOutput) : comparison.diff();
                return fail(step, result.exit(), comparison.expected(), comparison.actual(), diff,
                        cut == null ? why : why + "; " + cut, started);
            }
            String note = String.join("; ", Stream.of(heldNote, shownFailure, cut).filter(Objects::nonNull).toList());
            return new StepResult(step, comparison.matches() ? Verdict.PASS : Verdict.DRIFT, result.exit(),
                    comparison.expected(), comparison.actual(), comparison.diff(), note.isEmpty() ? null : note,
                    elapsed(started));
        }
    }

    /**
     * Waits on the target until what the sidecar calls ready holds (a port listening, an HTTP answer, a command
     * that succeeds), telling the listener what it waits for; a FAIL that says what never became ready when the
     * time is up. The wait is the step's time.
     */
    private StepResult awaitReady(StepResult result, Readiness ready) {
        long started = System.nanoTime();
        String bound = bindings.apply(ready.what());
        String what = ready.describe(bound);
        listener.waiting(result.step(), bindings.redact(what), ready.timeout());
        String why = null;
        if (ready.kind() == Readiness.Kind.PORT && !bound.matches("\\d{1,5}")) {
            why = what + ": not a port number";
        } else {
            CommandResult ran = session().run(ready.waitCommand(bound), List.of(),
                    ready.timeout().plus(READY_GRACE), null);
            if (ran.status() == CommandResult.Status.INTERRUPTED) {
                // a Ctrl-C while the service came up: the wait was cut short, which says nothing of the service
                return interrupted(result.step(), bindings.reverse("while it waited for " + what),
                        result.elapsed().plus(elapsed(started)), result.actual());
            }
            if (ran.status() != CommandResult.Status.COMPLETED || ran.exit() != 0) {
                String last = ran.output().isBlank() ? "" : "; last try: " + ran.output().strip().lines()
                        .reduce((a, b) -> b).orElse("");
                why = "never became ready within " + FailureReasons.seconds(ready.timeout()) + ": " + what + last;
            }
        }
        Duration took = result.elapsed().plus(elapsed(started));
        if (why == null) {
            return new StepResult(result.step(), result.verdict(), result.exit(), result.expected(), result.actual(),
                    result.diff(), result.reason(), took);
        }
        return new StepResult(result.step(), Verdict.FAIL, result.exit(), result.expected(), result.actual(),
                result.diff(), bindings.reverse(why), took);
    }

    /**
     * Makes the checks that follow the step, or records why each does not run: {@code notRun}, or the step did not
     * run, or not to a good end. A check after one that failed does not run either: the step failed.
     */
    private StepResult checksAfter(StepResult result, String notRun) {
        for (Check check : checkRecords.following(result.step())) {
            String why = notRun != null ? notRun : CheckRecords.notRunAfter(result);
            if (why == null) {
                result = checked(result, check);
            } else {
                checkRecords.add(check, result.step(), Verdict.SKIP, why, Duration.ZERO);
            }
        }
        return result;
    }

    /**
     * Runs a check after the step it follows, and records it; a failed check makes the step a FAIL that says which
     * and why.
     */
    private StepResult checked(StepResult result, Check check) {
        long started = System.nanoTime();
        String name = check.title();
        CommandResult ran = session().run(bindings.apply(check.command()), List.of(),
                check.timeout() != null ? check.timeout() : CHECK_TIMEOUT, null);
        String output = bindings.reverse(ran.output());
        if (ran.status() == CommandResult.Status.INTERRUPTED) {
            checkRecords.add(check, result.step(), Verdict.SKIP, "not run to its end: the run was interrupted during it",
                    elapsed(started));
            return interrupted(result.step(), "during check '" + name + "'", result.elapsed().plus(elapsed(started)),
                    result.actual());
        }
        String why = null;
        boolean completed = ran.status() == CommandResult.Status.COMPLETED;
        if (!completed || ran.exit() != 0) {
            why = completed ? "exit status " + ran.exit() : ran.status().name().toLowerCase().replace('_', ' ');
        } else if (check.expect() != null) {
            why = whyNotExpected(check.expect(), output);
        }
        checkRecords.add(check, result.step(), why == null ? Verdict.PASS : Verdict.FAIL, why, elapsed(started));
        if (why == null) {
            // the check ran on the target as part of the step: its time is the step's, not the runner's
            return new StepResult(result.step(), result.verdict(), result.exit(), result.expected(), result.actual(),
                    result.diff(), result.reason(), result.elapsed().plus(elapsed(started)));
        }
        return new StepResult(result.step(), Verdict.FAIL, result.exit(), result.expected(), result.actual(),
                result.diff(), bindings.reverse("check '" + name + "' failed: " + why + " (" + check.file() + ":"
                + check.line() + ")"), result.elapsed().plus(elapsed(started)));
    }

    /**
     * Which of the files the guide creates were there before the run. Asked in the shell where a command needs it
     * anyway ({@link ExistingFiles}: one command there, where a look through the target starts a program on the
     * target for each file), else through the target.
     */
    private Set<String> thereBefore(Plan plan, List<String> created) {
        if (created.isEmpty()) {
            return Set.of();
        }
        Session shell = null;
        if (plan.steps().stream().anyMatch(s -> s instanceof CommandStep && selection.includes(s.n()))) {
            try {
                shell = session();
            } catch (RuntimeException cannotStart) {
                shellFailure = cannotStart;
            }
        }
        if (shell != null) {
            Optional<Set<String>> there = ExistingFiles.askedIn(shell, created, LOOK_TIMEOUT);
            if (there.isPresent()) {
                return there.get();
            }
            if (interruption.requested()) {
                return Set.of(); // no step runs
            }
        }
        Set<String> there = new HashSet<>();
        for (String path : created) {
            if (target.readFile(path).isPresent()) {
                there.add(path);
            }
        }
        return there;
    }

    private Session session() {
        if (session == null) {
            if (shellFailure != null) {
                RuntimeException failed = shellFailure;
                shellFailure = null;
                throw failed;
            }
            session = target.openSession();
            session.answerWherever(standingAnswers);
            if (interruption.requested()) {
                // asked while the shell started, before the request could reach it
                session.interrupt();
            }
        }
        return session;
    }

    /**
     * The answers typed at a rule's prompt where the plan has none for it: a rule is written against the guide's
     * text, so the terminal's line is read with the target's values mapped back to the guide's (captures included).
     */
    private List<StandingAnswer> standing(List<AnswerRule> rules) {
        List<StandingAnswer> answers = new ArrayList<>();
        for (AnswerRule rule : rules) {
            String answer = rule.binding() != null ? bindings.get(rule.binding()).map(Binding::value).orElseThrow()
                    : bindings.apply(rule.answer());
            answers.add(new StandingAnswer(rule.prompt(), answer, rule.hidden(), line -> bindings.reverse(line)));
        }
        return answers;
    }

    /**
     * the step's lines of output, which show what was typed after a question the plan did not read as one, or into
     * a program that asks nothing; and where the input ended
     */
    private ShownAnswers shownAnswers(CommandStep step) {
        List<String> lines = new ArrayList<>();
        for (ExpectedLine line : step.expected()) {
            if (line.kind() == ExpectedLine.Kind.OUTPUT) {
                lines.add(line.text());
            } else if (line.kind() == ExpectedLine.Kind.END_OF_INPUT) {
                lines.add(ShownAnswers.END_OF_INPUT);
            }
        }
        return new ShownAnswers(lines, bindings::apply);
    }

    /** the answer to type: a bound secret for a hidden prompt, else the guide's answer with bindings applied */
    private String answerOf(Interaction interaction) {
        if (interaction.binding() != null) {
            return bindings.get(interaction.binding()).map(Binding::value).orElse(null);
        }
        return interaction.answer() == null ? "" : bindings.apply(interaction.answer());
    }

    /** Why a check's output is not what its {@code expect} asks, or null when it is. */
    private static String whyNotExpected(Pattern expect, String output) {
        try {
            return expect.matcher(BoundedText.of(output)).find() ? null
                    : "its output has nothing like /" + expect.pattern() + "/";
        } catch (BoundedText.TooSlow slow) {
            return BoundedText.TooSlow.told("its expect", "the output");
        }
    }

    /**
     * Binds each capture's group 1, found in the real output, for the steps after this one; a captured value is
     * held to the same shell-safety rules as any binding. Returns why the step fails, or null.
     */
    private String capture(CommandStep step, String realOutput) {
        Captures.Result found;
        try {
            found = Captures.bind(bindings, captureUses, step, realOutput);
        } catch (BadInput unsafe) {
            return "captured value refused: " + unsafe.problem();
        } catch (BoundedText.TooSlow slow) {
            return "the capture's expression gave up on the output after " + BoundedText.LIMIT.toSeconds()
                    + " s (it backtracks without end): make it simpler";
        }
        for (Binding value : found.bound()) {
            if (!value.secret()) {
                captured.add(new CapturedValue(step.n(), value.literal(), value.value()));
            }
        }
        if (!found.missed().isEmpty()) {
            Capture capture = found.missed().get(0);
            return "nothing in the output matches the capture of '" + capture.literal() + "' (" + capture.regex() + ")";
        }
        return null;
    }

    private StepResult fail(Step step, int exit, String expected, String actual, String diff, String why,
                            long started) {
        return new StepResult(step, Verdict.FAIL, exit, expected, actual, diff, bindings.reverse(why),
                elapsed(started));
    }

    private static StepResult skip(Step step, String why) {
        return new StepResult(step, Verdict.SKIP, -1, "", "", "", why, Duration.ZERO);
    }

    static StepPolicy policy(Step step) {
        return step.policy() != null ? step.policy() : StepPolicy.DEFAULT;
    }

    private static String shown(Step step) {
        return step instanceof CommandStep c ? c.command() : FileSteps.title(step);
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
