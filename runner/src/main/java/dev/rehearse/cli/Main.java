package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.HelpText;
import dev.rehearse.cli.args.Parameter;
import dev.rehearse.cli.args.Parser;
import dev.rehearse.cli.args.Syntax;
import dev.rehearse.cli.args.UsageError;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.model.Faults;
import dev.rehearse.read.Guides;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The one binary. Exit status: 0 no FAIL, 1 a FAIL (or a DRIFT with --strict, or a lint error),
 * 2 bad input or usage, 3 an internal error (a failure of the target or the machine, such
 * as a shell that does not start, is one line and exit 1). Bad input is one line, {@code file:line: what is wrong}, never a stack
 * trace; an internal error is one line too, {@code internal error in <stage>: <what>; details in <log file>}, with
 * the trace in that file. A usage error is one line naming the command ({@link UsageError}), exit 2.
 * <p>
 * The command line is read by {@link Parser} against each command's {@link Syntax}, declared in plain code: no
 * reflection, no annotations, so that a command starts as fast as the JVM does.
 */
public final class Main {

    static final String VERSION = "0.1.0";
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL = 3;

    private static final String HELP = "help";
    /**
     * Every command: its name, what it does, how it is made; one a line, so that adding one never conflicts with
     * adding another.
     */
    private static final List<Listed> COMMANDS = List.of(
            new Listed("blocks", BlocksCommand.DESCRIPTION, reader -> new BlocksCommand()),
            new Listed("plan", PlanCommand.DESCRIPTION, PlanCommand::new),
            new Listed("lint", LintCommand.DESCRIPTION, LintCommand::new),
            new Listed("run", RunCommand.DESCRIPTION, reader -> new RunCommand()),
            new Listed("update", UpdateCommand.DESCRIPTION, reader -> new UpdateCommand()),
            new Listed("matrix", MatrixCommand.DESCRIPTION, reader -> new MatrixCommand()),
            new Listed("runs", RunsCommand.DESCRIPTION, reader -> new RunsCommand()),
            new Listed("merge", MergeCommand.DESCRIPTION, reader -> new MergeCommand()));
    private static final Syntax PROGRAM = program();
    private static final Parameter<String> COMMAND = Parameter.optional("COMMAND",
            "The COMMAND to display the usage help message for.", name -> name);
    private static final Syntax HELP_SYNTAX = Syntax.command("rehearse help", PROGRAM.commands().get(HELP))
            .parameter(COMMAND).build();

    public static void main(String[] args) {
        LazyDefaultTls.install();
        StandardOutput err = new StandardOutput(System.err);
        StopSignals.untilACommandTakesOver(err);
        System.exit(execute(args, new StandardOutput(System.out), err));
    }

    /** Runs the command line with the given streams; what tests call. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Guides.BY_FORMAT);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with the reader plan and lint use (tests). */
    static int execute(String[] args, PrintWriter out, PrintWriter err, GuideReader reader) {
        try {
            Arguments program = Parser.parse(PROGRAM, Arrays.asList(args));
            if (program.helpAsked() || program.versionAsked()) {
                return answered(PROGRAM, program, out);
            }
            if (program.command().equals(HELP)) {
                return help(program.rest(), out, reader);
            }
            Command command = command(program.command(), reader);
            Syntax syntax = command.syntax();
            Arguments given = Parser.parse(syntax, program.rest());
            if (given.helpAsked() || given.versionAsked()) {
                return answered(syntax, given, out);
            }
            return command.run(given, out, err);
        } catch (UsageError e) {
            err.println(e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (Exception | Error e) {
            // an Error too (a stack or the heap exhausted, a class that cannot be loaded): one line, not the trace
            // the JVM would print for it
            return failed(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A command of {@link #COMMANDS}: made only when it runs (or its help is shown), with the reader it may use. */
    private record Listed(String name, String description, Function<GuideReader, Command> make) {
    }

    private static Syntax program() {
        Syntax.Builder program = Syntax.command("rehearse", "Runs documentation: reads a guide, turns it into steps, "
                + "runs them on a real target and checks every output against the guide.");
        COMMANDS.forEach(command -> program.subcommand(command.name(), command.description()));
        return program.subcommand(HELP, "Display help information about the specified command.").build();
    }

    /** The command of this name, one of {@link #COMMANDS}. */
    static Command command(String name, GuideReader reader) {
        return COMMANDS.stream().filter(command -> command.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no command " + name)).make().apply(reader);
    }

    /** The names of the commands, {@code help} last. */
    static List<String> commands() {
        return List.copyOf(PROGRAM.commands().keySet());
    }

    /** {@code --help} or {@code --version}, on any command. */
    private static int answered(Syntax syntax, Arguments given, PrintWriter out) {
        out.print(given.helpAsked() ? HelpText.of(syntax) : "rehearse " + VERSION + "\n");
        return 0;
    }

    /** {@code rehearse help [COMMAND]}. */
    private static int help(List<String> args, PrintWriter out, GuideReader reader) {
        Arguments given = Parser.parse(HELP_SYNTAX, args);
        if (given.helpAsked() || given.versionAsked()) {
            return answered(HELP_SYNTAX, given, out);
        }
        String name = given.get(COMMAND);
        if (name == null || name.equals(HELP)) {
            out.print(HelpText.of(name == null ? PROGRAM : HELP_SYNTAX));
            return 0;
        }
        // an unknown name is refused as `rehearse NAME` refuses it
        Parser.parse(PROGRAM, List.of(name));
        out.print(HelpText.of(command(name, reader).syntax()));
        return 0;
    }

    /** What a command that threw says, in one line, and its exit status. */
    private static int failed(Throwable ex, PrintWriter err) {
        Throwable cause = ex;
        while (cause != null && !(cause instanceof BadInput)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            err.println(cause.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (Faults.isFailureOfTheMachine(ex)) {
            // the target or this machine could not do what was asked: said in one line, as a failed run
            err.println("rehearse: " + Faults.withCauses(ex));
            return 1;
        }
        err.println(Faults.internalError(ex, line -> line));
        return EXIT_INTERNAL;
    }
}
