package dev.rehearse.cli;

import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rehearse update} on a real run of the local target: a guide drifted by hand comes back byte for byte,
 * real values are written as the guide's examples, and the secret never reaches the file.
 */
class UpdateCommandIT {

    /** CRLF endings, tab indentation, trailing blanks, emphasize-lines: all of it must survive an update. */
    private static final String GUIDE = String.join("\r\n",
            "Update round trip",
            "=================",
            "",
            "Trailing blanks stay.   ",
            "",
            ".. code-block:: console",
            "  :emphasize-lines: 2",
            "",
            "\t[isabell@stardust ~]$ echo \"user $(whoami) in $HOME\"",
            "\tuser isabell in /home/isabell",
            "\t[isabell@stardust ~]$ echo '<my super secure password>' > ~/secret.txt; cat ~/secret.txt",
            "\t<my super secure password>",
            "\t[isabell@stardust ~]$ printf 'one\\ntwo\\n'",
            "\tone",
            "\ttwo",
            "\t[isabell@stardust ~]$",
            "",
            "The end.",
            "");

    private static final String SIDECAR = "guide: guide_update.rst\n"
            + "bindings:\n"
            + "  <my super secure password>: {generate: secret}\n";

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome rehearse(String... args) {
        RehearseJar.Outcome o = RehearseJar.run(args);
        return new Outcome(o.exit(), o.out(), o.err());
    }

    private static Path runbook(Path dir, String guide) throws IOException {
        // as root the run's user is another one, and must reach the sandbox HOME inside this folder
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path book = Files.createDirectories(dir.resolve("book"));
        Files.writeString(book.resolve("guide_update.rst"), guide);
        Files.writeString(book.resolve("runbook.yaml"), SIDECAR);
        return book;
    }

    @Test
    void aStepDriftedByHandComesBackByteForByteAndNothingElseMoves(@TempDir Path dir) throws IOException {
        String drifted = GUIDE.replace("\tone\r\n\ttwo\r\n", "\tone\r\n\tzwei\r\n\tdrei\r\n");
        Path book = runbook(dir, drifted);
        Path home = dir.resolve("home");

        Outcome run = rehearse("run", book.toString(), "--target", "local:" + home, "--report-dir", dir.resolve("r").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("DRIFT 3/3"), run.out());

        Outcome dry = rehearse("update", book.toString(), "--from-report", dir.resolve("r").toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("-\tzwei") && dry.out().contains("-\tdrei") && dry.out().contains("+\ttwo"), dry.out());
        assertEquals(drifted, Files.readString(book.resolve("guide_update.rst")), "--dry-run writes nothing");

        Outcome update = rehearse("update", book.toString(), "--from-report", dir.resolve("r").toString());
        assertEquals(0, update.exit(), update.err());
        assertEquals(GUIDE, Files.readString(book.resolve("guide_update.rst")));
        Path original = dir.resolve("r/backups").resolve(book.resolve("guide_update.rst").toAbsolutePath().toString()
                .substring(1));
        assertEquals(drifted, Files.readString(original), "the old guide is kept, in the report folder");
        assertTrue(update.out().contains(" (1 drifted step; as it was: " + original + ")"), update.out());
        try (var beside = Files.list(book)) {
            assertEquals(List.of("guide_update.rst", "runbook.yaml"),
                    beside.map(p -> p.getFileName().toString()).sorted().toList(), "nothing beside the guide");
        }

        String secret = Files.readString(home.resolve("secret.txt")).strip();
        assertFalse(secret.isEmpty() || secret.contains("<"), "the run wrote the real secret: " + secret);
        for (Path file : new Path[]{book.resolve("guide_update.rst"), dir.resolve("r/results.json"),
                dir.resolve("r/report.html"), dir.resolve("r/junit.xml")}) {
            assertFalse(Files.readString(file).contains(secret), file + " holds the secret");
        }
    }

    @Test
    void realValuesGoBackAsTheGuidesExamplesAndTheSecretStaysAPlaceholder(@TempDir Path dir) throws IOException {
        // the guide shows other output for the two steps that print the user, home and secret
        String drifted = GUIDE.replace("\tuser isabell in /home/isabell", "\tuser nobody in /nowhere")
                .replace("\t<my super secure password>\r\n\t[", "\thunter2\r\n\t[");
        Path book = runbook(dir, drifted);

        Outcome update = rehearse("update", book.toString(), "--target", "local:" + dir.resolve("home"));

        assertEquals(0, update.exit(), update.out() + update.err());
        assertEquals(GUIDE, Files.readString(book.resolve("guide_update.rst")));
    }

    /** A guide that links out of its runbook's folder is another tree's file: before, update rewrote it there. */
    @Test
    void aGuideThatLinksOutOfItsFolderIsNotWrittenThrough(@TempDir Path dir) throws IOException {
        String drifted = GUIDE.replace("\tone\r\n\ttwo\r\n", "\tone\r\n\tzwei\r\n");
        Path real = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("guide.rst"), drifted);
        Path book = runbook(dir, GUIDE);
        Files.delete(book.resolve("guide_update.rst"));
        Files.createSymbolicLink(book.resolve("guide_update.rst"), real);

        Outcome update = rehearse("update", book.toString(), "--target", "local:" + dir.resolve("home"));

