package dev.rehearse.engine;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.rehearse.testing.RunReportText.withoutTimings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rehearse runs FOLDER --shard I/N} and {@code rehearse merge} through the built jar on the local target, with
 * fixtures/library (four runbooks: two pass, one drifts, one fails): the folder run whole, then as three shards merged,
 * gives the same junit.xml and runs.json, timings and each run's throwaway sandbox aside.
 */
class ShardedFolderIT {

    @Test
    void threeShardsMergedGiveWhatTheWholeFolderGives(@TempDir Path tmp) throws IOException {
        Path whole = tmp.resolve("whole");
        RehearseJar.Outcome all = runs("--report-dir", whole.toString());
        assertEquals(1, all.exit(), all.both());
        assertTrue(all.out().contains("runs: 4 of the 4 runbooks of library: 2 pass, 1 drift, 1 fail; junit: "
                + whole.resolve("junit.xml")), all.both());

        List<String> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path dir = tmp.resolve("shard-" + i);
            RehearseJar.Outcome shard = runs("--shard", i + "/3", "--report-dir", dir.toString());
            assertTrue(shard.out().contains("runs shard " + i + "/3: "), shard.both());
            shards.add(dir.toString());
        }
        // by name alpha, beta, delta, gamma dealt round: shard 1 runs alpha and gamma, 2 beta, 3 delta (which fails)
        assertEquals(List.of("alpha", "gamma"), folders(tmp.resolve("shard-1")));
        assertEquals(List.of("beta"), folders(tmp.resolve("shard-2")));
        assertEquals(List.of("delta"), folders(tmp.resolve("shard-3")));

        Path merged = tmp.resolve("merged");
        List<String> merge = new ArrayList<>(List.of("merge"));
        merge.addAll(List.of(shards.get(2), shards.get(0), shards.get(1)));
        merge.addAll(List.of("--into", merged.toString()));
        RehearseJar.Outcome joined = RehearseJar.run(merge.toArray(String[]::new));
        assertEquals(1, joined.exit(), joined.both());
        assertTrue(joined.out().contains("merge: 4 of the 4 runbooks of library: 2 pass, 1 drift, 1 fail"),
                joined.both());

