package dev.rehearse.cli;

import dev.rehearse.matrix.MatrixResult;
import dev.rehearse.matrix.MatrixRun;
import dev.rehearse.matrix.Variation;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rehearse matrix RUNBOOK --vary NAME=V1,V2,...}: the runbook once per value, each on a fresh target, then
 * one comparison (matrix.html, matrix.json, junit.xml); with {@code --shard I/N} only that slice of the values, for
 * {@code rehearse merge} to join ({@link MergeCommand}). Exit 1 when a step's verdict changes between values (a
 * regression) or a run could not start, 0 otherwise, 2 on bad input.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Runs a runbook once per value of a variable (e.g. the version it installs), each on a fresh "
                + "target, and compares the runs step by step. Exit 1 when a step's verdict changes between values.")
public final class MatrixCommand implements Callable<Integer> {

    @Mixin
    TargetChoice choice;

    @Option(names = "--vary", required = true, paramLabel = "NAME=V1,V2,...",
            description = "a sidecar variable (or an example value of the guide) and the values to run it with")
    String vary;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "runs at a time (default: 1)")
    int jobs;

    @Mixin
    ShardOption sharding;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "where matrix.html, matrix.json, junit.xml and one folder NAME=V per run go "
                    + "(default: ~/.local/state/rehearse/RUNBOOK-matrix)")
    Path reportDir;

    @Mixin
    KeepOptions keeping;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Variation variation = Variation.parse(vary);
        Shard shard = sharding.shard();
        Rehearsal rehearsal = keeping.applyTo(choice.rehearsal());
        MatrixRun matrix = new MatrixRun(choice.runbook, variation, rehearsal, jobs, shard);
        Path dir = reportDir != null ? reportDir
                : Rehearsal.reportsRoot().resolve(rehearsal.preview(choice.runbook).name() + "-matrix");
        MatrixResult result = matrix.run(dir, new RunsProgress(out));
        return MatrixEnd.print(out, sharding.name("matrix"), result, dir);
    }
}
