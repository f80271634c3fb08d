package dev.rehearse.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.rehearse.files.AtomicFiles;
import dev.rehearse.files.Backups;
import dev.rehearse.plan.Plan;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.RunRecord;
import dev.rehearse.update.GuideUpdate;
import dev.rehearse.update.ReportedDrifts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code rehearse update RUNBOOK [--from-report DIR] [--dry-run]}: writes the real output of a run back into the
 * guide where a step drifted. Only those expected-output lines change; every other byte stays.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Writes what a run really printed back into the guide where a step drifted "
                + "(real values mapped back to the guide's examples; nothing secret is written). "
                + "Without --from-report it runs the runbook first.")
public final class UpdateCommand implements Callable<Integer> {

    @Mixin
    TargetChoice choice;

    @Option(names = "--from-report", paramLabel = "DIR",
            description = "take the output from this earlier run's report folder (its results.json) "
                    + "instead of running the runbook now")
    Path fromReport;

    @Option(names = "--dry-run", description = "print the unified diff instead of writing")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Rehearsal rehearsal = choice.rehearsal();
        // the steps' places in the guide do not depend on the target, so an earlier run's report needs no new one
        Plan plan = rehearsal.preview(choice.runbook);
        List<GuideUpdate.Drift> drifts = fromReport != null
                ? ReportedDrifts.read(fromReport, plan)
                : ReportedDrifts.of(runNow(rehearsal, out));
        Path root = plan.guide().root();
        // what --bind gave is this run's, not the guide's (give the run's own with --from-report)
        List<GuideUpdate.Revision> revised = GuideUpdate.revise(root, drifts, Set.copyOf(rehearsal.binds().values()));
        // beside the report the drifts came from, never beside the guide
        Path reports = fromReport != null ? fromReport : rehearsal.reportsOf(plan.name());
        Backups originals = new Backups(reports.resolve(Rehearsal.BACKUPS));
        for (GuideUpdate.Revision file : revised) {
            if (dryRun) {
                out.print(unifiedDiff(root, file));
            } else {
                originals.keep(file.file().toAbsolutePath().toString(), file.before());
                AtomicFiles.write(file.file(), file.after());
            }
        }
        if (revised.isEmpty()) {
            out.println("nothing to update: " + (drifts.isEmpty() ? "no step drifted"
                    : "the guide already shows what the host printed"));
        }
        for (GuideUpdate.Revision file : revised) {
            long steps = drifts.stream()
                    .filter(d -> root.resolve(d.step().source()).normalize().equals(file.file().normalize())).count();
            out.println((dryRun ? "would update " : "updated ") + file.file() + " (" + plural(steps, "drifted step")
                    + ")");
        }
        out.flush();
        return 0;
    }

    /** Runs the runbook as {@code run} would (its reports land in the default folder) and returns the run. */
    private RunReport runNow(Rehearsal rehearsal, PrintWriter out) throws IOException {
        RunReport report;
        try (LiveProgress progress = LiveProgress.forConsole(out, LiveProgress.Detail.NORMAL)) {
            report = rehearsal.run(choice.runbook, new RunRecord(rehearsal::reportsOf, progress),
                    note -> out.println("rehearse: " + note));
        }
        Reports.writeAll(report, rehearsal.reportsOf(report.runbook()));
        return report;
    }

    private static String plural(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String unifiedDiff(Path root, GuideUpdate.Revision revision) {
        String name = root.relativize(revision.file()).toString();
        List<String> before = List.of(revision.before().split("\n", -1));
        List<String> after = List.of(revision.after().split("\n", -1));
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, before,
                DiffUtils.diff(before, after), 3);
        return String.join("\n", lines) + "\n";
    }

}
