package dev.rehearse.cli;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.read.Guides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rehearse blocks GUIDE... [--json]}: every literal block of each guide in document order. With
 * {@code --json}, one object per line with the field names of the docutils oracle; otherwise a listing to read.
 */
@Command(name = "blocks", mixinStandardHelpOptions = true,
        description = "List the literal blocks of guides (includes inlined), in document order.")
public final class BlocksCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "GUIDE", description = "Guide files or runbook folders.")
    List<Path> guides;

    @Option(names = "--json", description = "One JSON object per block and line, shaped like the docutils oracle.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(guides, json, spec.commandLine().getOut());
    }

    /**
     * True for a plain {@code blocks [--json] GUIDE...} command line, which {@link Main} runs without building
     * picocli's command model: picocli's classes are Java 5 bytecode that class-data sharing cannot archive, and
     * loading them is a fifth of the time {@code blocks} takes over the whole corpus. Anything else (help, an
     * unknown option, no guide) goes through picocli for its usual handling.
     */
    static boolean isPlain(String[] args) {
        if (args.length < 2 || !args[0].equals("blocks")) {
            return false;
        }
        int files = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-")) {
                if (!args[i].equals("--json")) {
                    return false;
                }
            } else {
                files++;
            }
        }
        return files > 0;
    }

    /** Run a command line {@link #isPlain} accepted. */
    static int runPlain(String[] args, PrintWriter out) {
        List<Path> files = new ArrayList<>();
        boolean asJson = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--json")) {
                asJson = true;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        return run(files, asJson, out);
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
