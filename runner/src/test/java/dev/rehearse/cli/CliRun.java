package dev.rehearse.cli;

import dev.rehearse.guide.GuideReader;
import dev.rehearse.read.Guides;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Test-only, for the fast tier: the real command line in this process, what it printed kept. Tests of what users run
 * (steps on a target, the jar) go through {@link dev.rehearse.testing.RehearseJar} instead.
 */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        return of(Guides.BY_FORMAT, args);
    }

    /** With {@code reader} in place of the readers plan and lint use: a seam for faults no real guide causes. */
    static CliRun of(GuideReader reader, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), reader);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
