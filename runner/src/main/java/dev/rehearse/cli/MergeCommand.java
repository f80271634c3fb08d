package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.cli.args.Parameter;
import dev.rehearse.cli.args.Syntax;
import dev.rehearse.engine.FolderMerge;
import dev.rehearse.matrix.MatrixMerge;
import dev.rehearse.matrix.MatrixResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rehearse merge DIR... --into OUT}: the report folders of the shards of a matrix ({@code matrix --shard I/N})
 * or of a folder's runs ({@code runs --shard I/N}), each run by a job of its own, joined into one, as one unsharded
 * run would have written it ({@link MatrixMerge}, {@link FolderMerge}). Exit as that run would (1 when a verdict
 * changes between values, a runbook fails, or a run could not start, else 0); 2 when the folders are not the shards
 * of one whole, a shard is given twice or is missing.
 */
public final class MergeCommand implements Command {
    static final String DESCRIPTION = "Joins the report folders of the shards of a matrix (matrix --shard I/N) into "
            + "one comparison page and one junit.xml, or those of a folder's runs (runs --shard I/N) into its "
            + "runs.html and junit.xml, as one run of the whole would write them.";

    private static final Parameter<List<Path>> DIRS = Parameter.many("DIR",
            "the report folders of the shards (their --report-dir)", Option.PATH);

    private static final Option<Path> INTO = Option.value("--into", "OUT",
            "where the joined reports go: a new folder, or one of the shards' own "
                    + "(default: ~/.local/state/rehearse/RUNBOOK-matrix or FOLDER-runs)", Option.PATH);

    private static final Option<Boolean> PARTIAL = Option.flag("--partial", "merge the shards given even when some "
            + "are missing (their values are left out) instead of refusing");

    @Override
    public Syntax syntax() {
        return Syntax.command("rehearse merge", DESCRIPTION).parameter(DIRS).options(INTO, PARTIAL)
                .footer("Example",
                        "  # each CI job I of 3 ran: matrix ... --shard I/3 --report-dir shard-I",
                        "  rehearse merge shard-1 shard-2 shard-3 --into matrix",
                        "",
                        "Exit status: 0 no verdict changes (no runbook fails), 1 one does or a run",
                        "did not start, 2 folders that are not the shards of one whole, a shard given",
                        "twice or missing (without --partial).")
                .build();
    }

    @Override
    public int run(Arguments given, PrintWriter out, PrintWriter err) throws IOException {
        List<Path> dirs = given.get(DIRS);
        Path into = given.get(INTO);
        boolean partial = given.get(PARTIAL);
        if (FolderMerge.holdsFolderRun(dirs.get(0))) {
            Path dir = into != null ? into : FolderMerge.defaultFolder(dirs.get(0));
            return FolderEnd.print(out, "merge", FolderMerge.merge(dirs, dir, partial), dir);
        }
        Path dir = into != null ? into : MatrixMerge.defaultFolder(dirs.get(0));
        MatrixResult result = MatrixMerge.merge(dirs, dir, partial);
        return MatrixEnd.print(out, "merge", result, dir);
    }
}
