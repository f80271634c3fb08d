package dev.rehearse.cli;

import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.read.Guides;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.report.Summary;
import dev.rehearse.run.Runner;
import dev.rehearse.run.StepSelection;
import dev.rehearse.target.Target;
import dev.rehearse.target.TargetOptions;
import dev.rehearse.target.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rehearse run RUNBOOK}: plans the runbook for a target, runs it there with live progress, and writes
 * the reports. Exit 0 without a FAIL, 1 with one (with {@code --strict} a DRIFT too), 2 for bad input.
 * Ctrl-C closes the target (its shell, its processes, its sandbox) on the way out.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a runbook on a target and checks every output against the guide.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUNBOOK", description = "a runbook folder, its runbook.yaml, or a guide file")
    Path runbook;

    @Option(names = "--target", paramLabel = "SPEC",
            description = "where to run: local (a sandbox, the default), local:DIR (DIR as HOME)")
    String target;

    @Option(names = "--bind", paramLabel = "NAME=VALUE", description = "set a sidecar variable, or bind an example value")
    List<String> binds = List.of();

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
            description = "where junit.xml, results.json and report.html go (default: target/rehearse/<runbook>)")
    Path reportDir;

    @Spec
    CommandSpec spec;

    private final GuideReader reader;

    public RunCommand() {
        this(Guides.BY_FORMAT);
    }

    /** With the reader to use, for tests that read guides another way. */
    public RunCommand(GuideReader reader) {
        this.reader = reader;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StepSelection selection = StepSelection.of(from, only);
        Map<String, String> overrides = PlanCommand.overrides(binds);
        Runbook book = Runbook.load(runbook);
        Guide guide = reader.read(book.guide(), book.dir());
        String where = target != null ? target : book.target().getOrDefault("kind", "local");
        Path reports = reportDir != null ? reportDir : Path.of("target", "rehearse", book.name());
        RunReport report;
        try (Target on = Targets.open(where, TargetOptions.defaults().withKeep(keep));
             LiveProgress progress = LiveProgress.forConsole(out)) {
            Thread closeOnInterrupt = new Thread(on::close, "rehearse-interrupted");
            Runtime.getRuntime().addShutdownHook(closeOnInterrupt);
            try {
                Plan plan = new Planner(on.facts(), overrides).plan(book, guide);
                out.println("rehearse: " + plan.name() + ", " + plan.steps().size() + " steps on " + on.describe());
                report = new Runner(on, selection, keepGoing, progress).run(plan, book.checks());
            } finally {
                Runtime.getRuntime().removeShutdownHook(closeOnInterrupt);
            }
            if (keep) {
                out.println("rehearse: kept " + on.describe());
            }
        }
        try {
            Reports.writeAll(report, reports, strict);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + reports, e);
        }
        Summary summary = Summary.of(report);
        out.printf("rehearse: %d PASS, %d DRIFT, %d FAIL, %d SKIP in %s; reports in %s%n", summary.pass(),
                summary.drift(), summary.fail(), summary.skip(), LiveProgress.seconds(summary.elapsed()), reports);
        out.flush();
        return summary.fail() > 0 || strict && summary.drift() > 0 ? 1 : 0;
    }
}
