package dev.rehearse.cli;

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
 * {@code rehearse run RUNBOOK}: plans the runbook for a target, runs it there with live progress, and writes
 * the reports. Exit 0 without a FAIL, 1 with one (with {@code --strict} a DRIFT too), 2 for bad input.
 * Ctrl-C closes the target (its shell, its processes, its sandbox) on the way out.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a runbook on a target and checks every output against the guide.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    TargetChoice choice;

    @Option(names = "--from", paramLabel = "N", description = "run from step N on (the steps before it SKIP)")
    Integer from;

    @Option(names = "--only", paramLabel = "A..B", description = "run only steps A to B (A.., or one step N)")
    String only;

    @Mixin
    KeepOptions keeping;

    @Option(names = "--strict", description = "a DRIFT fails the run too")
    boolean strict;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "where junit.xml, results.json and report.html go (default: target/rehearse/<runbook>)")
    Path reportDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Rehearsal rehearsal = keeping.applyTo(choice.rehearsal()).withSelection(StepSelection.of(from, only))
                .withReportDir(reportDir);
        RunReport report;
        try (LiveProgress progress = LiveProgress.forConsole(out)) {
            report = rehearsal.run(choice.runbook, progress, note -> out.println("rehearse: " + note));
        }
        Path reports = rehearsal.reportsOf(report.runbook());
        try {
            Reports.writeAll(report, reports, strict);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + reports, e);
        }
        Summary summary = Summary.of(report);
        out.printf("rehearse: %d PASS, %d DRIFT, %d FAIL, %d SKIP%s in %s; reports in %s%n", summary.pass(),
                summary.drift(), summary.fail(), summary.skip(), summary.error() > 0 ? ", " + summary.error()
                        + " ERROR" : "", LiveProgress.seconds(summary.elapsed()), reports);
        out.flush();
        if (summary.error() > 0) {
            return Main.EXIT_INTERNAL;
        }
        return summary.fail() > 0 || strict && summary.drift() > 0 ? 1 : 0;
    }
}
