package dev.rehearse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mistyped name is refused in one line that blames it and offers the closest known one: a variable given with
 * {@code --bind} (which would otherwise bind nothing and test nothing, in green), a command, an option. Through the
 * real command line, in this process; nothing runs.
 */
class MistypedNamesTest {
    private static final Path ROOT = Path.of(System.getProperty("rehearse.root", ".."));
    private static final String WORKERS = ROOT.resolve("fixtures/workers").toString();

    private static CliRun rehearse(String... args) {
        return CliRun.of(args);
    }

    @Test
    void aBoundVariableNothingUsesIsRefusedWithTheClosestKnownName() {
        CliRun typo = rehearse("plan", WORKERS, "--bind", "worker=4");
        assertEquals(2, typo.exit());
        assertEquals("--bind worker: unknown variable 'worker' (did you mean 'workers'?)\n", typo.err());

        CliRun unknown = rehearse("plan", ROOT.resolve("fixtures/guides/drift.rst").toString(), "--bind", "Bye=Hi");
        assertEquals(2, unknown.exit());
        assertEquals("--bind Bye: unknown variable 'Bye': neither a sidecar variable (vars:) nor a value the guide "
                + "shows\n", unknown.err());

        CliRun right = rehearse("plan", WORKERS, "--bind", "workers=4");
        assertEquals(0, right.exit(), right.err());
        assertTrue(right.out().contains("$ echo \"starting 4 workers\""), right.out());

        CliRun example = rehearse("plan", ROOT.resolve("fixtures/guides/drift.rst").toString(), "--bind", "done=ok");
        assertEquals(0, example.exit(), "an example value the guide shows: " + example.err());
    }

    @Test
    void aMistypedCommandOrOptionIsBlamedWithASuggestion() {
        CliRun command = rehearse("rnu", WORKERS);
        assertEquals(2, command.exit());
        assertEquals("rehearse: unknown command 'rnu' (did you mean 'run'?)\n", command.err());

        CliRun option = rehearse("run", "--targt", "local", WORKERS);
        assertEquals(2, option.exit());
        assertEquals("rehearse run: unknown option '--targt' (did you mean '--target'?)\n", option.err());

        CliRun cutShort = rehearse("run", "--report", "/tmp/r", WORKERS);
        assertEquals(2, cutShort.exit());
        assertEquals("rehearse run: unknown option '--report' (did you mean '--report-dir'?)\n", cutShort.err());

        CliRun format = rehearse("lint", WORKERS, "--format", "xml");
        assertEquals(2, format.exit());
        assertEquals("--format xml: unknown format: text, json or sarif\n", format.err());
    }

    @Test
    void helpNamesACommandsHelp() {
        CliRun help = rehearse("help", "run");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("Usage: rehearse run [OPTIONS] RUNBOOK\n"), help.out());
        for (String heading : new String[]{"Which steps:", "Where and with which values:",
                "ssh (with --target ssh://...):", "Reports:", "Output:", "Examples:"}) {
            assertTrue(help.out().contains("\n" + heading + "\n"), heading + " in\n" + help.out());
        }
        assertTrue(help.out().indexOf("--from=N") < help.out().indexOf("--target=SPEC")
                && help.out().indexOf("--target=SPEC") < help.out().indexOf("--identity=FILE"), help.out());
        assertTrue(help.out().lines().allMatch(line -> line.length() <= 80), help.out());
    }

    @Test
    void anUpdateFromAReportFolderThatIsNotThereSaysSo() {
        CliRun update = rehearse("update", WORKERS, "--from-report", "/nope");
        assertEquals(2, update.exit());
        assertEquals("--from-report /nope: no such folder: give the report folder of a run (where its results.json "
                + "is)\n", update.err());
    }

    @Test
    void aSidecarValueThatNamesAVariableNotDeclaredOffersTheClosestOne(@TempDir Path dir) throws IOException {
        Files.copy(ROOT.resolve("fixtures/workers/guide.md"), dir.resolve("guide.md"));
        Files.writeString(dir.resolve("runbook.yaml"), String.join("\n", "guide: guide.md", "vars:", "  workers: 2",
                "bindings:", "  \"2 workers\": \"${worker} workers\"", ""));

        CliRun plan = rehearse("plan", dir.toString());

        assertEquals(2, plan.exit());
        assertEquals(dir.resolve("runbook.yaml") + ":5: unknown variable 'worker' in ${worker} (did you mean "
                + "'workers'?)\n", plan.err());
    }
}
