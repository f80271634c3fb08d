package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.check.Comparison;
import dev.rehearse.check.OutputCheck;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.files.YamlMerge;
import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.Captures;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.Interaction;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Runbook.Check;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.CommandResult;
import dev.rehearse.targets.OutputLimit;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetPaths;
import dev.rehearse.targets.shell.TerminalText;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan on a target, step by step in one session, and judges each step: bindings applied before it
 * runs, real output mapped back to the guide's values before it is compared, captured values bound for the
 * steps after it. A FAIL stops the run (the rest SKIP) unless told to keep going.
 */
public final class Runner {
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(1);
    /** the longest last output line a FAIL's reason quotes */
    private static final int LAST_WORDS = 160;

    private final Target target;
    private final StepSelection selection;
    private final boolean keepGoing;
    private final RunListener listener;
    private Bindings bindings;
    private List<RunReport.CapturedValue> captured;
    private List<Step> steps;
    private Session session;
    private String cwd;
    /** {@code --max-output}: over the sidecar's {@code max_output}; null for that, else the default */
    private Long maxOutput;
    private Path reportDir;

    public Runner(Target target, StepSelection selection, boolean keepGoing, RunListener listener) {
        this.target = target;
        this.selection = selection;
        this.keepGoing = keepGoing;
        this.listener = listener == null ? RunListener.NONE : listener;
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
        long started = System.nanoTime();
        bindings = plan.bindings().copy();
        captured = new ArrayList<>();
        steps = plan.steps();
        cwd = target.facts().home();
        int total = plan.steps().size();
        List<StepResult> results = new ArrayList<>();
        boolean failed = false;
        Step last = lastToRun(plan);
        for (Step step : plan.steps()) {
            StepPolicy policy = policy(step);
            StepResult result;
            if (!selection.includes(step.n())) {
                result = skip(step, selection.skipReason());
            } else if (failed && !keepGoing) {
                result = skip(step, "after the FAIL of an earlier step");
            } else if (policy.skip() != null) {
                result = skip(step, policy.skip());
            } else {
                listener.stepStarted(step, total, bindings.redact(shown(step)));
                result = execute(step, policy);
                for (Check check : checks) {
                    boolean endCheck = check.after() == null && step == last;
                    if (result.verdict() != Verdict.FAIL && (endCheck
                            || check.after() != null && check.after().matches(step))) {
                        result = checked(result, check);
                    }
                }
                failed |= result.verdict() == Verdict.FAIL;
            }
            results.add(result);
            listener.stepFinished(result, total);
        }
        return new RunReport(plan.name(), plan.guide(), target.describe(), results,
                Duration.ofNanos(System.nanoTime() - started), captured);
    }

    private StepResult execute(Step step, StepPolicy policy) {
        long started = System.nanoTime();
        try {
            if (step instanceof CommandStep command) {
                return runCommand(command, policy, started);
            }
            return step instanceof WriteStep write ? writeFile(write, started) : editFile((EditStep) step, started);
        } catch (RuntimeException e) {
            // a target that cannot start its shell or write a file fails the step, not the whole run's report
            return fail(step, -1, "", "", "", String.valueOf(e.getMessage()), started);
        }
    }

    private StepResult runCommand(CommandStep step, StepPolicy policy, long started) {
        String command = bindings.apply(step.command());
        List<Interaction> answers = new ArrayList<>();
        for (Interaction interaction : step.interactions()) {
            String answer = answerOf(interaction);
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
            OutputFile whole = reportDir == null ? null : new OutputFile(reportDir, step.n());
            LiveRedaction live = new LiveRedaction(bindings, chunk -> {
                listener.output(step, chunk);
                if (whole != null) {
                    whole.accept(chunk);
                }
            });
            OutputLimit limit = maxOutput != null ? OutputLimit.of(maxOutput)
                    : policy.maxOutput() != null ? OutputLimit.of(policy.maxOutput()) : OutputLimit.DEFAULT;
            CommandResult result = shell.run(command, answers, left, live, limit);
            live.flush();
            String wholeOutput = whole == null ? null : whole.finish(result.cut());
            if (result.cwd() != null) {
                cwd = result.cwd();
            }
            String why = whyFailed(step, result, policy);
            if (result.status() == CommandResult.Status.DISCONNECTED) {
                // a later step (with --keep-going) starts a fresh shell
                session = null;
            }
            if (why == null) {
                // bound first, so that the step's own output maps back to the guide's value too
                why = capture(step, result.output());
            }
            String actualOutput = bindings.reverse(result.output());
            Comparison comparison = judged(step.expected(), actualOutput, result.output());
            // a status-like command may also exit non-zero until the thing it reports is up (supervisorctl)
            boolean settled = why == null && comparison.matches();
            if (policy.eventually() && !settled && result.status() == CommandResult.Status.COMPLETED
                    && deadline - System.nanoTime() > RETRY_PAUSE.toNanos()) {
                pause();
                continue;
            }
            String cut = result.cut() ? cutNote(limit, comparison.matches(), wholeOutput) : null;
            if (why != null) {
                String diff = comparison.matches() ? OutputCheck.diff(step.expected(), actualOutput) : comparison.diff();
                return fail(step, result.exit(), comparison.expected(), comparison.actual(), diff,
                        cut == null ? why : why + "; " + cut, started);
            }
            return new StepResult(step, comparison.matches() ? Verdict.PASS : Verdict.DRIFT, result.exit(),
                    comparison.expected(), comparison.actual(), comparison.diff(), cut, elapsed(started));
        }
    }

