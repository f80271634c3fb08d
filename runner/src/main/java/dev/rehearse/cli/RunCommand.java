package dev.rehearse.cli;

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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code rehearse run RUNBOOK}: plans the runbook for a target, runs it there with live progress, writes the
 * reports and ends with a summary of what failed and drifted ({@link EndOfRun}); {@code results.json} is kept as the
 * run goes, so that a run stopped any way leaves a record. Exit 0 without a FAIL, 1 with one (with {@code --strict}
 * a DRIFT too), 2 for bad input, 130 / 143 when Ctrl-C or SIGTERM stopped it ({@link StopSignals}: the step
 * INTERRUPTED, the rest SKIP, reports written, target removed).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        customSynopsis = "rehearse run [OPTIONS] RUNBOOK",
        description = "Runs a runbook on a target and checks every output against the guide.",
        footerHeading = "%nExamples:%n",
        footer = {
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
                "Ctrl-C (or SIGTERM) stops the running step (INTERRUPTED), skips the rest, writes the reports, removes",
                "what the run made unless --keep, says where to resume (--from N) and exits 130 (143). A second Ctrl-C",
                "stops at once. results.json is written after every step: a run killed any way leaves it marked",
                "INTERRUPTED at the step it stopped on, and the next run removes the container or user a killed run left.",
                "",
                "Exit status: 0 no FAIL, 1 a FAIL (or a DRIFT with --strict), 2 bad input, 130/143 interrupted.",
        })
public final class RunCommand implements Callable<Integer> {

    @Mixin
    TargetChoice choice;

    @Option(names = "--from", paramLabel = "N", description = "run from step N on (the steps before it SKIP)")
    Integer from;

    @Option(names = "--only", paramLabel = "A..B", description = "run only steps A to B (A.., or one step N)")
    String only;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "the longest any step may take (90s, 5m, 1h); the sidecar's steps: rules still win "
                    + "(default: the sidecar's defaults.timeout, else 5m)")
    Duration timeout;

    @Mixin
    KeepOptions keeping;

    @Option(names = "--strict", description = "a DRIFT fails the run too")
    boolean strict;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "where junit.xml, results.json and report.html go "
                    + "(default: ~/.local/state/rehearse/RUNBOOK)")
    Path reportDir;

    @Option(names = "--max-output", paramLabel = "SIZE",
            description = "keep this much of a step's output, half its start, half its end (default: 2M, or the "
                    + "sidecar's max_output); the whole output goes to output/step-N.log in the report folder")
    String maxOutput;

    @Option(names = {"-v", "--verbose"}, description = "stream each step's output as it comes; whole diffs at the end")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "print nothing while it runs, only the summary at the end")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Rehearsal rehearsal = keeping.applyTo(choice.rehearsal()).withSelection(StepSelection.of(from, only))
                .withReportDir(reportDir).withTimeout(timeout).withMaxOutput(maxOutputBytes());
        LiveProgress.Detail detail = quiet ? LiveProgress.Detail.QUIET
                : verbose ? LiveProgress.Detail.VERBOSE : LiveProgress.Detail.NORMAL;
        Interruption stop = new Interruption();
        try (StopSignals signals = StopSignals.install(stop, spec.commandLine().getErr())) {
            RunReport report;
            try (LiveProgress progress = LiveProgress.forConsole(out, detail)) {
                report = rehearsal.run(choice.runbook, new RunRecord(rehearsal::reportsOf, progress), note -> {
                    if (!quiet) {
                        out.println("rehearse: " + note);
                    }
                }, stop);
            }
            Path reports = rehearsal.reportsOf(report.runbook());
            try {
                Reports.writeAll(report, reports, strict);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the reports to " + reports, e);
            }
            EndOfRun.print(out, report, choice.runbook.toString(), reports, verbose);
            Summary summary = Summary.of(report);
            if (stop.requested()) {
                out.println("rehearse: " + resumeLine(summary, stop.cause()));
                out.flush();
                return signals.exitStatus();
            }
            if (summary.error() > 0) {
                return Main.EXIT_INTERNAL;
            }
            return summary.fail() > 0 || strict && summary.drift() > 0 ? 1 : 0;
        }
    }

    /** Where an interrupted run stopped, and the command that goes on from there. */
    private String resumeLine(Summary summary, String cause) {
        if (summary.interruptedAt() == 0) {
            return "stopped by " + cause + " after its last step";
        }
        String again = "rehearse run " + choice.runbook + (choice.target() != null ? " --target " + choice.target() : "");
        int n = summary.interruptedAt();
        return "stopped by " + cause + " at step " + n + "/" + summary.total() + "; to resume there: " + again
                + (n > 1 ? " --from " + n : "");
    }

    /** {@code --timeout 90s}: a duration as the sidecar writes it. */
    static final class DurationOption implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value).filter(d -> !d.isZero()).orElseThrow(() ->
                    new CommandLine.TypeConversionException("'" + value + "' is not a duration like 90s, 5m or 1h"));
        }
    }

    private Long maxOutputBytes() {
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
