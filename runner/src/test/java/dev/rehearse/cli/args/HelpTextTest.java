package dev.rehearse.cli.args;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --help} as a declared syntax shows it: usage line, two columns, headings, footer, all within 80 columns. */
class HelpTextTest {
    private static final String LONG = "keep this much of a step's output, half its start, half its end (default: "
            + "2M, or the sidecar's max_output); the whole output goes to output/step-N.log in the report folder";

    @Test
    void aCommandWithoutHeadingsListsItsParametersThenItsOptionsByName() {
        Syntax plan = Syntax.command("rehearse plan", "Shows the steps.")
                .parameter(Parameter.one("RUNBOOK", "a runbook", Option.PATH))
                .options(Option.flag("--json", "as JSON"), Option.list("--bind", "NAME=VALUE", "a binding"),
                        Option.value("--vary", "NAME=V1,V2,...", "values").required(),
                        Option.value("--from", "N", "from step N"))
                .build();
        assertEquals("""
                Usage: rehearse plan [-hV] [--json] [--from=N] --vary=NAME=V1,V2,...
                                     [--bind=NAME=VALUE]... RUNBOOK
                Shows the steps.
                      RUNBOOK             a runbook
                      --bind=NAME=VALUE   a binding
                      --from=N            from step N
                  -h, --help              Show this help message and exit.
                      --json              as JSON
                  -V, --version           Print version information and exit.
                      --vary=NAME=V1,V2,...
                                          values
                """, HelpText.of(plan));
    }

    @Test
    void descriptionsWrapBetweenWordsInTheirColumnWithinEightyColumns() {
        Syntax run = Syntax.command("rehearse run", "Runs a runbook on a target and checks every output against the "
                        + "guide, then writes its reports where --report-dir says, or in the default folder.")
                .options(Option.value("--max-output", "SIZE", LONG),
                        Option.value("--x", "Y", "a-word-far-too-long-for-any-line-".repeat(4))).build();
        String help = HelpText.of(run);
        assertTrue(help.lines().allMatch(line -> line.length() < 80), help);
        assertTrue(help.contains("""
                Runs a runbook on a target and checks every output against the guide, then
                writes its reports where --report-dir says, or in the default folder.
                """), help);
        assertTrue(help.contains("""
                      --max-output=SIZE   keep this much of a step's output, half its start,
                                            half its end (default: 2M, or the sidecar's
                                            max_output); the whole output goes to
                                            output/step-N.log in the report folder
                """), help);
        String words = String.join("", help.lines().filter(l -> l.contains("-line"))
                .map(l -> l.replace("--x=Y", "").strip()).toList());
        assertEquals("a-word-far-too-long-for-any-line-".repeat(4), words, "a word longer than a line is cut");
    }

    @Test
    void headingsGroupTheOptionsAndTheRestGoUnderOtherOptions() {
        Syntax run = Syntax.command("rehearse run", "Runs.").synopsis("rehearse run [OPTIONS] RUNBOOK")
                .parameter(Parameter.one("RUNBOOK", "a runbook", Option.PATH))
                .options(Option.flag("--strict", "strict"), Option.value("--from", "N", "from"),
                        Option.flag("-q", "--quiet", "quiet"), Option.value("--max-output", "SIZE", "size"))
                .heading("Which steps", "--from")
                .heading("Nothing of ours", "--identity")
                .heading("Output", "--quiet", "--strict", "--help", "--version")
                .footer("Examples", "  rehearse run GUIDE", "  # a comment that goes on for long enough to be "
                        + "wrapped, as indented as it starts")
                .build();
        assertEquals("""
                Usage: rehearse run [OPTIONS] RUNBOOK
                Runs.
                      RUNBOOK             a runbook

                Which steps:
                      --from=N            from

                Output:
                  -q, --quiet             quiet
                      --strict            strict
                  -h, --help              Show this help message and exit.
                  -V, --version           Print version information and exit.

                Other options:
                      --max-output=SIZE   size

                Examples:
                  rehearse run GUIDE
                  # a comment that goes on for long enough to be wrapped, as indented as it
                  starts
                """, HelpText.of(run));
    }

    @Test
    void aProgramListsItsCommands() {
        Syntax program = Syntax.command("rehearse", "Runs documentation.")
                .subcommand("run", "Runs a runbook.")
                .subcommand("matrix", "Runs a runbook once per value of a variable (e.g. the version it installs), "
                        + "each on a fresh target.").build();
        assertEquals("""
                Usage: rehearse [-hV] [COMMAND]
                Runs documentation.
                  -h, --help      Show this help message and exit.
                  -V, --version   Print version information and exit.
                Commands:
                  run     Runs a runbook.
                  matrix  Runs a runbook once per value of a variable (e.g. the version it
                            installs), each on a fresh target.
                """, HelpText.of(program));
        assertEquals(List.of("run", "matrix"), List.copyOf(program.commands().keySet()));
    }
}
