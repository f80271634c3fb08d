package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.cli.args.Parameter;
import dev.rehearse.cli.args.Syntax;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.lint.Linter;
import dev.rehearse.read.Guides;
import dev.rehearse.plan.Runbook;
import dev.rehearse.plan.RunbookFolders;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rehearse lint GUIDE...}: defects found without running anything, one {@code file:line: level: message}
 * line each (the rule in brackets), then a count on stderr. Exit 1 when any is an error.
 */
public final class LintCommand implements Command {
    static final String DESCRIPTION = "Finds defects in guides without running them: file:line: level: message "
            + "[rule] (or --format json, sarif). Exit 1 on an error.";

    private static final Parameter<List<Path>> GUIDES = Parameter.many("GUIDE",
            "guide files, runbook folders, or folders of them (every runbook below, as runs finds them)",
            Option.PATH);

    private static final Option<String> FORMAT = Option.value("--format", "FORMAT",
            "text (file:line: level: message [rule]), json (docs/schemas/lint.schema.json) or sarif "
                    + "(SARIF 2.1.0, for code-scanning pages); default: text").orElse("text");

    private final GuideReader reader;

    /** With the reader to use ({@link Guides#BY_FORMAT}, or another in tests). */
    LintCommand(GuideReader reader) {
        this.reader = reader;
    }

    @Override
    public Syntax syntax() {
        return Syntax.command("rehearse lint", DESCRIPTION).parameter(GUIDES).options(FORMAT).build();
    }

    @Override
    public int run(Arguments given, PrintWriter out, PrintWriter err) {
        return run(RunbookFolders.named(given.get(GUIDES)), format(given.get(FORMAT)), reader, out, err);
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
        // concatenated, not formatted: the first java.util.Formatter of a process sets up locale data
        err.println(errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + " in " + guides.size() + " guide" + (guides.size() == 1 ? "" : "s"));
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
