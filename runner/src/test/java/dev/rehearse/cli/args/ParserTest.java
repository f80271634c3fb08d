package dev.rehearse.cli.args;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line read against a declared syntax: every form of option, and each way one can be wrong. */
class ParserTest {
    private static final Parameter<String> RUNBOOK = Parameter.one("RUNBOOK", "the runbook", text -> text);
    private static final Option<Integer> FROM = Option.value("--from", "N", "from step N", Option.INTEGER);
    private static final Option<String> TARGET = Option.value("--target", "SPEC", "where");
    private static final Option<List<String>> BIND = Option.list("--bind", "NAME=VALUE", "a binding");
    private static final Option<Boolean> KEEP = Option.flag("--keep", "keep it");
    private static final Option<Boolean> QUIET = Option.flag("-q", "--quiet", "say little");
    private static final Option<Boolean> VERBOSE = Option.flag("-v", "--verbose", "say much");
    private static final Option<Integer> JOBS = Option.value("--jobs", "N", "at a time", Option.INTEGER).orElse(1);

    private static final Syntax RUN = Syntax.command("rehearse run", "Runs.").parameter(RUNBOOK)
            .options(FROM, TARGET, BIND, KEEP, QUIET, VERBOSE, JOBS).build();

    private static Arguments run(String... args) {
        return Parser.parse(RUN, List.of(args));
    }

    private static String refusal(Syntax syntax, String... args) {
        return assertThrows(UsageError.class, () -> Parser.parse(syntax, List.of(args))).getMessage();
    }

    @Test
    void aValueIsTheNextArgumentOrWhatFollowsTheEqualsSign() {
        Arguments apart = run("--from", "12", "guide.md", "--target", "local:/tmp/a=b");
        Arguments joined = run("--from=12", "guide.md", "--target=local:/tmp/a=b");
        for (Arguments given : List.of(apart, joined)) {
            assertEquals(12, given.get(FROM));
            assertEquals("local:/tmp/a=b", given.get(TARGET));
            assertEquals("guide.md", given.get(RUNBOOK));
        }
        assertEquals("", run("g", "--target=").get(TARGET), "an empty value is a value");
        assertEquals("-x", run("g", "--target", "-x").get(TARGET), "a value may start with a dash");
    }

    @Test
    void anOptionNotGivenHasItsDefault() {
        Arguments given = run("guide.md");
        assertNull(given.get(FROM));
        assertEquals(List.of(), given.get(BIND));
        assertFalse(given.get(KEEP));
        assertEquals(1, given.get(JOBS));
        assertNull(given.value("--from"));
    }

    @Test
    void aListOptionTakesEveryValueInOrderAndAnotherOptionOnlyOne() {
        assertEquals(List.of("a=1", "b=2", "a=3"), run("--bind", "a=1", "g", "--bind=b=2", "--bind", "a=3").get(BIND));
        assertEquals("rehearse run: option '--from' (N) should be specified only once (rehearse run --help shows the "
                + "usage)", refusal(RUN, "--from=3", "--from", "4", "g"));
    }

    @Test
    void flagsAreTrueWhenGivenAlsoTogetherAndTakeAnExplicitTruthValue() {
        Arguments given = run("g", "--keep", "-qv");
        assertTrue(given.get(KEEP));
        assertTrue(given.get(QUIET));
        assertTrue(given.get(VERBOSE));
        assertEquals(Boolean.TRUE, given.value("--keep"));
        assertFalse(run("g", "--keep=false").get(KEEP));
        assertTrue(run("g", "--keep=TRUE").get(KEEP));
        assertEquals("rehearse run: Invalid value for option '--keep': 'yes' is not a boolean (rehearse run --help "
                + "shows the usage)", refusal(RUN, "g", "--keep=yes"));
        assertEquals("rehearse run: unknown option '-qx' (rehearse run --help lists them)", refusal(RUN, "g", "-qx"));
        assertEquals("rehearse run: unknown option '-q=true' (rehearse run --help lists them)",
                refusal(RUN, "g", "-q=true"), "a one-letter flag takes no value");
    }

    @Test
    void anUnknownOptionIsBlamedWithTheClosestLongName() {
        assertEquals("rehearse run: unknown option '--targt' (did you mean '--target'?)",
                refusal(RUN, "--targt", "local", "g"));
        assertEquals("rehearse run: unknown option '--verbos' (did you mean '--verbose'?)",
                refusal(RUN, "g", "--verbos=true"));
        assertEquals("rehearse run: unknown option '--hlp' (did you mean '--help'?)", refusal(RUN, "--hlp"));
        assertEquals("rehearse run: unknown option '--colour' (rehearse run --help lists them)",
                refusal(RUN, "g", "--colour"));
        assertEquals("rehearse run: unknown option '-x' (rehearse run --help lists them)", refusal(RUN, "-x", "g"),
                "a one-letter name is too short to guess from");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertEquals("rehearse run: Missing required parameter for option '--target' (SPEC) (rehearse run --help "
                + "shows the usage)", refusal(RUN, "g", "--target"));
        assertEquals("rehearse run: Expected parameter for option '--from' but found '--keep' (rehearse run --help "
                + "shows the usage)", refusal(RUN, "g", "--from", "--keep"));
        assertEquals("rehearse run: Expected parameter for option '--target' but found '--jobs=2' (rehearse run "
                + "--help shows the usage)", refusal(RUN, "g", "--target", "--jobs=2"));
    }

