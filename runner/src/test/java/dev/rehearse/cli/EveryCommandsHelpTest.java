package dev.rehearse.cli;

import dev.rehearse.cli.args.Option;
import dev.rehearse.cli.args.Parameter;
import dev.rehearse.cli.args.Syntax;
import dev.rehearse.read.Guides;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command's {@code --help} (and {@code help CMD}) through the real command line, in this process: each option
 * and parameter it declares is shown, within 80 columns; {@code --version} answers on every command.
 */
class EveryCommandsHelpTest {

    @Test
    void everyOptionOfEveryCommandIsInItsHelp() {
        for (String name : Main.commands()) {
            if (name.equals("help")) {
                continue;
            }
            Syntax syntax = Main.command(name, Guides.BY_FORMAT).syntax();
            assertEquals("rehearse " + name, syntax.name(), "the name it is called by");
            CliRun help = CliRun.of(name, "--help");
            assertEquals(0, help.exit(), help.err());
            assertEquals("", help.err());
            assertTrue(help.out().startsWith("Usage: rehearse " + name + " "), help.out());
            assertTrue(help.out().contains("\n" + syntax.description().substring(0, 20)), help.out());
            for (Option<?> option : syntax.options()) {
                String shown = (option.shortName() != null ? "  " + option.shortName() + ", " : "      ")
                        + option.shown();
                assertTrue(help.out().contains("\n" + shown + " ") || help.out().contains("\n" + shown + "\n"),
                        name + ": " + shown + " in\n" + help.out());
            }
            for (Parameter<?> parameter : syntax.parameters()) {
                assertTrue(help.out().contains("\n      " + parameter.shown() + " "), parameter.shown());
            }
            assertTrue(help.out().lines().allMatch(line -> line.length() < 80), help.out());
            assertEquals(help, CliRun.of("help", name), "help " + name);
            assertEquals(help, CliRun.of(name, "-h"));
            assertEquals(new CliRun(0, "rehearse 0.1.0\n", ""), CliRun.of(name, "--version"));
        }
    }

    @Test
    void theProgramsHelpListsEveryCommand() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("Usage: rehearse [-hV] [COMMAND]\n"), help.out());
        for (String name : Main.commands()) {
            assertTrue(help.out().contains("\n  " + name + " "), name + " in\n" + help.out());
        }
        assertEquals(help, CliRun.of("help"));
        assertTrue(help.out().lines().allMatch(line -> line.length() < 80), help.out());
        assertEquals(new CliRun(0, "rehearse 0.1.0\n", ""), CliRun.of("-V"));
    }

    @Test
    void helpOfACommandThatIsNotThereIsRefusedAsTheCommandIs() {
        assertEquals(new CliRun(2, "", "rehearse: unknown command 'rnu' (did you mean 'run'?)\n"),
                CliRun.of("help", "rnu"));
        assertEquals(new CliRun(2, "", "rehearse: Missing required subcommand (rehearse --help shows the usage)\n"),
                CliRun.of());
        CliRun helpOfHelp = CliRun.of("help", "help");
        assertTrue(helpOfHelp.out().startsWith("Usage: rehearse help [-hV] [COMMAND]\n"), helpOfHelp.out());
    }
}
