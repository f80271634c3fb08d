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
import dev.rehearse.run.ShardParts;
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

        // a guide below is named by its path there, as a documentation site's index pages must be
        Files.createDirectories(folder.resolve("more/runs"));
        Files.writeString(folder.resolve("more/alpha.adoc"), "= A\n");
        Files.writeString(folder.resolve("more/runs/runbook.yaml"), "guide: g.md\n");
        assertEquals(List.of("alpha", "beta", "gamma", "more/alpha", "more/runs"),
                List.copyOf(FolderRun.runbooks(folder).keySet()));

        Files.writeString(folder.resolve("alpha.rst"), "A\n=\n");
        BadInput twice = assertThrows(BadInput.class, () -> FolderRun.runbooks(folder));
        assertEquals(folder + ": two runbooks are named alpha (" + folder.resolve("alpha.md") + " and "
                + folder.resolve("alpha.rst") + "): their reports would share a folder", twice.getMessage());

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

        for (String file : List.of(FolderReport.JSON, Reports.JUNIT, FolderResult.HTML)) {
            assertEquals(Files.readString(whole.resolve(file)), Files.readString(out.resolve(file)), file);
        }
        assertTrue(merged.failed(), "delta failed, omega did not start");
        String page = Files.readString(out.resolve(FolderResult.HTML));
        assertTrue(page.contains("3 pass, 1 fail, 1 did not start"), page);
        assertTrue(page.contains("<th class=\"value\">run</th>"), "one column without --vary: " + page);
        for (Path dir : List.of(out, shards.get(0), shards.get(1))) {
            assertEquals(List.of(), JsonSchemas.problems("runs", Files.readString(dir.resolve(FolderReport.JSON))),
                    dir + ": docs/schemas/runs.schema.json holds");
        }
        assertTrue(Files.isRegularFile(out.resolve("beta").resolve(Reports.HTML)));
        assertFalse(Files.exists(out.resolve("omega")));
        assertTrue(Files.readString(out.resolve(Reports.JUNIT)).contains("did not start: no such image"));

        for (String named : List.of("docs/index", "a/b/c")) {
            assertTrue(ShardParts.namesAPath(named), named);
        }
        for (String outside : List.of("../x", "a/../../x", "/etc", "a//b", "a/", "a/.", "a\\b", "")) {
            assertFalse(ShardParts.namesAPath(outside), outside);
        }

        BadInput twice = assertThrows(BadInput.class,
                () -> FolderMerge.merge(List.of(shards.get(0), shards.get(0)), tmp.resolve("again"), false));
        assertEquals(shards.get(0) + ": shard 1/2 is given twice (also " + shards.get(0) + ")", twice.getMessage());
        BadInput whole2 = assertThrows(BadInput.class,
                () -> FolderMerge.merge(List.of(whole, shards.get(0)), tmp.resolve("again"), false));
        assertTrue(whole2.getMessage().startsWith(shards.get(0).resolve(FolderReport.JSON)
                + ": a part of other runs than "
                + whole), whole2.getMessage());
    }

    @Test
    void pairsAreDealtByRunbookThenValueAndTheirShardsMergedAreTheWholeRun() throws IOException {
        FolderPairs pairs = new FolderPairs(List.of("a", "a-b"), "v", List.of("2.0", "1.0"));
        assertEquals(List.of("a[v=2.0]", "a[v=1.0]", "a-b[v=2.0]", "a-b[v=1.0]"),
                pairs.all().stream().map(pairs::label).toList(), "columns in the order --vary gave the values");
        // by runbook, then value: a 1.0, a 2.0, a-b 1.0, a-b 2.0 (by label, a-b[ would sort before a[)
        assertEquals(List.of("a[v=1.0]", "a-b[v=1.0]"), new Shard(1, 2).of(pairs.all(), FolderPairs::order)
                .stream().map(pairs::label).toList());

        FolderPairs grid = new FolderPairs(NAMES, "version", List.of("1.0", "2.0"));
        Path whole = write(tmp.resolve("whole"), grid, Shard.WHOLE, Duration.ofMillis(300));
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            shards.add(write(tmp.resolve("shard-" + i), grid, new Shard(i, 3), Duration.ofMillis(300)));
        }
        // ten pairs dealt round over three jobs: four, three and three
        assertEquals(List.of(4, 3, 3), shards.stream().map(FolderShardsTest::runsIn).toList());
        Path out = tmp.resolve("merged");
        FolderResult merged = FolderMerge.merge(List.of(shards.get(2), shards.get(0), shards.get(1)), out, false);

        assertEquals(10, merged.runs().size());
        for (String file : List.of(FolderReport.JSON, Reports.JUNIT, FolderResult.HTML)) {
            assertEquals(Files.readString(whole.resolve(file)), Files.readString(out.resolve(file)), file);
        }
        String page = Files.readString(out.resolve(FolderResult.HTML));
        // gamma passes under 1.0 and fails under 2.0: its row is marked, the others are not
        assertTrue(page.contains("<tr class=\"regression\" id=\"runbook-gamma\">"), page);
        assertTrue(page.contains("<tr class=\"\" id=\"runbook-alpha\">"), page);
        assertTrue(page.contains("<th class=\"value\">version=1.0</th>"), page);
        assertTrue(page.contains("<a href=\"./gamma%5Bversion=2.0%5D/report.html\">report</a>"), page);
        assertTrue(page.contains("5 pass, 3 fail, 2 did not start, 1 runbook changes between values"), page);
        assertEquals(List.of(), JsonSchemas.problems("runs", Files.readString(out.resolve(FolderReport.JSON))));
        assertTrue(Files.isRegularFile(out.resolve("gamma[version=2.0]").resolve(Reports.HTML)));
        assertTrue(Files.readString(out.resolve(Reports.JUNIT)).contains("name=\"beta[version=1.0]\""));

        BadInput missing = assertThrows(BadInput.class,
                () -> FolderMerge.merge(List.of(shards.get(0), shards.get(2)), tmp.resolve("again"), false));
        assertEquals("merge: shard 2/3 of guides is missing (alpha[version=2.0], delta[version=1.0], "
                + "gamma[version=2.0]): give its folder too, or --partial to merge without it", missing.getMessage());
        Path other = write(tmp.resolve("other"), new FolderPairs(NAMES, "version", List.of("1.0", "3.0")),
                new Shard(2, 3), Duration.ofMillis(1));
        assertTrue(assertThrows(BadInput.class, () -> FolderMerge.merge(List.of(shards.get(0), other),
                tmp.resolve("again"), false)).getMessage().contains("a part of other runs than"));
    }

    private static int runsIn(Path dir) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve(FolderReport.JSON).toFile())
                    .path("runs").size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path write(Path dir, Shard shard, Duration elapsed) throws IOException {
        return write(dir, new FolderPairs(NAMES, null, List.of()), shard, elapsed);
    }

    /** A folder run's reports as {@code runs --shard} writes them: delta fails, omega did not start. */
    private static Path write(Path dir, FolderPairs pairs, Shard shard, Duration elapsed) throws IOException {
        List<FolderResult.Ran> runs = new ArrayList<>();
        for (FolderPairs.Pair pair : shard.of(pairs.all(), FolderPairs::order)) {
            String name = pair.runbook();
            Path runDir = dir.resolve(pairs.label(pair));
            ReportedRun run;
            if (name.equals("omega")) {
                run = new ReportedRun(new RunReport(name, null, "did not start", List.of(), Duration.ofMillis(5)),
                        "no such image: omega");
            } else {
                CommandStep step = new CommandStep(1, name + ".md", 3, List.of(name), "echo " + name, null, List.of(),
                        List.of(), List.of(), StepPolicy.DEFAULT);
                // delta fails; with a variable, gamma fails from its second value on: a regression
                Verdict verdict = name.equals("delta") || name.equals("gamma") && pair.value() != null
                        && !pair.value().equals(pairs.values().get(0)) ? Verdict.FAIL : Verdict.PASS;
                RunReport report = new RunReport(name, null, "local", List.of(new StepResult(step, verdict, 0, "",
                        name, "", verdict == Verdict.FAIL ? "exit status 1" : null, Duration.ofMillis(20))),
                        Duration.ofMillis(90));
                Reports.writeAll(report, runDir);
                run = new ReportedRun(report, null);
            }
            runs.add(new FolderResult.Ran(pair, runDir, run));
        }
        FolderReport.writeAll(new FolderResult("guides", pairs, shard, false, runs, elapsed), dir);
        return dir;
    }
}