    @Test
    void aValueItsConversionRefusesIsBlamedWithTheConversionsWords() {
        assertEquals("rehearse run: Invalid value for option '--from': 'x' is not an int (rehearse run --help shows "
                + "the usage)", refusal(RUN, "g", "--from", "x"));
        Syntax even = Syntax.command("rehearse even", "Even.").parameter(Parameter.one("N", "even", text -> {
            if (Integer.parseInt(text) % 2 != 0) {
                throw new IllegalArgumentException("'" + text + "' is odd");
            }
            return text;
        })).build();
        assertEquals("rehearse even: Invalid value for parameter 'N': '3' is odd (rehearse even --help shows the "
                + "usage)", refusal(even, "3"));
    }

    @Test
    void parametersAreCountedWhereverTheyStand() {
        assertEquals("rehearse run: Missing required parameter: 'RUNBOOK' (rehearse run --help shows the usage)",
                refusal(RUN, "--keep"));
        assertEquals("rehearse run: unexpected argument 'extra'", refusal(RUN, "g", "--keep", "extra"));
        Parameter<List<String>> guides = Parameter.many("GUIDE", "guides", text -> text);
        Syntax lint = Syntax.command("rehearse lint", "Lints.").parameter(guides).options(KEEP).build();
        assertEquals(List.of("a", "b", "c"), Parser.parse(lint, List.of("a", "--keep", "b", "c")).get(guides));
        assertEquals("rehearse lint: Missing required parameter: 'GUIDE' (rehearse lint --help shows the usage)",
                refusal(lint, "--keep"));
    }

    @Test
    void twoDashesEndTheOptions() {
        assertEquals("--keep", run("--", "--keep").get(RUNBOOK));
        assertEquals("-", run("-").get(RUNBOOK), "a lone dash is an argument");
        assertEquals("rehearse run: unexpected argument '--x'", refusal(RUN, "g", "--", "--x"));
    }

    @Test
    void aRequiredOptionMustBeGiven() {
        Option<String> vary = Option.value("--vary", "NAME=V1,V2,...", "values").required();
        Syntax matrix = Syntax.command("rehearse matrix", "Varies.").parameter(RUNBOOK).options(vary).build();
        assertEquals("rehearse matrix: Missing required option: '--vary=NAME=V1,V2,...' (rehearse matrix --help "
                + "shows the usage)", refusal(matrix, "g"));
        assertEquals("n=1,2", Parser.parse(matrix, List.of("g", "--vary", "n=1,2")).get(vary));
    }

    @Test
    void helpOrVersionEndsTheReadingAndNeedsNothingElse() {
        assertTrue(run("--help").helpAsked());
        assertTrue(run("-h", "--bogus").helpAsked(), "what follows the help is not read");
        assertTrue(run("-qh").helpAsked());
        assertTrue(run("--from", "2", "-V").versionAsked());
        assertFalse(run("g").helpAsked() || run("g").versionAsked());
        assertEquals("rehearse run: unknown option '--bogus' (rehearse run --help lists them)",
                refusal(RUN, "--bogus", "--help"), "what comes before it is");
    }

    @Test
    void aProgramOfCommandsLeavesTheRestToTheCommandNamed() {
        Syntax program = Syntax.command("rehearse", "Runs documentation.").subcommand("run", "Runs.")
                .subcommand("lint", "Lints.").build();
        Arguments given = Parser.parse(program, List.of("run", "--keep", "g", "--help"));
        assertEquals("run", given.command());
        assertEquals(List.of("--keep", "g", "--help"), given.rest());
        assertFalse(given.helpAsked());
        assertTrue(Parser.parse(program, List.of("--help", "run")).helpAsked());
        assertEquals("rehearse: unknown command 'rnu' (did you mean 'run'?)", refusal(program, "rnu", "g"));
        assertEquals("rehearse: unknown command 'zzzzz' (rehearse --help lists them)", refusal(program, "zzzzz"));
        assertEquals("rehearse: unknown option '--verson' (did you mean '--version'?)", refusal(program, "--verson"));
        assertEquals("rehearse: Missing required subcommand (rehearse --help shows the usage)", refusal(program));
    }

    @Test
    void anOptionDeclaredTwiceIsAMistakeOfTheDeclaration() {
        assertThrows(IllegalArgumentException.class, () -> Syntax.command("x", "X.").options(KEEP, KEEP));
        assertThrows(IllegalArgumentException.class, () -> Syntax.command("x", "X.")
                .options(Option.flag("-h", "--hold", "hold")).build(), "-h is the help's");
        assertThrows(IllegalArgumentException.class, () -> Option.flag("keep", "no dashes"));
    }
}
