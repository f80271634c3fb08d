package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.cli.args.Syntax;
import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.Durations;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.report.Summary;
import dev.rehearse.run.Interruption;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.RunRecord;
import dev.rehearse.run.StepSelection;
import dev.rehearse.targets.BashQuoting;
import dev.rehearse.targets.Targets;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code rehearse run RUNBOOK}: plans the runbook for a target, runs it there with live progress, writes the
 * reports and ends with a summary of what failed and drifted ({@link EndOfRun}); {@code results.json} is kept as the
 * run goes, so that a run stopped any way leaves a record. Exit 0 without a FAIL, 1 with one (with {@code --strict}
 * a DRIFT too), 2 for bad input, 130 / 143 when Ctrl-C or SIGTERM stopped it ({@link StopSignals}: the step
 * INTERRUPTED, the rest SKIP, reports written, target removed).
 */
public final class RunCommand implements Command {
    static final String DESCRIPTION = "Runs a runbook on a target and checks every output against the guide.";

    private static final Option<Integer> FROM = Option.value("--from", "N",
            "run from step N on (the steps before it SKIP)", Option.INTEGER);

    private static final Option<String> ONLY = Option.value("--only", "A..B",
            "run only steps A to B (A.., or one step N)");

    private static final Option<Duration> TIMEOUT = Option.value("--timeout", "DURATION",
            "the longest any step may take (90s, 5m, 1h); the sidecar's steps: rules still win "
                    + "(default: the sidecar's defaults.timeout, else 5m)", RunCommand::duration);

    private static final Option<Boolean> STRICT = Option.flag("--strict", "a DRIFT fails the run too");

    private static final Option<Path> REPORT_DIR = Option.value("--report-dir", "DIR",
            "where junit.xml, results.json and report.html go (default: ~/.local/state/rehearse/RUNBOOK)",
            Option.PATH);

    private static final Option<String> MAX_OUTPUT = Option.value("--max-output", "SIZE",
            "keep this much of a step's output, half its start, half its end (default: 2M, or the "
                    + "sidecar's max_output); the whole output goes to output/step-N.log in the report folder");

    private static final Option<Boolean> VERBOSE = Option.flag("-v", "--verbose",
            "stream each step's output as it comes; whole diffs at the end");

    private static final Option<Boolean> QUIET = Option.flag("-q", "--quiet",
            "print nothing while it runs, only the summary at the end");

    @Override
    public Syntax syntax() {
        return Syntax.command("rehearse run", DESCRIPTION)
                .synopsis("rehearse run [OPTIONS] RUNBOOK")
                .parameter(TargetChoice.RUNBOOK)
                .options(FROM, ONLY, TIMEOUT, STRICT, REPORT_DIR, MAX_OUTPUT, VERBOSE, QUIET)
                .options(KeepOptions.OPTIONS)
                .options(TargetChoice.options())
                // the everyday options first, the ssh-only ones apart; an option none names goes under "Other options"
                .heading("Which steps", "--from", "--only", "--keep-going")
                .heading("Where and with which values", "--target", "--bind", "--keep", "--timeout", "--network")
                .heading("ssh (with --target ssh://...)", "--identity", "--known-hosts", "--ssh-config",
                        "--accept-new")
                .heading("Reports", "--report-dir", "--strict")
                .heading("Output", "--verbose", "--quiet", "--help", "--version")
                .footer("Examples",
                        "  # a guide in a throwaway sandbox (a few seconds)",
                        "  rehearse run docs/first-guide.md --target local",
                        "  # the seed on a fresh container, another Synapse version",
                        "  rehearse run runbooks/synapse --bind synapse_version=1.67.0",
                        "  # a host of yours over ssh",
                        "  rehearse run GUIDE --target ssh://me@host:2222 --identity ~/.ssh/id_ed25519",
                        "  # on from step 12, keeping the sandbox to look into",
                        "  rehearse run GUIDE --from 12 --keep",
                        "  # then write the drifts that run found into the guide",
                        "  rehearse update GUIDE --from-report ~/.local/state/rehearse/NAME",
                        "",
                        "Ctrl-C (or SIGTERM) stops the running step (INTERRUPTED), skips the rest,",
                        "writes the reports, removes what the run made unless --keep, says how to go",
                        "on (--from N where a later run finds what the steps did: ssh, local:DIR)",
                        "and exits 130 (143). A second Ctrl-C stops at once.",
                        "results.json is written after every step: a run killed any way leaves it",
                        "marked INTERRUPTED at the step it stopped on, and the next run removes the",
                        "container or user a killed run left.",
                        "",
                        "Exit status: 0 no FAIL, 1 a FAIL (or a DRIFT with --strict), 2 bad input,",
                        "130/143 interrupted.")
                .build();
    }

