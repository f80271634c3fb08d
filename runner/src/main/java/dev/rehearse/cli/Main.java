package dev.rehearse.cli;

import dev.rehearse.guide.BadInput;
import dev.rehearse.model.Faults;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The one binary. Exit status: 0 no FAIL, 1 a FAIL (or a DRIFT with --strict, or a lint error),
 * 2 bad input or usage, 3 an internal error (a failure of the target or the machine, such
 * as a shell that does not start, is one line and exit 1). Bad input is one line, {@code file:line: what is wrong}, never a stack
 * trace; an internal error is one line too, {@code internal error in <stage>: <what>; details in <log file>}, with
 * the trace in that file.
 */
@Command(name = "rehearse", mixinStandardHelpOptions = true, version = "rehearse " + Main.VERSION,
        description = "Runs documentation: reads a guide, turns it into steps, runs them on a real target "
                + "and checks every output against the guide.",
        // one command a line, so that adding one never conflicts with adding another
        subcommands = {
                BlocksCommand.class,
                PlanCommand.class,
                LintCommand.class,
                RunCommand.class,
                UpdateCommand.class,
                MatrixCommand.class,
                RunsCommand.class,
                MergeCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main {

    static final String VERSION = "0.1.0";
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL = 3;

    public static void main(String[] args) {
        System.exit(execute(args, new StandardOutput(System.out), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; what tests call. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean plainBlocks = BlocksCommand.isPlain(args);
        if (plainBlocks || LintCommand.isPlain(args)) {
            // `blocks` and `lint` run in scripts over many guides: spare them picocli's start-up (see isPlain)
            try {
                return plainBlocks ? BlocksCommand.runPlain(args, out) : LintCommand.runPlain(args, out, err);
            } catch (RuntimeException e) {
                return failed(e, err);
            }
        }
        return execute(args, out, err, CommandLine.defaultFactory());
    }

    /**
     * As {@link #execute(String[], PrintWriter, PrintWriter)}, with the factory that makes the commands (tests).
     * Not public: the java launcher looks up {@code main} among the public methods, which loads their parameter
     * types, and picocli's would be read from the jar at every start.
     */
    static int execute(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new Main(), factory);
        TargetChoice.addTargetOptions(cli);
        GroupedOptions.install(cli.getSubcommands().get("run"), GroupedOptions.ofRun());
        RunsCommand.nameTheFolder(cli.getSubcommands().get("runs"));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, err));
        cli.setParameterExceptionHandler((ex, args1) -> {
            err.println(UsageErrors.describe(ex));
            return EXIT_BAD_INPUT;
        });
        return cli.execute(args);
    }

    /** What a command that threw says, in one line, and its exit status. */
    private static int failed(Exception ex, PrintWriter err) {
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
