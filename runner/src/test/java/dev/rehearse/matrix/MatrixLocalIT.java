package dev.rehearse.matrix;

import dev.rehearse.testing.RehearseJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rehearse matrix} on the local target with fixtures/matrix/widget, whose output depends on the version bound
 * over the guide's {@code 1.0}: real runs in real shells, two at a time.
 */
class MatrixLocalIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");

    @Test
    void aVerdictThatChangesBetweenVersionsIsARegressionAndExitsOne(@TempDir Path dir) throws Exception {
        Cli run = Cli.run("matrix", widget(), "--vary", "widget_version=1.4,2.0", "--jobs", "2",
                "--target", "local", "--report-dir", dir.toString());

        assertEquals(1, run.exit(), run.err());
        JsonNode matrix = JSON.readTree(dir.resolve("matrix.json").toFile());
        assertEquals("widget_version", matrix.get("variable").asText());
        assertEquals(List.of(2, 3), ints(matrix.get("regressions")), "the series line drifts, the support check fails");
        JsonNode steps = matrix.get("steps");
        assertEquals("PASS", steps.get(1).get("verdicts").get("1.4").asText());
        assertEquals("DRIFT", steps.get(1).get("verdicts").get("2.0").asText());
        assertEquals("FAIL", steps.get(2).get("verdicts").get("2.0").asText());
        assertEquals("SKIP", steps.get(3).get("verdicts").get("2.0").asText());
        assertTrue(steps.get(3).get("cascaded").get("2.0").asBoolean(), "skipped after the FAIL of step 3");
        assertFalse(steps.get(3).get("regression").asBoolean(), "a skip that follows a FAIL is no regression");
        assertTrue(run.out().contains("regression: step 2 (guide_widget.rst:17)"), run.out());
        assertTrue(run.out().contains("regression: step 3 (guide_widget.rst:28)"), run.out());
        assertTrue(run.out().contains("matrix: 2 regressions over widget_version=1.4,2.0"), run.out());

        for (String value : List.of("1.4", "2.0")) {
            Path runDir = dir.resolve("widget_version=" + value);
            for (String report : List.of("junit.xml", "results.json", "report.html")) {
                assertTrue(Files.isRegularFile(runDir.resolve(report)), runDir.resolve(report) + " is written");
            }
            JsonNode results = JSON.readTree(runDir.resolve("results.json").toFile());
            assertEquals(value.equals("1.4") ? "PASS" : "FAIL", results.get("summary").get("status").asText());
        }
    }

    @Test
    void everyCellLinksToItsStepInThatRunsReport(@TempDir Path dir) throws Exception {
        assertEquals(1, Cli.run("matrix", widget(), "--vary", "widget_version=1.4,2.0", "--report-dir",
                dir.toString()).exit());

        String html = Files.readString(dir.resolve("matrix.html"));
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        assertEquals(2 + 4 * 2 + 2 * 2, links.size(), "two run headers, four rows of two cells, and the two "
                + "regressions' cells side by side");
        for (String link : links) {
            URI uri = URI.create(link);
            Path target = dir.resolve(uri.getPath()).normalize();
            assertTrue(Files.isRegularFile(target), link + " leads to a file");
            if (uri.getFragment() != null) {
                assertTrue(Files.readString(target).contains("id=\"" + uri.getFragment() + "\""),
                        link + " leads to a step's mark");
            }
        }
        assertTrue(html.contains("./widget_version=2.0/report.html#step-3"), "the FAIL links to its step");
        assertTrue(html.contains("-classic series") && html.contains("+modern series"),
                "the drift's diff is on the page");
        assertFalse(html.contains("<script"), "no script: the page stands alone");
    }

    @Test
    void everyPageSaysWhatTheVarTookInEachRunAndWhereFrom(@TempDir Path dir) throws Exception {
        assertEquals(1, Cli.run("matrix", widget(), "--vary", "widget_version=1.4,2.0", "--target", "local",
                "--report-dir", dir.toString()).exit());

        String html = Files.readString(dir.resolve("matrix.html"));
        String head = html.substring(html.indexOf("<thead>"), html.indexOf("</thead>"));
        assertTrue(head.contains("<tr class=\"var differs\">"), head);
        assertTrue(head.indexOf("<b>1.4</b> <small class=\"from\">--bind</small>")
                < head.indexOf("<b>2.0</b> <small class=\"from\">--bind</small>"), "under each column: " + head);
        JsonNode matrix = JSON.readTree(dir.resolve("matrix.json").toFile());
        assertEquals("[\"widget_version\"]", matrix.get("differing_vars").toString());
        for (String value : List.of("1.4", "2.0")) {
            Path runDir = dir.resolve("widget_version=" + value);
            JsonNode var = JSON.readTree(runDir.resolve("results.json").toFile()).at("/run/vars/0");
            assertEquals("widget_version", var.get("name").asText());
            assertEquals(value, var.get("value").asText());
            assertEquals("bound", var.get("from").asText());
            assertTrue(Files.readString(runDir.resolve("report.html")).contains(
                    "widget_version <b>" + value + "</b> <small class=\"from\">--bind</small>"), runDir.toString());
        }
    }

    @Test
    void runsGoInParallelUpToJobsEachLineNamingItsRun(@TempDir Path dir) {
        Cli run = Cli.run("matrix", widget(), "--vary", "widget_version=1.1,1.2,1.3", "--jobs", "3",
                "--report-dir", dir.toString());

        assertEquals(0, run.exit(), "no verdict changes within the 1.x series: " + run.out());
        List<String> lines = run.out().lines().toList();
        List<String> progress = lines.subList(0, lines.size() - 1);
        assertTrue(progress.stream().allMatch(l -> l.matches("\\[widget_version=1\\.[123]] .*")), run.out());
        for (String value : List.of("1.1", "1.2", "1.3")) {
            String prefix = "[widget_version=" + value + "] ";
            assertEquals(4, progress.stream().filter(l -> l.startsWith(prefix + "PASS ")).count(), run.out());
            assertTrue(progress.contains(prefix + "started"));
        }
        int lastStart = 0;
        int firstEnd = Integer.MAX_VALUE;
        for (int i = 0; i < progress.size(); i++) {
            if (progress.get(i).endsWith("] started")) {
                lastStart = i;
            }
            if (progress.get(i).contains("] PASS: ")) {
                firstEnd = Math.min(firstEnd, i);
            }
        }
        assertTrue(lastStart < firstEnd, "all three runs started before any finished: " + run.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("matrix: 0 regressions"), run.out());
    }

    @Test
    void badValuesAreOneLineAndExitTwoBeforeAnyRun(@TempDir Path dir) {
        Path reports = dir.resolve("reports");
        Cli oneValue = Cli.run("matrix", widget(), "--vary", "widget_version=1.4", "--report-dir", reports.toString());
        assertEquals(2, oneValue.exit());
        assertEquals("--vary widget_version=1.4: a matrix needs at least two values", oneValue.err().strip());

        Cli unsafe = Cli.run("matrix", widget(), "--vary", "widget_version=1.4,2;id", "--report-dir",
                reports.toString());
        assertEquals(2, unsafe.exit(), unsafe.err());
        assertEquals(1, unsafe.err().strip().lines().count(), unsafe.err());
        assertTrue(unsafe.err().contains("1.0"), "names the binding: " + unsafe.err());

        Cli folder = Cli.run("matrix", widget(), "--vary", "widget_version=1.4,../x", "--report-dir",
                reports.toString());
        assertEquals(2, folder.exit());
        assertTrue(folder.err().contains("'../x' is not a value a report folder can be named after"), folder.err());

        assertEquals(2, Cli.run("matrix", widget(), "--vary", "widget_version=1.4,1.5", "--jobs", "0").exit());
        assertFalse(Files.exists(reports), "nothing ran, nothing was written");
    }

    private static String widget() {
        return Path.of(System.getProperty("rehearse.root"), "fixtures", "matrix", "widget").toString();
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    /** The real command line, its streams kept. */
    record Cli(int exit, String out, String err) {
        static Cli run(String... args) {
            RehearseJar.Outcome o = RehearseJar.run(args);
            return new Cli(o.exit(), o.out(), o.err());
        }
    }
}