        assertEquals(2, update.exit(), update.out() + update.err());
        assertTrue(update.err().strip().endsWith("update writes no file through a link out of it (update that file "
                + "where it is)"), update.err());
        assertEquals(1, update.err().strip().lines().count(), update.err());
        assertEquals(drifted, Files.readString(real), "the file the link points to is as it was");
    }

    @Test
    void aReportFromAnotherVersionOfTheGuideIsRefused(@TempDir Path dir) throws IOException {
        Path book = runbook(dir, GUIDE.replace("\tone\r\n", "\tuno\r\n"));
        assertEquals(0, rehearse("run", book.toString(), "--report-dir", dir.resolve("r").toString()).exit());
        Files.writeString(book.resolve("guide_update.rst"), "Moved\r\n=====\r\n\r\n" + GUIDE);

        Outcome update = rehearse("update", book.toString(), "--from-report", dir.resolve("r").toString());

        assertEquals(2, update.exit());
        assertTrue(update.err().strip().matches(".*results\\.json: step 3 was at guide_update\\.rst:13, .*"), update.err());
        assertEquals(1, update.err().strip().lines().count(), update.err());
    }

    /**
     * Two guides of one name ({@code a/index.md}, {@code b/index.md}): each run's reports go to a folder of its own,
     * and the report of one is refused for the other. Before, b's run replaced a's reports, and a's update read b's.
     */
    @Test
    void guidesOfOneNameKeepTheirReportsApartAndOnesReportIsRefusedForTheOther(@TempDir Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path a = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("index.md"),
                "# a\n\n```console\n$ echo 1\n2\n```\n");
        Path b = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("index.md"),
                "# b\n\n```console\n$ echo b\nb\n```\n");
        Path state = dir.resolve("state");
        RehearseJar.Outcome ranA = RehearseJar.in(dir, Map.of("XDG_STATE_HOME", state.toString()), "run", a.toString());
        RehearseJar.Outcome ranB = RehearseJar.in(dir, Map.of("XDG_STATE_HOME", state.toString()), "run", b.toString());
        assertTrue(ranA.out().contains(state.resolve("rehearse/index/report.html").toString()), ranA.out());
        assertTrue(ranB.out().contains(state.resolve("rehearse/index-2/report.html").toString()), ranB.out());

        Outcome wrong = rehearse("update", a.toString(), "--from-report", state.resolve("rehearse/index-2").toString());
        assertEquals(2, wrong.exit(), wrong.out());
        assertEquals("--from-report " + state.resolve("rehearse/index-2") + ": this is a report of " + b
                + ", not of " + a + ": give the report folder of a run of this guide", wrong.err().strip());

        Outcome right = rehearse("update", a.toString(), "--from-report", state.resolve("rehearse/index").toString());
        assertEquals(0, right.exit(), right.err());
        assertTrue(Files.readString(a).contains("$ echo 1\n1\n"), Files.readString(a));
    }

    /**
     * The seed, on a fresh stardust container: one step drifted by hand in a copy (the port the firewall include
     * shows), that step run, the guide updated from the run's report. The real port maps back to the guide's
     * 40132, so every file of the copy comes back byte for byte as the seed has it.
     */
    @Test
    void theSeedDriftedByHandInAnIncludeIsRestoredByUpdate(@TempDir Path dir) throws IOException {
        Path seed = Path.of(System.getProperty("rehearse.root"), "runbooks", "synapse");
        Path copy = dir.resolve("synapse");
        for (String file : new String[]{"guide_synapse.rst", "runbook.yaml", "includes/open-port.rst",
                "includes/web-backend.rst"}) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(seed.resolve(file), copy.resolve(file));
        }
        String shown = "Port 40132 will be open for TCP and UDP traffic in a few minutes.";
        Path include = copy.resolve("includes/open-port.rst");
        Files.writeString(include, Files.readString(include).replace(shown, "Port 40132 is open."));
        int step = stepOf(copy, "uberspace port add");

        Outcome run = rehearse("run", copy.toString(), "--target", "container", "--only", String.valueOf(step),
                "--report-dir", dir.resolve("r").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("DRIFT " + step + "/"), run.out());

        Outcome update = rehearse("update", copy.toString(), "--from-report", dir.resolve("r").toString());
        assertEquals(0, update.exit(), update.err());
        assertTrue(update.out().contains("updated " + include + " (1 drifted step; as it was: "), update.out());
        for (String file : new String[]{"guide_synapse.rst", "runbook.yaml", "includes/open-port.rst",
                "includes/web-backend.rst"}) {
            assertEquals(Files.readString(seed.resolve(file)), Files.readString(copy.resolve(file)), file);
        }
    }

    private static int stepOf(Path runbook, String command) {
        Outcome plan = rehearse("plan", runbook.toString(), "--json");
        assertEquals(0, plan.exit(), plan.err());
        try {
            for (var step : new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan.out()).path("steps")) {
                if (command.equals(step.path("command").asText())) {
                    return step.path("n").asInt();
                }
            }
        } catch (IOException e) {
            throw new AssertionError("plan --json is not JSON: " + plan.out(), e);
        }
        throw new AssertionError("no step runs " + command + " in\n" + plan.out());
    }
}
