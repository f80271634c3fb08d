package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.cli.args.Syntax;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.rehearse.files.AtomicFiles;
import dev.rehearse.files.Backups;
import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.Plan;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Interruption;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.RunRecord;
import dev.rehearse.update.GuideUpdate;
import dev.rehearse.update.ReportedDrifts;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rehearse update RUNBOOK [--from-report DIR] [--dry-run]}: writes the real output of a run back into the
 * guide where a step drifted. Only those expected-output lines change; every other byte stays.
 */
public final class UpdateCommand implements Command {
    static final String DESCRIPTION = "Writes what a run really printed back into the guide where a step drifted "
            + "(real values mapped back to the guide's examples; nothing secret is written). "
            + "Without --from-report it runs the runbook first.";

    private static final Option<Path> FROM_REPORT = Option.value("--from-report", "DIR",
            "take the output from this earlier run's report folder (its results.json) "
                    + "instead of running the runbook now", Option.PATH);

    private static final Option<Boolean> DRY_RUN = Option.flag("--dry-run",
            "print the unified diff instead of writing");

    @Override
    public Syntax syntax() {
        return Syntax.command("rehearse update", DESCRIPTION).parameter(TargetChoice.RUNBOOK)
                .options(FROM_REPORT, DRY_RUN).options(TargetChoice.options()).build();
    }

    /**
     * A guide (or an include) that is a link may be written through while what it points to stays in the runbook's
     * folder; one that points out of it is another tree's file, which no write of Rehearse's follows.
     */
    private static void requireWithin(Path root, Path file) {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw new BadInput(file.toString(), 0, "a link to " + real + ", outside the runbook's folder " + root
                        + ": update writes no file through a link out of it (update that file where it is)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell where " + file + " is", e);
        }
    }

    @Override
    public int run(Arguments given, PrintWriter out, PrintWriter err) throws IOException {
        Path runbook = given.get(TargetChoice.RUNBOOK);
        Path fromReport = given.get(FROM_REPORT);
        boolean dryRun = given.get(DRY_RUN);
        Rehearsal rehearsal = TargetChoice.rehearsal(given, err);
        // the steps' places in the guide do not depend on the target, so an earlier run's report needs no new one
        Plan plan = rehearsal.preview(runbook);
        List<GuideUpdate.Drift> drifts;
        if (fromReport != null) {
            drifts = ReportedDrifts.read(fromReport, plan);
        } else {
            Interruption stop = new Interruption();
            try (StopSignals signals = StopSignals.install(stop, out, err)) {
                RunReport run;
                try {
                    run = runNow(runbook, rehearsal, out, signals, stop);
                } catch (BadInput | UncheckedIOException notStarted) {
                    return signals.stoppedBeforeAnyStep(notStarted);
                }
                if (stop.requested()) {
                    out.println("rehearse: stopped by " + stop.cause() + ": the guide is left as it was");
                    out.flush();
                    return signals.exitStatus();
                }
                drifts = ReportedDrifts.of(run);
            }
        }
        Path root = plan.guide().root();
        // what --bind gave is this run's, not the guide's (give the run's own with --from-report)
        List<GuideUpdate.Revision> revised = GuideUpdate.revise(root, drifts, Set.copyOf(rehearsal.binds().values()));
        // beside the report the drifts came from, never beside the guide
        Path reports = fromReport != null ? fromReport : rehearsal.reportsOf(plan.name(), plan.guide());
        Backups originals = new Backups(reports.resolve(Rehearsal.BACKUPS));
        Map<GuideUpdate.Revision, Path> kept = new HashMap<>();
        if (!dryRun) {
            revised.forEach(file -> requireWithin(root, file.file()));
        }
        for (GuideUpdate.Revision file : revised) {
            if (dryRun) {
                out.print(unifiedDiff(root, file));
            } else {
                kept.put(file, originals.keep(file.file().toAbsolutePath().toString(), file.before()));
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
                    + (dryRun ? "" : "; as it was: " + kept.get(file)) + ")");
        }
        out.flush();
        return 0;
    }

    /** Runs the runbook as {@code run} would (its reports land in the default folder) and returns the run. */
    private static RunReport runNow(Path runbook, Rehearsal rehearsal, PrintWriter out, StopSignals signals,
                                    Interruption stop) throws IOException {
        RunReport report;
        RunRecord record;
        try (LiveProgress progress = LiveProgress.forConsole(out, LiveProgress.Detail.NORMAL)) {
            record = new RunRecord(rehearsal::reportsOf, progress, false);
            signals.recordedBy(record);
            report = rehearsal.run(runbook, record, note -> out.println("rehearse: " + note), stop);
        }
        record.written();
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
