package dev.rehearse.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Test-only, for the fast tier: the real command line in this process, what it printed kept. Tests of what users run
 * (steps on a target, the jar) go through {@link dev.rehearse.testing.RehearseJar} instead.
 */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }
}
