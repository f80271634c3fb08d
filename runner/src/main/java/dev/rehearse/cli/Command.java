package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Syntax;

import java.io.PrintWriter;

/** A command of the one binary ({@code rehearse run}): what it takes, and what it does with what was given. */
interface Command {

    /** Its options and parameters, declared; made only for the command that runs (or for the help). */
    Syntax syntax();

    /** Does the command; what it throws {@link Main} says in one line. */
    int run(Arguments given, PrintWriter out, PrintWriter err) throws Exception;
}
