package dev.rehearse.cli;

import dev.rehearse.engine.FolderMerge;
import dev.rehearse.matrix.MatrixMerge;
import dev.rehearse.matrix.MatrixResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rehearse merge DIR... --into OUT}: the report folders of the shards of a matrix ({@code matrix --shard I/N})
 * or of a folder's runs ({@code runs --shard I/N}), each run by a job of its own, joined into one, as one unsharded
 * run would have written it ({@link MatrixMerge}, {@link FolderMerge}). Exit as that run would (1 when a verdict
 * changes between values, a runbook fails, or a run could not start, else 0); 2 when the folders are not the shards
 * of one whole, a shard is given twice or is missing.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Joins the report folders of the shards of a matrix (matrix --shard I/N) into one comparison "
                + "page and one junit.xml, or those of a folder's runs (runs --shard I/N) into its runs.html and "
                + "junit.xml, as one "
                + "run of the whole would write them.",
        footerHeading = "%nExample:%n",
        footer = {
                "  # each CI job I of 3 ran: matrix ... --shard I/3 --report-dir shard-I",
                "  rehearse merge shard-1 shard-2 shard-3 --into matrix",
                "",
                "Exit status: 0 no verdict changes (no runbook fails), 1 one does or a run",
                "did not start, 2 folders that are not the shards of one whole, a shard given",
                "twice or missing (without --partial).",
        })
public final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*",
            description = "the report folders of the shards (their --report-dir)")
    List<Path> dirs;

    @Option(names = "--into", paramLabel = "OUT",
            description = "where the joined reports go: a new folder, or one of the shards' own "
                    + "(default: ~/.local/state/rehearse/RUNBOOK-matrix or FOLDER-runs)")
    Path into;

    @Option(names = "--partial", description = "merge the shards given even when some are missing (their values are "
            + "left out) instead of refusing")
    boolean partial;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (FolderMerge.holdsFolderRun(dirs.get(0))) {
            Path dir = into != null ? into : FolderMerge.defaultFolder(dirs.get(0));
            return FolderEnd.print(out, "merge", FolderMerge.merge(dirs, dir, partial), dir);
        }
        Path dir = into != null ? into : MatrixMerge.defaultFolder(dirs.get(0));
        MatrixResult result = MatrixMerge.merge(dirs, dir, partial);
        return MatrixEnd.print(out, "merge", result, dir);
    }
}
