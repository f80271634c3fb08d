package dev.rehearse.cli;

import dev.rehearse.engine.FolderResult;
import dev.rehearse.engine.FolderRun;
import dev.rehearse.guide.BadInput;
import dev.rehearse.matrix.Variation;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rehearse runs FOLDER}: every runbook under a folder (found as the JUnit engine finds them), each on a fresh
 * target (with {@code --vary NAME=V1,...} once per value), its reports in {@code DIR/NAME} (or
 * {@code DIR/NAME[VAR=V]}), and one {@code runs.html}, {@code junit.xml} and {@code runs.json} for them all; with
 * {@code --shard I/N} only that slice of the runs, for {@code rehearse merge} to join ({@link FolderRun}).
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        customSynopsis = "rehearse runs [OPTIONS] FOLDER",
        description = "Runs every runbook under a folder (each runbook folder with a runbook.yaml, each bare guide), "
                + "one after another, each on a fresh target (with --vary, once per value); one comparison page "
                + "(runs.html) and one junit.xml for them all. Exit 1 when a run fails.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  rehearse runs guides/ --target container --report-dir reports",
                "  # the second of four CI jobs",
                "  rehearse runs guides/ --shard 2/4 --report-dir shard-2",
                "  # then, in one job",
                "  rehearse merge shard-1 shard-2 shard-3 shard-4 --into reports",
                "  # every guide under every version: one run a pair",
                "  rehearse runs guides/ --vary synapse_version=1.98.0,1.99.0",
        })
public final class RunsCommand implements Callable<Integer> {

    @Mixin
    TargetChoice choice;

    @Mixin
    ShardOption sharding;

    @Option(names = "--vary", paramLabel = "NAME=V1,V2,...",
            description = "run every runbook once per value, NAME bound to it, each pair in its own folder "
                    + "RUNBOOK[NAME=V]; every runbook must use NAME")
    String vary;

    @Option(names = "--strict", description = "a DRIFT fails the run too")
    boolean strict;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "where junit.xml, runs.json and one folder per runbook go "
                    + "(default: ~/.local/state/rehearse/FOLDER-runs)")
    Path reportDir;

    @Mixin
    KeepOptions keeping;

    @Spec
    CommandSpec spec;

    /**
     * Names the argument the target mixin brings ({@link TargetChoice}, a runbook elsewhere) for what it is here, a
     * folder of runbooks; the copy keeps the binding to the mixin's field.
     */
    static void nameTheFolder(CommandLine runs) {
        CommandSpec spec = runs.getCommandSpec();
        PositionalParamSpec runbook = spec.positionalParameters().get(0);
        spec.remove(runbook);
        spec.addPositional(PositionalParamSpec.builder(runbook).paramLabel("FOLDER")
                .description("a folder of runbooks: runbook folders (each with its runbook.yaml) and guide files, "
                        + "searched in its subfolders too").build());
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Shard shard = sharding.shard();
        Rehearsal rehearsal = keeping.applyTo(choice.rehearsal());
        Path dir = reportDir != null ? reportDir : Rehearsal.reportsRoot()
                .resolve(choice.runbook.toAbsolutePath().normalize().getFileName() + "-runs");
        Variation variation = vary == null ? null : Variation.parse(vary);
        if (variation != null && variation.name().equals(Variation.TARGET)) {
            throw new BadInput("--vary " + vary, 0, "runs varies a variable of the runbooks, not their target: run "
                    + "the folder once per --target, or rehearse matrix RUNBOOK --vary target=... for one runbook");
        }
        FolderResult result = new FolderRun(choice.runbook, rehearsal, shard, strict,
                variation == null ? null : variation.name(), variation == null ? List.of() : variation.values())
                .run(dir, new RunsProgress(out));
        return FolderEnd.print(out, sharding.name("runs"), result, dir);
    }
}
