package dev.rehearse.run;

import dev.rehearse.bind.Bindings;
import dev.rehearse.model.AccountPassword;
import dev.rehearse.model.CommandResult;
import dev.rehearse.model.Interaction;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.targets.OutputLimit;
import dev.rehearse.targets.Target;
import dev.rehearse.terminal.TerminalText;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Why a command step failed, in words that tell a guide's author what happened and what to do about it: which
 * prompt went unanswered and why, what a timed-out command last said, that a program ran on after the Ctrl-C the
 * guide stops it with, what the target lacks ({@link TargetGaps}); the guide's values in place of the target's.
 */
final class FailureReasons {
    /** the longest last output line a FAIL's reason quotes */
    private static final int LAST_WORDS = 160;
    /** an assignment that sets PROMPT_COMMAND anew ({@code +=} adds to it) */
    private static final Pattern SETS_PROMPT_COMMAND = Pattern.compile("\\bPROMPT_COMMAND=");
    private static final Pattern USES_PROMPT_COMMAND = Pattern.compile("\\$\\{?PROMPT_COMMAND\\b");

    private final Bindings bindings;
    private final Target target;
    private final Interruption interruption;

    FailureReasons(Bindings bindings, Target target, Interruption interruption) {
        this.bindings = bindings;
        this.target = target;
        this.interruption = interruption;
    }

    /**
     * Why the step failed, or null where its end is the one asked for.
     *
     * @param lostReason why the shell was lost, asked only where it was
     */
    String of(CommandStep step, CommandResult result, StepPolicy policy, Supplier<String> lostReason) {
        return switch (result.status()) {
            case TIMEOUT -> "timed out after " + seconds(policy.timeout()) + " (the step's timeout: --timeout, or the "
                    + "sidecar's timeout:)" + (replacesPromptCommand(step.command()) ? "; the command replaced "
                    + "PROMPT_COMMAND, by which Rehearse's shell tells a command's end: keep it in the new value "
                    + "(PROMPT_COMMAND=\"...; $PROMPT_COMMAND\")" : ranOnAfterItsOutput(step, result) ? "; it had "
                    + "shown the last line the guide shows and ran on: a program that runs until it is stopped (a "
                    + "server the guide leaves running) is stopped with Ctrl-C once that line has come by a step "
                    + "rule's interrupt: true, or by a ^C the guide shows after it" : whyNotStopped(step, result))
                    + lastWords(result, true);
            case WAITING_FOR_INPUT -> "waiting for input at: " + bindings.reverse(result.lastLine())
                    + whyWaiting(step, result);
            case READING_SILENTLY -> "waiting for input: " + result.lastLine() + " reads the terminal, having asked "
                    + "nothing, and the guide shows nothing typed for it (the lines a transcript shows after the "
                    + "command are typed for it)";
            case DISCONNECTED -> "lost the shell during step " + step.n() + ": " + lostReason.get();
            case INTERRUPTED -> "interrupted by " + interruption.cause();
            case SHELL_UNANSWERED -> "the shell it opened did not answer Rehearse's setup (Rehearse drives bash, not "
                    + "sh, zsh or fish; a step rule's opens_shell: false runs it as any other command); it showed: "
                    + bindings.reverse(result.lastLine());
            case COMPLETED -> result.exit() == policy.expectExit() || stoppedAsTheGuideDoes(step, policy, result.exit())
                    ? null : "exit status " + result.exit()
                    + (policy.expectExit() == 0 ? "" : " (expected " + policy.expectExit() + ")")
                    + lastWords(result, false) + TargetGaps.told(target, result.output());
        };
    }

    /**
     * The command sets PROMPT_COMMAND without what was in it: on a bash before 5.1, where PROMPT_COMMAND is one
     * command, the session's sentinel goes, and the step never ends.
     */
    private static boolean replacesPromptCommand(String command) {
        return SETS_PROMPT_COMMAND.matcher(command).find() && !USES_PROMPT_COMMAND.matcher(command).find();
    }

