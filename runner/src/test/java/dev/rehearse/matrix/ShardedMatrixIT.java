package dev.rehearse.matrix;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.rehearse.testing.RunReportText.withoutTimings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rehearse matrix --shard I/N} and {@code rehearse merge} through the built jar on the local target, with
 * fixtures/matrix/widget: the matrix run whole, then as three shards (one process each, as three CI jobs would) merged,
 * gives the same comparison page, matrix.json and junit.xml, once what differs from run to run is taken out: timings
 * and each run's throwaway sandbox.
 */
class ShardedMatrixIT {
    private static final String VARY = "widget_version=1.1,2.0,1.4,2.5,1.9";
    private static final List<String> VALUES = List.of("1.1", "2.0", "1.4", "2.5", "1.9");

    @Test
    void threeShardsMergedGiveWhatTheWholeMatrixGives(@TempDir Path tmp) throws IOException {
        Path whole = tmp.resolve("whole");
        RehearseJar.Outcome all = matrix("--report-dir", whole.toString());
        assertEquals(1, all.exit(), all.both());

        for (int i = 1; i <= 3; i++) {
            RehearseJar.Outcome shard = matrix("--shard", i + "/3", "--report-dir",
                    tmp.resolve("shard-" + i).toString());
            assertTrue(shard.exit() <= 1, shard.both());
            assertTrue(shard.out().contains("matrix shard " + i + "/3: "), shard.both());
        }
        // by name 1.1, 1.4, 1.9, 2.0, 2.5 dealt round: shard 1 runs 1.1 and 2.0, shard 2 1.4 and 2.5, shard 3 1.9
        assertEquals(List.of("widget_version=1.1", "widget_version=2.0"), runFolders(tmp.resolve("shard-1")));
        assertEquals(List.of("widget_version=1.4", "widget_version=2.5"), runFolders(tmp.resolve("shard-2")));
        assertEquals(List.of("widget_version=1.9"), runFolders(tmp.resolve("shard-3")));

        Path merged = tmp.resolve("merged");
        RehearseJar.Outcome merge = RehearseJar.run("merge", tmp.resolve("shard-3").toString(),
                tmp.resolve("shard-1").toString(), tmp.resolve("shard-2").toString(), "--into", merged.toString());
        assertEquals(1, merge.exit(), merge.both());
        assertEquals(regressionLines(all.out()), regressionLines(merge.out()), "the same regressions are told");
        assertTrue(merge.out().contains("merge: 2 regressions over " + VARY + "; report: "
                + merged.resolve("matrix.html")), merge.both());

        for (String file : List.of("matrix.html", "matrix.json", "junit.xml")) {
            assertEquals(withoutTimings(whole.resolve(file)), withoutTimings(merged.resolve(file)), file);
        }
        assertEquals(runFolders(whole), runFolders(merged));
        for (String value : VALUES) {
            for (String report : List.of("junit.xml", "results.json", "report.html")) {
                assertTrue(Files.isRegularFile(merged.resolve("widget_version=" + value).resolve(report)),
                        value + " " + report);
            }
        }
        String junit = Files.readString(merged.resolve("junit.xml"));
        assertTrue(junit.contains("<testsuites errors=\"0\" failures=\"2\" name=\"widget\" skipped=\"4\" tests=\"20\""),
                junit);
    }

    @Test
    void aBadShardAndAMissingShardAreOneLineAndExitTwo(@TempDir Path tmp) {
        for (String bad : List.of("0/3", "4/3", "x")) {
            RehearseJar.Outcome run = matrix("--shard", bad, "--report-dir", tmp.resolve("bad").toString());
            assertEquals(2, run.exit(), run.both());
            assertEquals("--shard " + bad + ": expected I/N, the I-th of N shards, 1 <= I <= N (e.g. 2/3)",
                    run.err().strip(), run.both());
        }
        assertFalse(Files.exists(tmp.resolve("bad")), "nothing ran");

        assertTrue(matrix("--shard", "2/2", "--report-dir", tmp.resolve("two").toString()).exit() <= 1);
        RehearseJar.Outcome merge = RehearseJar.run("merge", tmp.resolve("two").toString(), "--into",
                tmp.resolve("merged").toString());
        assertEquals(2, merge.exit(), merge.both());
        assertEquals("merge: shard 1/2 of widget is missing (widget_version=1.1, widget_version=2.5, "
                + "widget_version=1.9): give its folder too, or --partial to merge without it", merge.err().strip());
        assertFalse(Files.exists(tmp.resolve("merged")));
    }

    private static RehearseJar.Outcome matrix(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("matrix",
                Checkout.root().resolve("fixtures/matrix/widget").toString(), "--vary", VARY, "--target", "local"));
        args.addAll(List.of(more));
        return RehearseJar.run(args.toArray(String[]::new));
    }

    private static List<String> runFolders(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> regressionLines(String out) {
        return out.lines().filter(l -> l.startsWith("regression: ")).toList();
    }
}
