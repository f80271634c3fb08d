package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.cli.args.Parameter;
import dev.rehearse.cli.args.Syntax;
import dev.rehearse.engine.FolderResult;
import dev.rehearse.engine.FolderRun;
import dev.rehearse.guide.BadInput;
import dev.rehearse.matrix.Variation;
import dev.rehearse.run.Interruption;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.Shard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rehearse runs FOLDER}: every runbook under a folder (found as the JUnit engine finds them), each on a fresh
 * target (with {@code --vary NAME=V1,...} once per value), its reports in {@code DIR/NAME} (or
 * {@code DIR/NAME[VAR=V]}), and one {@code runs.html}, {@code junit.xml} and {@code runs.json} for them all; with
 * {@code --shard I/N} only that slice of the runs, for {@code rehearse merge} to join ({@link FolderRun}).
 */
public final class RunsCommand implements Command {
    static final String DESCRIPTION = "Runs every runbook under a folder (each runbook folder with a runbook.yaml, "
            + "each bare guide), one after another, each on a fresh target (with --vary, once per value); one "
            + "comparison page (runs.html) and one junit.xml for them all. Exit 1 when a run fails.";

    private static final Parameter<Path> FOLDER = TargetChoice.RUNBOOK.as("FOLDER", "a folder of runbooks: runbook "
            + "folders (each with its runbook.yaml) and guide files, searched in its subfolders too");

    private static final Option<String> VARY = Option.value("--vary", "NAME=V1,V2,...",
            "run every runbook once per value, NAME bound to it, each pair in its own folder "
                    + "RUNBOOK[NAME=V]; every runbook must use NAME");

    private static final Option<Boolean> STRICT = Option.flag("--strict", "a DRIFT fails the run too");

    private static final Option<Path> REPORT_DIR = Option.value("--report-dir", "DIR",
            "where junit.xml, runs.json and one folder per runbook go "
                    + "(default: ~/.local/state/rehearse/FOLDER-runs)", Option.PATH);

    @Override
    public Syntax syntax() {
        return Syntax.command("rehearse runs", DESCRIPTION)
                .synopsis("rehearse runs [OPTIONS] FOLDER")
                .parameter(FOLDER)
                .options(ShardOption.SHARD, VARY, STRICT, REPORT_DIR).options(KeepOptions.OPTIONS)
                .options(TargetChoice.options())
                .footer("Examples",
                        "  rehearse runs guides/ --target container --report-dir reports",
                        "  # the second of four CI jobs",
                        "  rehearse runs guides/ --shard 2/4 --report-dir shard-2",
                        "  # then, in one job",
                        "  rehearse merge shard-1 shard-2 shard-3 shard-4 --into reports",
                        "  # every guide under every version: one run a pair",
                        "  rehearse runs guides/ --vary synapse_version=1.98.0,1.99.0")
                .build();
    }

    @Override
    public int run(Arguments given, PrintWriter out, PrintWriter err) throws IOException {
        Path folder = given.get(FOLDER);
        String vary = given.get(VARY);
        Shard shard = ShardOption.shard(given);
        Rehearsal rehearsal = KeepOptions.applyTo(TargetChoice.rehearsal(given, err), given);
        Path dir = given.get(REPORT_DIR) != null ? given.get(REPORT_DIR) : Rehearsal.reportsRoot()
                .resolve(folder.toAbsolutePath().normalize().getFileName() + "-runs");
        Variation variation = vary == null ? null : Variation.parse(vary);
        if (variation != null && variation.name().equals(Variation.TARGET)) {
            throw new BadInput("--vary " + vary, 0, "runs varies a variable of the runbooks, not their target: run "
                    + "the folder once per --target, or rehearse matrix RUNBOOK --vary target=... for one runbook");
        }
        Interruption stop = new Interruption();
        try (StopSignals signals = StopSignals.install(stop, out, err)) {
            FolderResult result = new FolderRun(folder, rehearsal, shard, given.get(STRICT),
                    variation == null ? null : variation.name(), variation == null ? List.of() : variation.values())
                    .interruptibleBy(stop).run(dir, new RunsProgress(out));
            int status = FolderEnd.print(out, ShardOption.name(given, "runs"), result, dir);
            return stop.requested() ? signals.runsStopped(
                    result.runs().stream().map(ran -> ran.run().report()).toList(),
                    result.runs().stream().map(ran -> ran.run().error()).toList()) : status;
        }
    }
}
