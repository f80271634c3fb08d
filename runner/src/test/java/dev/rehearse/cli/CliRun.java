package dev.rehearse.cli;

import dev.rehearse.guide.GuideReader;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Test-only: runs the real command line with a given guide reader and keeps what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(GuideReader reader, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == PlanCommand.class) {
                    return (K) new PlanCommand(reader);
                }
                if (cls == LintCommand.class) {
                    return (K) new LintCommand(reader);
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), factory);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
