package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.cli.args.Syntax;
import dev.rehearse.matrix.MatrixResult;
import dev.rehearse.matrix.MatrixRun;
import dev.rehearse.matrix.ValueRun;
import dev.rehearse.matrix.Variation;
import dev.rehearse.run.Interruption;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.Shard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code rehearse matrix RUNBOOK --vary NAME=V1,V2,...}: the runbook once per value, each on a fresh target, then
 * one comparison (matrix.html, matrix.json, junit.xml); with {@code --shard I/N} only that slice of the values, for
 * {@code rehearse merge} to join ({@link MergeCommand}). Exit 1 when a step's verdict changes between values (a
 * regression) or a run could not start, 0 otherwise, 2 on bad input.
 */
public final class MatrixCommand implements Command {
    static final String DESCRIPTION = "Runs a runbook once per value of a variable (e.g. the version it installs), "
            + "each on a fresh target, and compares the runs step by step. Exit 1 when a step's verdict changes "
            + "between values.";

    private static final Option<String> VARY = Option.value("--vary", "NAME=V1,V2,...",
            "a sidecar variable (or an example value of the guide) and the values to run it with").required();

    private static final Option<Integer> JOBS = Option.value("--jobs", "N", "runs at a time (default: 1)",
            Option.INTEGER).orElse(1);

    private static final Option<Path> REPORT_DIR = Option.value("--report-dir", "DIR",
            "where matrix.html, matrix.json, junit.xml and one folder NAME=V per run go "
                    + "(default: ~/.local/state/rehearse/RUNBOOK-matrix)", Option.PATH);

    @Override
    public Syntax syntax() {
        return Syntax.command("rehearse matrix", DESCRIPTION).parameter(TargetChoice.RUNBOOK)
                .options(VARY, JOBS, ShardOption.SHARD, REPORT_DIR).options(KeepOptions.OPTIONS)
                .options(TargetChoice.options()).build();
    }

    @Override
    public int run(Arguments given, PrintWriter out, PrintWriter err) throws IOException {
        Path runbook = given.get(TargetChoice.RUNBOOK);
        Variation variation = Variation.parse(given.get(VARY));
        Shard shard = ShardOption.shard(given);
        Rehearsal rehearsal = KeepOptions.applyTo(TargetChoice.rehearsal(given, err), given);
        MatrixRun matrix = new MatrixRun(runbook, variation, rehearsal, given.get(JOBS), shard);
        Path dir = given.get(REPORT_DIR) != null ? given.get(REPORT_DIR)
                : Rehearsal.reportsRoot().resolve(rehearsal.preview(runbook).name() + "-matrix");
        Interruption stop = new Interruption();
        try (StopSignals signals = StopSignals.install(stop, out, err)) {
            MatrixResult result = matrix.interruptibleBy(stop).run(dir, new RunsProgress(out));
            int status = MatrixEnd.print(out, ShardOption.name(given, "matrix"), result, dir);
            return stop.requested() ? signals.runsStopped(result.runs().stream().map(ValueRun::report).toList(),
                    result.runs().stream().map(ValueRun::error).toList()) : status;
        }
    }
}
