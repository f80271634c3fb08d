package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.cli.args.Parameter;
import dev.rehearse.cli.args.Syntax;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.plan.RunbookFolders;
import dev.rehearse.read.Guides;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rehearse blocks GUIDE... [--json]}: every literal block of each guide in document order. With
 * {@code --json}, one object per line with the field names of the docutils oracle; otherwise a listing to read.
 */
public final class BlocksCommand implements Command {
    static final String DESCRIPTION = "List the literal blocks of guides (includes inlined), in document order.";

    private static final Parameter<List<Path>> GUIDES = Parameter.many("GUIDE",
            "Guide files, runbook folders, or folders of them (every runbook below, as runs finds them).",
            Option.PATH);

    private static final Option<Boolean> JSON = Option.flag("--json",
            "One JSON object per block and line, shaped like the docutils oracle.");

    @Override
    public Syntax syntax() {
        return Syntax.command("rehearse blocks", DESCRIPTION).parameter(GUIDES).options(JSON).build();
    }

    @Override
    public int run(Arguments given, PrintWriter out, PrintWriter err) {
        return run(RunbookFolders.named(given.get(GUIDES)), given.get(JSON), out);
    }

    /**
     * Read every guide first (bad input prints nothing), then print their blocks. The JSON lines of a guide are
     * made (and, for the process's standard output, encoded) on the thread that read it, so in parallel too.
     */
    private static int run(List<Path> paths, boolean asJson, PrintWriter out) {
        if (asJson) {
            boolean none = true;
            if (out instanceof StandardOutput stdout) {
                // each guide's lines are also encoded on the thread that read them (see StandardOutput)
                for (byte[] lines : Guides.readAll(paths, g -> stdout.encode(BlockJsonLines.of(g)))) {
                    stdout.writeEncoded(lines);
                    none &= lines.length == 0;
                }
            } else {
                for (String lines : Guides.readAll(paths, BlockJsonLines::of)) {
                    out.write(lines);
                    none &= lines.isEmpty();
                }
            }
            if (none) {
                out.println(); // one empty line when there is no block at all, as before
            }
        } else {
            Guides.readAll(paths).forEach(g -> listing(g, out));
        }
        out.flush();
        return 0;
    }

    private static void listing(Guide guide, PrintWriter out) {
        for (Block b : guide.blocks()) {
            StringBuilder head = new StringBuilder(b.where()).append("  ").append(b.kind());
            if (b.language() != null) {
                head.append(' ').append(b.language());
            }
            if (!b.section().isEmpty()) {
                head.append("  [").append(String.join(" > ", b.section())).append(']');
            }
            if (b.droppedBySphinx()) {
                head.append("  (dropped by Sphinx: ").append(b.emphasizeError()).append(')');
            }
            out.println(head);
            for (String line : b.lines()) {
                out.println("    | " + line);
            }
        }
    }
}