    /** Whether a step that asks nothing showed the last line the guide shows of its output, and ran on after it. */
    private boolean ranOnAfterItsOutput(CommandStep step, CommandResult result) {
        List<String> shown = step.expected().stream().filter(e -> e.kind() == ExpectedLine.Kind.OUTPUT)
                .map(e -> e.text().strip()).filter(t -> !t.isEmpty()).toList();
        return step.interactions().isEmpty() && !shown.isEmpty()
                && bindings.reverse(result.output()).contains(shown.get(shown.size() - 1));
    }

    /**
     * Why a step the plan stops with Ctrl-C timed out: the words the Ctrl-C waits for never came, or came and the
     * program ran on after it (one that ignores SIGINT); empty for a step the plan does not stop.
     */
    private String whyNotStopped(CommandStep step, CommandResult result) {
        Optional<Interaction> stop = step.interactions().stream().filter(Interaction::interrupts).findFirst();
        if (stop.isEmpty()) {
            return "";
        }
        String words = stop.get().prompt();
        if (!words.isEmpty() && !bindings.reverse(result.output()).contains(words)) {
            return "; the Ctrl-C the plan stops it with waits for \"" + words + "\" (the last line the guide shows), "
                    + "which never came";
        }
        return "; it was sent Ctrl-C once " + (words.isEmpty() ? "its output was still" : "\"" + words + "\" had come")
                + ", as the guide stops it, and ran on: the program does not stop on Ctrl-C (SIGINT)";
    }

    /** Why nothing answered the prompt the step waits at. */
    private String whyWaiting(CommandStep step, CommandResult result) {
        AccountPassword account = AccountPassword.askedAt(step.command(), result.lastLine());
        return account == null ? whyUnanswered(step, result.output())
                : bindings.get(account.binding()).isPresent() ? account.refused() : account.unanswered();
    }

    /**
     * A program the guide stops with Ctrl-C ends by the signal (130), or handles it and ends as it would anyway
     * (0: Python's http.server, journalctl): either is the stop the guide shows.
     */
    private static boolean stoppedAsTheGuideDoes(CommandStep step, StepPolicy policy, int exit) {
        return exit == 0 && policy.expectExit() == 130
                && step.interactions().stream().anyMatch(Interaction::interrupts);
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
     * Why nothing was typed at the prompt a command waits at: the guide shows none there, or shows the one it
     * answers next in words the program did not use (the first of its prompts the output lacks).
     */
    private String whyUnanswered(CommandStep step, String output) {
        for (Interaction planned : step.interactions()) {
            String prompt = planned.prompt().strip();
            if (!planned.eof() && !prompt.isEmpty() && !output.contains(bindings.apply(prompt))) {
                return " (the guide shows \"" + prompt + "\" to be answered here, and the program asks otherwise: the"
                        + " plan answers a prompt in the words the transcript shows, or in most of them; an answers:"
                        + " rule of the runbook answers it wherever it comes)";
            }
        }
        return " (no answer of the plan's is for this prompt, which the guide does not show: the plan answers"
                + " a prompt the transcript shows, by what follows it there;"
                + " an answers: rule of the runbook answers it wherever it comes)";
    }

    /**
     * Why a step whose output outgrew the limit is judged on its head and tail only: where the guide's transcript
     * did not match those, the difference may lie in what was not kept, so the reason says so rather than let a
     * diff against a cut output stand as the whole story.
     */
    static String cutNote(OutputLimit limit, boolean matched, String wholeOutput) {
        // the cut may have come from the lines kept at each end as well as from the size
        String kept = "its output outgrew what a step keeps (max_output " + size(limit.size()) + ", "
                + OutputLimit.MAX_LINES + " lines at each end) and was judged on its "
                + "first and last lines only" + (matched ? "" : ", so the guide's transcript could not be compared with "
                + "all of it");
        return kept + (wholeOutput == null ? "" : "; " + wholeOutput);
    }

    private static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + "M" : bytes % 1024 == 0 ? (bytes >> 10) + "K" : bytes + "";
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
