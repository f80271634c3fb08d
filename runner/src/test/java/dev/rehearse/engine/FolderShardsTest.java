package dev.rehearse.engine;

import dev.rehearse.check.StepResult;
import dev.rehearse.cli.JsonSchemas;
import dev.rehearse.check.Verdict;
import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.ReportedRun;
import dev.rehearse.run.Shard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runbooks of a folder by name, and the merge of a folder run's shards, on files written as the run writes them.
 */
class FolderShardsTest {
    private static final List<String> NAMES = List.of("alpha", "beta", "delta", "gamma", "omega");

    @TempDir
    Path tmp;

    @Test
    void runbooksAreNamedAsTheirReportFoldersAndTwoOfOneNameAreRefused() throws IOException {
        Path folder = tmp.resolve("guides");
        Files.createDirectories(folder.resolve("gamma"));
        Files.createDirectories(folder.resolve("includes"));
        Files.writeString(folder.resolve("alpha.md"), "# A\n");
        Files.writeString(folder.resolve("beta.rst"), "B\n=\n");
        Files.writeString(folder.resolve("gamma/runbook.yaml"), "guide: g.md\n");
        Files.writeString(folder.resolve("gamma/g.md"), "# G\n");
        Files.writeString(folder.resolve("includes/part.rst"), "a fragment, no runbook\n");

        assertEquals(List.of("alpha", "beta", "gamma"), List.copyOf(FolderRun.runbooks(folder).keySet()));

        Files.createDirectories(folder.resolve("more"));
        Files.writeString(folder.resolve("more/alpha.adoc"), "= A\n");
        BadInput twice = assertThrows(BadInput.class, () -> FolderRun.runbooks(folder));
        assertEquals(folder + ": two runbooks are named alpha (" + folder.resolve("alpha.md") + " and "
                + folder.resolve("more/alpha.adoc") + "): their reports would share a folder", twice.getMessage());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(empty + ": holds no runbook (no guide file, no runbook.yaml)",
                assertThrows(BadInput.class, () -> FolderRun.runbooks(empty)).getMessage());
    }

    @Test
    void theShardsMergedAreTheWholeFolderRunByteForByte() throws IOException {
        Path whole = write(tmp.resolve("whole"), Shard.WHOLE, Duration.ofMillis(700));
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            shards.add(write(tmp.resolve("shard-" + i), new Shard(i, 2), Duration.ofMillis(i == 1 ? 700 : 300)));
        }
        Path out = tmp.resolve("merged");

        FolderResult merged = FolderMerge.merge(List.of(shards.get(1), shards.get(0)), out, false);

        for (String file : List.of(FolderReport.JSON, Reports.JUNIT)) {
            assertEquals(Files.readString(whole.resolve(file)), Files.readString(out.resolve(file)), file);
        }
        assertTrue(merged.failed(), "delta failed, omega did not start");
        for (Path dir : List.of(out, shards.get(0), shards.get(1))) {
            assertEquals(List.of(), JsonSchemas.problems("runs", Files.readString(dir.resolve(FolderReport.JSON))),
                    dir + ": docs/schemas/runs.schema.json holds");
        }
        assertTrue(Files.isRegularFile(out.resolve("beta").resolve(Reports.HTML)));
        assertFalse(Files.exists(out.resolve("omega")));
        assertTrue(Files.readString(out.resolve(Reports.JUNIT)).contains("did not start: no such image"));

        BadInput twice = assertThrows(BadInput.class,
                () -> FolderMerge.merge(List.of(shards.get(0), shards.get(0)), tmp.resolve("again"), false));
        assertEquals(shards.get(0) + ": shard 1/2 is given twice (also " + shards.get(0) + ")", twice.getMessage());
        BadInput whole2 = assertThrows(BadInput.class,
                () -> FolderMerge.merge(List.of(whole, shards.get(0)), tmp.resolve("again"), false));
        assertTrue(whole2.getMessage().startsWith(shards.get(0).resolve(FolderReport.JSON)
                + ": a part of other runs than "
                + whole), whole2.getMessage());
    }

    /** A folder run's reports as {@code runs --shard} writes them: delta fails, omega did not start. */
    private static Path write(Path dir, Shard shard, Duration elapsed) throws IOException {
        List<FolderResult.Ran> runs = new ArrayList<>();
        for (String name : shard.of(NAMES, n -> n)) {
            Path runDir = dir.resolve(name);
            ReportedRun run;
            if (name.equals("omega")) {
                run = new ReportedRun(new RunReport(name, null, "did not start", List.of(), Duration.ofMillis(5)),
                        "no such image: omega");
            } else {
                CommandStep step = new CommandStep(1, name + ".md", 3, List.of(name), "echo " + name, null, List.of(),
                        List.of(), List.of(), StepPolicy.DEFAULT);
                Verdict verdict = name.equals("delta") ? Verdict.FAIL : Verdict.PASS;
                RunReport report = new RunReport(name, null, "local", List.of(new StepResult(step, verdict, 0, "",
                        name, "", verdict == Verdict.FAIL ? "exit status 1" : null, Duration.ofMillis(20))),
                        Duration.ofMillis(90));
                Reports.writeAll(report, runDir);
                run = new ReportedRun(report, null);
            }
            runs.add(new FolderResult.Ran(name, runDir, run));
        }
        FolderReport.writeAll(new FolderResult("guides", NAMES, shard, false, runs, elapsed), dir);
        return dir;
    }
}
