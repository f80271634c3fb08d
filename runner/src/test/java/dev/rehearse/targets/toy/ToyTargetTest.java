package dev.rehearse.targets.toy;

import dev.rehearse.cli.Main;
import dev.rehearse.targets.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kind of target added from the test class path only (this package and one service line): the command line
 * finds it, offers its option, and runs a guide on it.
 */
class ToyTargetTest {

    private record Ran(int exit, String out, String err) {
    }

    private static Ran rehearse(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Ran(exit, out.toString(), err.toString());
    }

    private static Path guide() throws URISyntaxException {
        return Path.of(ToyTargetTest.class.getResource("/toy/toy.md").toURI());
    }

    @Test
    void theProviderIsFoundBesideTheBuiltInOnes() {
        assertEquals(java.util.Set.of("local", "container", "ssh", "toy", "toy-broken"),
                java.util.Set.copyOf(Targets.providers().stream().map(p -> p.scheme()).toList()));
    }

    @Test
    void aGuideRunsOnTheToyTargetWithItsOwnOption(@TempDir Path reports) throws Exception {
        Ran ran = rehearse("run", guide().toString(), "--target", "toy", "--toy-user", "robin",
                "--report-dir", reports.toString());
        assertEquals(0, ran.exit(), ran.out() + ran.err());
        assertTrue(ran.out().contains("on toy robin@toybox"), ran.out());
        assertTrue(ran.out().contains("4 PASS, 0 DRIFT, 0 FAIL, 0 SKIP"), ran.out());
        String results = Files.readString(reports.resolve("results.json"));
        assertTrue(results.contains("\"target\" : \"toy robin@toybox\""), results);
    }

    @Test
    void itsOptionIsInTheHelpOfEveryCommandThatTakesATarget() {
        for (String command : new String[]{"run", "update", "matrix"}) {
            Ran help = rehearse(command, "--help");
            assertTrue(help.out().contains("--toy-user=NAME") && help.out().contains("toy (a pretend host"),
                    command + ": " + help.out());
        }
    }

    @Test
    void anUnknownSchemeIsBadInputNamingEveryKnownOne() throws URISyntaxException {
        Ran bad = rehearse("run", guide().toString(), "--target", "moon");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("--target: unknown target 'moon' (known: ") && bad.err().contains(" toy")
                && bad.err().contains("local:DIR, container, container:IMAGE, ssh://user@host[:port]"), bad.err());
    }
}
