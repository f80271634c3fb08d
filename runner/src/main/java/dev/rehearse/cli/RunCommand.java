package dev.rehearse.cli;

import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.report.Summary;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.StepSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rehearse run RUNBOOK}: plans the runbook for a target, runs it there with live progress, writes the
 * reports and ends with a summary of what failed and drifted ({@link EndOfRun}). Exit 0 without a FAIL, 1 with one
 * (with {@code --strict} a DRIFT too), 2 for bad input. Ctrl-C closes the target (its shell, its processes, its
 * sandbox) on the way out.
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
        })
public final class RunCommand implements Callable<Integer> {

    @Mixin
    TargetChoice choice;

    @Option(names = "--from", paramLabel = "N", description = "run from step N on (the steps before it SKIP)")
    Integer from;

    @Option(names = "--only", paramLabel = "A..B", description = "run only steps A to B (A.., or one step N)")
    String only;

    @Option(names = "--keep", description = "keep what the target made for the run (sandbox, user, container)")
    boolean keep;

    @Option(names = "--keep-going", description = "go on after a FAIL instead of skipping the rest")
    boolean keepGoing;

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
        Rehearsal rehearsal = choice.rehearsal(spec.commandLine().getErr()::println)
                .withSelection(StepSelection.of(from, only)).withKeepGoing(keepGoing).withKeep(keep)
                .withReportDir(reportDir).withMaxOutput(maxOutputBytes());
        LiveProgress.Detail detail = quiet ? LiveProgress.Detail.QUIET
                : verbose ? LiveProgress.Detail.VERBOSE : LiveProgress.Detail.NORMAL;
        RunReport report;
        try (LiveProgress progress = LiveProgress.forConsole(out, detail)) {
            report = rehearsal.run(choice.runbook, progress, note -> {
                if (!quiet) {
                    out.println("rehearse: " + note);
                }
            });
        }
        Path reports = rehearsal.reportsOf(report.runbook());
        try {
            Reports.writeAll(report, reports, strict);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + reports, e);
        }
        EndOfRun.print(out, report, choice.runbook.toString(), reports, verbose);
        Summary summary = Summary.of(report);
        return summary.fail() > 0 || strict && summary.drift() > 0 ? 1 : 0;
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