        for (String file : List.of("junit.xml", "runs.json", "runs.html")) {
            assertEquals(withoutTimings(whole.resolve(file)), withoutTimings(merged.resolve(file)), file);
        }
        assertEquals(folders(whole), folders(merged));
        String junit = Files.readString(merged.resolve("junit.xml"));
        assertTrue(junit.contains(
                        "<testsuites errors=\"0\" failures=\"1\" name=\"library\" skipped=\"1\" tests=\"10\""),
                junit);
        assertTrue(junit.contains("classname=\"gamma\""), junit);
    }

    @Test
    void everyRunbookUnderEveryValueWholeAndAsThreeShardsMergedGivesOnePage(@TempDir Path tmp) throws IOException {
        String vary = "library_version=1.0,2.0";
        Path whole = tmp.resolve("whole");
        RehearseJar.Outcome all = runs("--vary", vary, "--report-dir", whole.toString());
        assertEquals(1, all.exit(), all.both());
        assertTrue(all.out().contains("runs: 8 of the 8 runbook-value pairs of library: 3 pass, 3 drift, 2 fail; "
                + "junit: " + whole.resolve("junit.xml") + "; page: " + whole.resolve("runs.html")), all.both());

        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int i = 1; i <= 3; i++) {
            Path dir = tmp.resolve("shard-" + i);
            RehearseJar.Outcome shard = runs("--vary", vary, "--shard", i + "/3", "--report-dir", dir.toString());
            assertTrue(shard.out().contains("runs shard " + i + "/3: "), shard.both());
            merge.add(1, dir.toString()); // in the order 3, 2, 1: the merge takes them in any
        }
        // the eight pairs by runbook, then value, dealt round over three jobs: three, three and two
        assertEquals(List.of("alpha[library_version=1.0]", "beta[library_version=2.0]", "gamma[library_version=1.0]"),
                folders(tmp.resolve("shard-1")));
        assertEquals(List.of("alpha[library_version=2.0]", "delta[library_version=1.0]", "gamma[library_version=2.0]"),
                folders(tmp.resolve("shard-2")));
        assertEquals(List.of("beta[library_version=1.0]", "delta[library_version=2.0]"),
                folders(tmp.resolve("shard-3")));

        Path merged = tmp.resolve("merged");
        merge.addAll(List.of("--into", merged.toString()));
        RehearseJar.Outcome joined = RehearseJar.run(merge.toArray(String[]::new));
        assertEquals(1, joined.exit(), joined.both());
        assertTrue(joined.out().contains("merge: 8 of the 8 runbook-value pairs of library: 3 pass, 3 drift, 2 fail"),
                joined.both());
        for (String file : List.of("junit.xml", "runs.json", "runs.html")) {
            assertEquals(withoutTimings(whole.resolve(file)), withoutTimings(merged.resolve(file)), file);
        }
        assertEquals(folders(whole), folders(merged));
        String page = Files.readString(merged.resolve("runs.html"));
        // gamma is not ready for 2.x: its second step drifts there and only there, a change between values
        assertTrue(page.contains("<tr class=\"regression\" id=\"runbook-gamma\">"), page);
        assertTrue(page.contains("<tr class=\"\" id=\"runbook-delta\">"), "fails alike under both: " + page);
        assertTrue(page.contains("<a href=\"./gamma%5Blibrary_version=2.0%5D/report.html\">report</a>"), page);
        String junit = Files.readString(merged.resolve("junit.xml"));
        assertTrue(junit.contains("<testsuites errors=\"0\" failures=\"2\" name=\"library\" skipped=\"3\" "
                + "tests=\"20\""), junit);
        assertTrue(junit.contains("classname=\"gamma[library_version=2.0]\""), junit);
        assertTrue(Files.readString(merged.resolve("gamma[library_version=2.0]/results.json")).contains("\"DRIFT\""));
    }

    @Test
    void aRunbookThatDoesNotUseTheVariableIsBadInputBeforeAnythingRuns(@TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("guides");
        Files.createDirectories(folder);
        Files.copy(Checkout.root().resolve("fixtures/library/alpha.md"), folder.resolve("alpha.md"));
        Files.writeString(folder.resolve("eps.md"), "# Eps\n\n```console\n$ echo eps\neps\n```\n");
        RehearseJar.Outcome bad = RehearseJar.run("runs", folder.toString(), "--target", "local", "--vary",
                "library_version=1.0,2.0", "--report-dir", tmp.resolve("out").toString());
        assertEquals(2, bad.exit(), bad.both());
        assertEquals(folder.resolve("eps.md") + ": --vary library_version: unknown variable 'library_version': "
                + "neither a sidecar variable (vars:) nor a value the guide shows", bad.err().strip());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing ran, nothing written");

        RehearseJar.Outcome hosts = RehearseJar.run("runs", folder.toString(), "--vary", "target=local,container",
                "--report-dir", tmp.resolve("out").toString());
        assertEquals(2, hosts.exit(), hosts.both());
        assertTrue(hosts.err().startsWith("--vary target=local,container: runs varies a variable of the runbooks, "
                + "not their target"), hosts.both());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aMissingShardIsNamedWithItsRunbooksAndABadShardIsAUsageError(@TempDir Path tmp) {
        RehearseJar.Outcome bad = runs("--shard", "4/3", "--report-dir", tmp.resolve("bad").toString());
        assertEquals(2, bad.exit(), bad.both());
        assertEquals("--shard 4/3: expected I/N, the I-th of N shards, 1 <= I <= N (e.g. 2/3)", bad.err().strip());
        assertFalse(Files.exists(tmp.resolve("bad")));

        assertEquals(0, runs("--shard", "1/3", "--report-dir", tmp.resolve("one").toString()).exit());
        RehearseJar.Outcome merge = RehearseJar.run("merge", tmp.resolve("one").toString(), "--into",
                tmp.resolve("merged").toString());
        assertEquals(2, merge.exit(), merge.both());
        assertEquals("merge: shard 2/3 of library is missing (beta): give its folder too, or --partial to merge "
                + "without it", merge.err().strip());

        RehearseJar.Outcome partial = RehearseJar.run("merge", tmp.resolve("one").toString(), "--partial", "--into",
                tmp.resolve("merged").toString());
        assertEquals(0, partial.exit(), partial.both());
        assertTrue(partial.out().contains("merge: 2 of the 4 runbooks of library: 2 pass"), partial.both());
    }

    /**
     * A documentation site: an {@code index.md} in many a folder, pages of prose among the guides. The guides run,
     * named by their paths below the folder; the pages with no step are passed over, said so, and fail nothing.
     * Before, the folder was refused for two runbooks of one name, and a page of prose did not start (exit 1).
     */
    @Test
    void aDocumentationSitesGuidesRunByTheirPathsAndItsPagesOfProseArePassedOver(@TempDir Path tmp)
            throws IOException {
        Path site = tmp.resolve("docs");
        Files.createDirectories(site.resolve("api"));
        Files.createDirectories(site.resolve("install"));
        Files.createDirectories(site.resolve("usage"));
        Files.writeString(site.resolve("index.md"), "# Welcome\n\nThese pages tell how to install and use it.\n");
        Files.writeString(site.resolve("api/index.md"), "# API\n\nAn answer looks like this:\n\n```json\n"
                + "{\"ok\": true}\n```\n");
        Files.writeString(site.resolve("install/index.md"), "# Install\n\n```console\n$ echo installed\ninstalled\n```\n");
        Files.writeString(site.resolve("usage/index.md"), "# Use\n\n```console\n$ echo used\nused\n```\n");
        Path reports = tmp.resolve("reports");
        RehearseJar.Outcome ran = RehearseJar.run("runs", site.toString(), "--target", "local", "--report-dir",
                reports.toString());
        assertEquals(0, ran.exit(), ran.both());
        assertTrue(ran.out().contains("[index] passed over: no step (no command to type, no file to write)"),
                ran.both());
        assertTrue(ran.out().contains("[api/index] passed over: "), ran.both());
        assertTrue(ran.out().contains("runs: 2 of the 2 runbooks of docs: 2 pass; junit: "), ran.both());
        assertTrue(Files.exists(reports.resolve("install/index/report.html")), ran.both());
        assertTrue(Files.readString(reports.resolve("junit.xml")).contains("classname=\"usage/index\""));
        assertTrue(Files.readString(reports.resolve("runs.html")).contains("install/index/report.html"));

        // as two shards, merged: the same, the runs' folders down their paths
        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int i = 1; i <= 2; i++) {
            Path dir = tmp.resolve("shard-" + i);
            RehearseJar.Outcome shard = RehearseJar.run("runs", site.toString(), "--target", "local", "--shard",
                    i + "/2", "--report-dir", dir.toString());
            assertEquals(0, shard.exit(), shard.both());
            merge.add(dir.toString());
        }
        Path merged = tmp.resolve("merged");
        merge.addAll(List.of("--into", merged.toString()));
        RehearseJar.Outcome joined = RehearseJar.run(merge.toArray(String[]::new));
        assertEquals(0, joined.exit(), joined.both());
        for (String file : List.of("junit.xml", "runs.json", "runs.html")) {
            assertEquals(withoutTimings(reports.resolve(file)), withoutTimings(merged.resolve(file)), file);
        }
        assertTrue(Files.exists(merged.resolve("usage/index/report.html")));

        // a shard's run folder reached through a link is refused, not copied from wherever it leads
        Path shard1 = tmp.resolve("shard-1");
        Path elsewhere = Files.move(shard1.resolve("install"), tmp.resolve("elsewhere"));
        Files.createSymbolicLink(shard1.resolve("install"), elsewhere);
        merge.set(merge.size() - 1, tmp.resolve("merged-again").toString());
        RehearseJar.Outcome linked = RehearseJar.run(merge.toArray(String[]::new));
        assertEquals(2, linked.exit(), linked.both());
        assertEquals(shard1.resolve("install/index") + ": leads through a symbolic link: a shard's run folders are "
                + "folders of its own", linked.err().strip());
    }

    private static RehearseJar.Outcome runs(String... more) {
        List<String> args = new ArrayList<>(List.of("runs", Checkout.root().resolve("fixtures/library").toString(),
                "--target", "local"));
        args.addAll(List.of(more));
        return RehearseJar.run(args.toArray(String[]::new));
    }

    private static List<String> folders(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