    @Override
    public int run(Arguments given, PrintWriter out, PrintWriter err) {
        Path runbook = given.get(TargetChoice.RUNBOOK);
        boolean quiet = given.get(QUIET);
        boolean verbose = given.get(VERBOSE);
        boolean strict = given.get(STRICT);
        Rehearsal rehearsal = KeepOptions.applyTo(TargetChoice.rehearsal(given, err), given)
                .withSelection(StepSelection.of(given.get(FROM), given.get(ONLY)))
                .withReportDir(given.get(REPORT_DIR)).withTimeout(given.get(TIMEOUT))
                .withMaxOutput(maxOutputBytes(given.get(MAX_OUTPUT)));
        LiveProgress.Detail detail = quiet ? LiveProgress.Detail.QUIET
                : verbose ? LiveProgress.Detail.VERBOSE : LiveProgress.Detail.NORMAL;
        Interruption stop = new Interruption();
        try (StopSignals signals = StopSignals.install(stop, out, err)) {
            RunReport report;
            RunRecord record;
            try (LiveProgress progress = LiveProgress.forConsole(out, detail)) {
                record = new RunRecord(rehearsal::reportsOf, progress, strict);
                signals.recordedBy(record);
                report = rehearsal.run(runbook, record, note -> {
                    if (!quiet) {
                        out.println("rehearse: " + note);
                    }
                }, stop);
            } catch (BadInput | UncheckedIOException notStarted) {
                return signals.stoppedBeforeAnyStep(notStarted);
            }
            Path reports = rehearsal.reportsOf(report);
            try {
                record.written();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the reports to " + reports, e);
            }
            EndOfRun.print(out, report, runbook.toString(), reports, verbose);
            Summary summary = Summary.of(report);
            if (stop.requested()) {
                String resume = "rehearse: " + resumeLine(summary, stop.cause(), runbook,
                        TargetChoice.target(given), given.get(REPORT_DIR), !given.get(TargetChoice.BIND).isEmpty());
                out.println(resume);
                out.flush();
                if (out.checkError()) {
                    // the output is gone (| head -1): where to resume must still be said
                    err.println(resume);
                    err.flush();
                }
                return signals.exitStatus();
            }
            if (summary.error() > 0) {
                return Main.EXIT_INTERNAL;
            }
            return summary.fail() > 0 || strict && summary.drift() > 0 ? 1 : 0;
        }
    }

    /**
     * Where an interrupted run stopped, and the command that goes on from there: with the run's report folder, whose
     * record the later steps take their captured values from; the values given with {@code --bind} are named, not
     * shown (one may be a secret). On a target each run gets afresh (a container, a sandbox), what the steps before
     * did is not there for a later run: the command runs the guide again from its start.
     */
    private static String resumeLine(Summary summary, String cause, Path runbook, String target, Path reportDir,
                                     boolean bound) {
        if (summary.interruptedAt() == 0) {
            return "stopped by " + cause + " after its last step";
        }
        String again = "rehearse run " + word(runbook.toString()) + (target != null ? " --target " + word(target) : "")
                + (reportDir != null ? " --report-dir " + word(reportDir.toString()) : "");
        int n = summary.interruptedAt();
        String stopped = "stopped by " + cause + " at step " + n + "/" + summary.total() + "; ";
        String binds = bound ? " and the --bind options given to this run" : "";
        Optional<String> afresh = n > 1 ? Targets.afreshEachRun(target) : Optional.empty();
        if (afresh.isPresent()) {
            return stopped + "each run gets " + afresh.get() + ", so to go on, step"
                    + (n > 2 ? "s 1-" + (n - 1) + " run" : " 1 runs") + " again too: " + again + binds;
        }
        return stopped + "to resume there: " + again + (n > 1 ? " --from " + n : "") + binds;
    }

    /** A word of a command line to copy: as it is where bash reads it so, else quoted. */
    private static String word(String text) {
        return text.matches("[A-Za-z0-9_@%+=:,./~-]+") ? text : BashQuoting.ansiC(text);
    }

    /** {@code --timeout 90s}: a duration as the sidecar writes it. */
    private static Duration duration(String value) {
        return Durations.parse(value).filter(d -> !d.isZero()).orElseThrow(() ->
                new IllegalArgumentException("'" + value + "' is not a duration like 90s, 5m or 1h"));
    }

    private static Long maxOutputBytes(String maxOutput) {
        if (maxOutput == null) {
            return null;
        }
        Long bytes = StepPolicy.parseSize(maxOutput);
        if (bytes == null) {
            throw new BadInput("--max-output", 0, "'" + maxOutput + "' is not a size like 2M, 512K or 1G");
        }
        return bytes;
    }
}
