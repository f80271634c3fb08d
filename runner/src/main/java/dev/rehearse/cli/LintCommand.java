package dev.rehearse.cli;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.lint.Linter;
import dev.rehearse.read.Guides;
import dev.rehearse.plan.Runbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rehearse lint GUIDE...}: defects found without running anything, one {@code file:line: level: message}
 * line each (the rule in brackets), then a count on stderr. Exit 1 when any is an error.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Finds defects in guides without running them: file:line: level: message [rule] (or --format "
                + "json, sarif). Exit 1 on an error.")
public final class LintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "GUIDE", arity = "1..*", description = "guide files or runbook folders")
    List<Path> guides;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (file:line: level: message [rule]), json (docs/schemas/lint.schema.json) or sarif "
                    + "(SARIF 2.1.0, for code-scanning pages); default: text")
    String format;

    @Spec
    CommandSpec spec;

    private final GuideReader reader;

    public LintCommand() {
        this(Guides.BY_FORMAT);
    }

    /** With the reader to use, for tests that read guides another way. */
    public LintCommand(GuideReader reader) {
        this.reader = reader;
    }

    @Override
    public Integer call() {
        return run(guides, format(format), reader, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * True for a plain {@code lint GUIDE...} command line (text findings, no option), which {@link Main} runs
     * without building picocli's command model, as it does a plain {@code blocks} (see {@link BlocksCommand#isPlain}):
     * lint runs in scripts and hooks over many guides, and picocli's start-up was a third of a lint of the seed.
     * Anything else (an option, an argument file {@code @FILE}) goes through picocli for its usual handling.
     */
    static boolean isPlain(String[] args) {
        if (args.length < 2 || !args[0].equals("lint")) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-") || args[i].startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    /** Run a command line {@link #isPlain} accepted. */
    static int runPlain(String[] args, PrintWriter out, PrintWriter err) {
        List<Path> guides = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            guides.add(Path.of(args[i]));
        }
        return run(guides, LintOutput.Format.TEXT, Guides.BY_FORMAT, out, err);
    }

    private static int run(List<Path> guides, LintOutput.Format form, GuideReader reader, PrintWriter out,
                           PrintWriter err) {
        int errors = 0;
        int warnings = 0;
        List<LintOutput.Shown> found = new ArrayList<>();
        for (Path path : guides) {
            Runbook runbook = Runbook.load(path);
            Guide guide = reader.read(runbook.guide(), runbook.roots());
            for (Finding f : Linter.lint(guide)) {
                found.add(new LintOutput.Shown(shown(runbook.dir().resolve(f.source())), f));
                if (f.level() == Finding.Level.ERROR) {
                    errors++;
                } else if (f.level() == Finding.Level.WARNING) {
                    warnings++;
                }
            }
        }
        out.print(LintOutput.render(form, found, guides.size(), Main.VERSION));
        out.flush();
        err.printf("%d error%s, %d warning%s in %d guide%s%n", errors, errors == 1 ? "" : "s",
                warnings, warnings == 1 ? "" : "s", guides.size(), guides.size() == 1 ? "" : "s");
        err.flush();
        return errors > 0 ? 1 : 0;
    }

    private static LintOutput.Format format(String name) {
        for (LintOutput.Format f : LintOutput.Format.values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new BadInput("--format " + name, 0, "unknown format: text, json or sarif");
    }

    /** A path as the user would type it: relative to the working directory when it lies below it. */
    private static String shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