    /**
     * Why a step whose output outgrew the limit is judged on its head and tail only: where the guide's transcript
     * did not match those, the difference may lie in what was not kept, so the reason says so rather than let a
     * diff against a cut output stand as the whole story.
     */
    private static String cutNote(OutputLimit limit, boolean matched, String wholeOutput) {
        String kept = "its output outgrew max_output " + size(limit.size()) + " and was judged on its first and last "
                + "lines only" + (matched ? "" : ", so the guide's transcript could not be compared with all of it");
        return kept + (wholeOutput == null ? "" : "; " + wholeOutput);
    }

    private static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + "M" : bytes % 1024 == 0 ? (bytes >> 10) + "K" : bytes + "";
    }

    /**
     * Compares in the guide's terms (real values mapped back), and where that finds a difference, once more in the
     * target's terms (the guide's lines with the bindings applied). Mapping back is ambiguous when two examples
     * stand for one value ({@code USER} and {@code isabell} are both the target's user): the guide's
     * {@code [isabell]: USER} comes back as {@code [isabell]: isabell}. Applying the bindings forward is not.
     * What is shown stays in the guide's terms either way.
     */
    private Comparison judged(List<ExpectedLine> expected, String actualOutput, String realOutput) {
        Comparison comparison = OutputCheck.compare(expected, actualOutput);
        if (comparison.matches()) {
            return comparison;
        }
        List<ExpectedLine> bound = expected.stream().map(line -> new ExpectedLine(line.sourceLine(),
                bindings.apply(line.text()), line.kind(), bindings.apply(line.prompt()), bindings.apply(line.answer())))
                .toList();
        return OutputCheck.compare(bound, realOutput).matches()
                ? new Comparison(true, comparison.expected(), comparison.actual(), "")
                : comparison;
    }

    /** the last step of the plan this run executes, for the checks made at the end */
    private Step lastToRun(Plan plan) {
        if (plan.steps().isEmpty() || !selection.includes(plan.steps().get(plan.steps().size() - 1).n())) {
            return null; // --only stops short of the end: a check of the end state would judge a half-done install
        }
        Step last = null;
        for (Step step : plan.steps()) {
            if (selection.includes(step.n()) && policy(step).skip() == null) {
                last = step;
            }
        }
        return last;
    }

    /** Runs a check after the step it follows; a failed check makes the step a FAIL that says which and why. */
    private StepResult checked(StepResult result, Check check) {
        long started = System.nanoTime();
        String name = check.name() != null ? check.name() : check.command();
        CommandResult ran = session().run(bindings.apply(check.command()), List.of(),
                check.timeout() != null ? check.timeout() : CHECK_TIMEOUT, null);
        String output = bindings.reverse(ran.output());
        String why = null;
        boolean completed = ran.status() == CommandResult.Status.COMPLETED;
        if (!completed || ran.exit() != 0) {
            why = completed ? "exit status " + ran.exit() : ran.status().name().toLowerCase().replace('_', ' ');
        } else if (check.expect() != null && !check.expect().matcher(output).find()) {
            why = "its output has nothing like /" + check.expect().pattern() + "/";
        }
        if (why == null) {
            // the check ran on the target as part of the step: its time is the step's, not the runner's
            return new StepResult(result.step(), result.verdict(), result.exit(), result.expected(), result.actual(),
                    result.diff(), result.reason(), result.elapsed().plus(elapsed(started)));
        }
        return new StepResult(result.step(), Verdict.FAIL, result.exit(), result.expected(), result.actual(),
                result.diff(), bindings.reverse("check '" + name + "' failed: " + why + " (" + check.file() + ":"
                + check.line() + ")"), result.elapsed().plus(elapsed(started)));
    }

    private Session session() {
        if (session == null) {
            session = target.openSession();
        }
        return session;
    }

    /** the answer to type: a bound secret for a hidden prompt, else the guide's answer with bindings applied */
    private String answerOf(Interaction interaction) {
        if (interaction.binding() != null) {
            return bindings.all().stream().filter(b -> b.literal().equals(interaction.binding()))
                    .map(Binding::value).findFirst().orElse(null);
        }
        return interaction.answer() == null ? "" : bindings.apply(interaction.answer());
    }

    private String whyFailed(CommandStep step, CommandResult result, StepPolicy policy) {
        return switch (result.status()) {
            case TIMEOUT -> "timed out after " + seconds(policy.timeout()) + lastWords(result, true);
            case WAITING_FOR_INPUT -> "waiting for input at: " + bindings.reverse(result.lastLine());
            case DISCONNECTED -> "lost the shell during step " + step.n() + ": " + session.lostReason();
            case COMPLETED -> result.exit() == policy.expectExit() ? null : "exit status " + result.exit()
                    + (policy.expectExit() == 0 ? "" : " (expected " + policy.expectExit() + ")")
                    + lastWords(result, false);
        };
    }

    /**
     * What the command last said, so that a FAIL's reason tells what happened ({@code exit status 1: Connection
     * refused}), not only a number; a timeout at a prompt says which ({@code waiting for input at "Name:"}).
     */
    private static String lastWords(CommandResult result, boolean timedOut) {
        String last = TerminalText.lastNonBlankLine(result.output());
        if (last.isEmpty() && result.lastLine() != null) {
            last = result.lastLine().strip();
        }
        if (last.isEmpty()) {
            return timedOut ? "" : " (it printed nothing)";
        }
        last = last.length() > LAST_WORDS ? last.substring(0, LAST_WORDS) + " ..." : last;
        if (timedOut) {
            boolean atPrompt = !result.output().endsWith("\n") && TerminalText.looksLikePrompt(last);
            return atPrompt ? " waiting for input at \"" + last + "\"" : "; last output: " + last;
        }
        return ": " + last;
    }

    /**
     * Binds each capture's group 1, found in the real output, for the steps after this one; a captured value is
     * held to the same shell-safety rules as any binding. Returns why the step fails, or null.
     */
    private String capture(CommandStep step, String realOutput) {
        Captures.Result found;
        try {
            found = Captures.bind(bindings, steps, step, realOutput);
        } catch (BadInput unsafe) {
            return "captured value refused: " + unsafe.problem();
        }
        for (Binding value : found.bound()) {
            if (!value.secret()) {
                captured.add(new RunReport.CapturedValue(step.n(), value.literal(), value.value()));
            }
        }
        if (!found.missed().isEmpty()) {
            Capture capture = found.missed().get(0);
            return "nothing in the output matches the capture of '" + capture.literal() + "' (" + capture.regex() + ")";
        }
        return null;
    }

    private StepResult writeFile(WriteStep step, long started) {
        String path = TargetPaths.resolve(bindings.apply(step.path()), target.facts().home(), cwd);
        target.writeFile(path, bindings.apply(step.content()));
        return new StepResult(step, Verdict.PASS, 0, step.content(), step.content(), "", null, elapsed(started));
    }

    private StepResult editFile(EditStep step, long started) {
        String path = TargetPaths.resolve(bindings.apply(step.path()), target.facts().home(), cwd);
        String original = target.readFile(path).orElse(null);
        if (original == null) {
            return fail(step, -1, step.fragment(), "", "", "there is no " + step.path() + " to edit", started);
        }
        target.writeFile(path, YamlMerge.merge(original, step.path(), bindings.apply(step.fragment()),
                step.source() + ":" + step.line()));
        return new StepResult(step, Verdict.PASS, 0, step.fragment(), step.fragment(), "", null, elapsed(started));
    }

    private StepResult fail(Step step, int exit, String expected, String actual, String diff, String why,
                            long started) {
        return new StepResult(step, Verdict.FAIL, exit, expected, actual, diff, bindings.reverse(why),
                elapsed(started));
    }

    private static StepResult skip(Step step, String why) {
        return new StepResult(step, Verdict.SKIP, -1, "", "", "", why, Duration.ZERO);
    }

    private static StepPolicy policy(Step step) {
        StepPolicy policy = step instanceof CommandStep c ? c.policy()
                : step instanceof WriteStep w ? w.policy() : ((EditStep) step).policy();
        return policy != null ? policy : StepPolicy.DEFAULT;
    }

    private static String shown(Step step) {
        return step instanceof CommandStep c ? c.command()
                : step instanceof WriteStep w ? "write " + w.path() : "edit " + ((EditStep) step).path();
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
