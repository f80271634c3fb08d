package dev.rehearse.cli;

import dev.rehearse.targets.shell.PtyTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person sees of {@code rehearse run} on a terminal and off one, and what CI reads of its reports: the built
 * jar (and the launcher, as the README has it) on the local target, with real shells, a real pseudo-terminal of 80
 * columns and real pipes.
 */
class TerminalIT {
    private static final Path ROOT = Path.of(System.getProperty("rehearse.root", "..")).toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("runner/target/rehearse.jar");
    private static final Path FIXTURES = ROOT.resolve("fixtures/terminal");
    private static final Pattern ESCAPE = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");

    @TempDir
    Path reports;

    record Outcome(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @Test
    void onAPseudoTerminalOf80ColumnsTheStatusLineIsRedrawnInPlaceAndNeverWraps() throws Exception {
        String screen = onPty(Map.of(), "run", FIXTURES.resolve("long-lines.md").toString(), "--target", "local",
                "--report-dir", reports.toString());

        String[] lines = screen.split("\n", -1);
        int redraws = 0;
        for (String line : lines) {
            for (String drawn : line.split("\r")) {
                String visible = ESCAPE.matcher(drawn).replaceAll("");
                boolean stepLine = visible.startsWith("PASS") || visible.matches("^[|/\\\\-] .*");
                if (stepLine) {
                    assertTrue(visible.codePointCount(0, visible.length()) < 80,
                            "wider than the terminal: [" + visible + "]\n" + screen);
                }
                redraws += visible.matches("^[|/\\\\-] \\d/2 .*") ? 1 : 0;
            }
        }
        assertTrue(redraws >= 20, "2.4 s of progress, redrawn ten times a second: " + redraws + "\n" + screen);
        // the header, one line per step, a blank, the counts and the report: no redraw left a line behind
        List<String> shown = new ArrayList<>();
        for (String line : lines) {
            String last = line.substring(line.lastIndexOf('\r') + 1);
            if (!ESCAPE.matcher(last).replaceAll("").isBlank()) {
                shown.add(ESCAPE.matcher(last).replaceAll(""));
            }
        }
        assertEquals(5, shown.size(), screen);
        assertTrue(shown.get(1).matches("PASS  1/2  long-lines\\.md:9  \\d+\\.\\d s"), shown.get(1));
        assertTrue(shown.get(2).startsWith("PASS  2/2  long-lines.md:12  "), shown.get(2));
        assertTrue(screen.contains("\u001b[32mPASS \u001b[0m"), "verdicts are coloured on a terminal\n" + screen);
        assertTrue(Pattern.compile("\r\u001b\\[K[|/\\\\-] 1/2  \\d\\.\\d s  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "
                + "\"working on a long ~\r").matcher(screen).find(), "time and command first, cut at 79 columns\n" + screen);
    }

    @Test
    void noColourOnATerminalWhenNoColorIsSet() throws Exception {
        String screen = onPty(Map.of("NO_COLOR", "1"), "run", ROOT.resolve("docs/first-guide.md").toString(),
                "--target", "local", "--report-dir", reports.toString());

        assertTrue(screen.contains("PASS  3/3"), screen);
        assertTrue(screen.contains("\r\u001b[K"), "still redrawn in place\n" + screen);
        assertFalse(Pattern.compile("\u001b\\[[0-9;]*m").matcher(screen).find(), "no colour\n" + screen);
    }

    @Test
    void offATerminalALineWhenAStepStartsAndOneEveryTenSecondsWhileItRuns() throws Exception {
        Outcome run = rehearse("run", FIXTURES.resolve("slow.md").toString(), "--target", "local",
                "--report-dir", reports.toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> lines = run.lines();
        assertTrue(lines.get(0).startsWith("rehearse: slow, 1 step on local "), lines.get(0));
        assertEquals("RUN   1/1  slow.md:7  sleep 11; echo awake", lines.get(1));
        assertEquals("...   1/1 still running, 10 s", lines.get(2));
        assertTrue(lines.get(3).startsWith("PASS  1/1  slow.md:7  1"), lines.get(3));
        assertEquals(List.of("", "rehearse: 1 PASS, 0 DRIFT, 0 FAIL, 0 SKIP in " + lines.get(5).split(" in ")[1],
                "report: " + reports.resolve("report.html")), lines.subList(4, lines.size()));
        assertFalse(run.out().contains("\u001b") || run.out().contains("\r"), "nothing for a terminal: " + run.out());
    }

    @Test
    void verboseStreamsEachStepsOutputIndentedAsItComes() throws Exception {
        Outcome run = rehearse("run", FIXTURES.resolve("long-lines.md").toString(), "--target", "local", "-v",
                "--report-dir", reports.toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> lines = run.lines();
        int started = lines.indexOf("RUN   1/2  long-lines.md:9  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "
                + "\"working on a long line of progress output, part $i of 12, with a tab\there\"; sleep 0.2; done; "
                + "echo finished");
        assertTrue(started > 0, run.out());
        for (int i = 1; i <= 12; i++) {
            assertEquals("      | working on a long line of progress output, part " + i + " of 12, with a tab\there",
                    lines.get(started + i));
        }
        assertEquals("      | finished", lines.get(started + 13));
        assertTrue(lines.get(started + 14).startsWith("PASS  1/2  "), lines.get(started + 14));
    }

    @Test
    void quietPrintsOnlyTheSummary() throws Exception {
        Outcome run = rehearse("run", FIXTURES.resolve("story.md").toString(), "--target", "local", "-q",
                "--report-dir", reports.toString());

        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals("", run.lines().get(0), run.out());
        assertTrue(run.lines().get(1).startsWith("DRIFT 1/3  story.md:6"), run.out());
        assertFalse(run.out().contains("RUN ") || run.out().contains("PASS ") || run.out().contains("steps on"),
                run.out());
    }

    @Test
    void theSummaryNamesEachFailAndDriftWithItsReasonAndDiffTheReportAndTheUpdateThatWorks(@TempDir Path dir)
            throws Exception {
        Path guide = Files.copy(FIXTURES.resolve("story.md"), dir.resolve("story.md"));

        Outcome run = rehearse("run", guide.toString(), "--target", "local", "--report-dir", reports.toString());

        assertEquals(1, run.exit(), run.out() + run.err());
        List<String> lines = run.lines();
        int summary = lines.indexOf("DRIFT 1/3  story.md:6  echo 'Hello, World!'");
        assertTrue(summary > 0, run.out());
        assertEquals(List.of(
                "DRIFT 1/3  story.md:6  echo 'Hello, World!'",
                "      @@ -1,1 +1,1 @@",
                "      -Hello, world",
                "      +Hello, World!",
                "FAIL  2/3  story.md:8  cat ~/settings.conf",
                "      exit status 1: cat: /home/isabell/settings.conf: No such file or directory",
                "      @@ -1,1 +1,1 @@",
                "      -port = 8008",
                "      +cat: /home/isabell/settings.conf: No such file or directory",
                "",
                "rehearse: 0 PASS, 1 DRIFT, 1 FAIL, 1 SKIP in " + lines.get(summary + 10).split(" in ")[1],
                "report: " + reports.resolve("report.html"),
                "to write what the host printed into the guide: rehearse update " + guide + " --from-report "
                        + reports), lines.subList(summary, lines.size()));
        assertTrue(Files.isRegularFile(reports.resolve("report.html")));

        // the command it offers, as offered
        String offered = lines.get(lines.size() - 1).replaceFirst("^.*: rehearse ", "");
        Outcome update = rehearse(offered.split(" "));
        assertEquals(0, update.exit(), update.out() + update.err());
        assertEquals("updated " + guide + " (1 drifted step; as it was: "
                + reports.resolve("backups").resolve(guide.toAbsolutePath().toString().substring(1)) + ")\n", update.out());
        assertTrue(Files.readString(guide).contains("$ echo 'Hello, World!'\nHello, World!\n"), Files.readString(guide));
    }

    @Test
    void junitXmlShowsAFailsReasonAndDiffInItsMessageAndADriftAsSkipped() throws Exception {
        Outcome run = rehearse("run", FIXTURES.resolve("story.md").toString(), "--target", "local",
                "--report-dir", reports.toString());
        assertEquals(1, run.exit(), run.out() + run.err());

        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("junit.xml").toFile()).getDocumentElement();
        assertEquals("2", suite.getAttribute("skipped"), "the drift and the step after the FAIL");
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        Element drift = (Element) ((Element) cases.item(0)).getElementsByTagName("skipped").item(0);
        assertEquals("drift: guide shows 'Hello, world', host printed 'Hello, World!'", drift.getAttribute("message"));
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertEquals("exit status 1: cat: /home/isabell/settings.conf: No such file or directory | -port = 8008 "
                + "| +cat: /home/isabell/settings.conf: No such file or directory", failure.getAttribute("message"));

        Outcome strict = rehearse("run", FIXTURES.resolve("story.md").toString(), "--target", "local", "--strict",
                "--report-dir", reports.toString());
        assertEquals(1, strict.exit());
        Element strictSuite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("junit.xml").toFile()).getDocumentElement();
        Element strictDrift = (Element) ((Element) strictSuite.getElementsByTagName("testcase").item(0))
                .getElementsByTagName("failure").item(0);
        assertEquals("DRIFT", strictDrift.getAttribute("type"));
        assertEquals("drift: guide shows 'Hello, world', host printed 'Hello, World!'",
                strictDrift.getAttribute("message"));
        assertEquals("1", strictSuite.getAttribute("skipped"));
    }

    @Test
    void resultsJsonOfARealRunMatchesItsSchema() throws Exception {
        Outcome run = rehearse("run", FIXTURES.resolve("story.md").toString(), "--target", "local", "--keep-going",
                "-q", "--report-dir", reports.toString());
        assertEquals(1, run.exit(), run.out() + run.err());

        assertEquals(List.of(), JsonSchemas.problems("results", Files.readString(reports.resolve("results.json"))));
    }

    /** what a timeout adds where the step had shown the last line the guide shows, and ran on */
    private static final String RAN_ON = "it had shown the last line the guide shows and ran on: a program that runs "
            + "until it is stopped (a server the guide leaves running) is stopped with Ctrl-C once that line has come "
            + "by a step rule's interrupt: true, or by a ^C the guide shows after it";

    @Test
    void aTimeoutSaysWhatTheStepLastPrinted() throws Exception {
        Outcome run = rehearse("run", FIXTURES.resolve("timeout").toString(), "--target", "local", "-q",
                "--report-dir", reports.toString());

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("\n      timed out after 3 s (the step's timeout: --timeout, or the sidecar's timeout:); "
                + RAN_ON + "; last output: waiting for the database\n"), run.out());
    }

    /**
     * Started with SIGINT ignored, as {@code rehearse run ... &} in a script starts it (and SIGHUP, as nohup does):
     * the step still stops at the terminal's Ctrl-C, rather than at the Ctrl-backslash that follows when that does
     * nothing, which leaves "Quit" as its last output.
     */
    @Test
    void aRunStartedWithInterruptsIgnoredStillStopsAStepWithCtrlC() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by mvn package");
        Outcome run = exec(reports, Map.of(), List.of("bash", "-c", "trap '' INT HUP; exec \"$@\"", "bash", "java",
                "-jar", JAR.toString(), "run", FIXTURES.resolve("timeout").toString(), "--target", "local", "-q",
                "--report-dir", reports.toString()));

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("\n      timed out after 3 s (the step's timeout: --timeout, or the sidecar's "
                + "timeout:); " + RAN_ON + "; last output: waiting for the database\n"), run.out());
    }

    @Test
    void aBoundNameNothingUsesIsRefusedBeforeAnythingRuns() throws Exception {
        Path workers = ROOT.resolve("fixtures/workers");

        Outcome run = rehearse("run", workers.toString(), "--target", "local", "--bind", "worker=4",
                "--report-dir", reports.toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals("--bind worker: unknown variable 'worker' (did you mean 'workers'?)\n", run.err());
        assertFalse(Files.exists(reports.resolve("results.json")), "nothing ran");

        Outcome matrix = rehearse("matrix", workers.toString(), "--target", "local", "--vary", "worker=2,4",
                "--report-dir", reports.toString());
        assertEquals(2, matrix.exit(), matrix.out() + matrix.err());
        assertEquals("--vary worker: unknown variable 'worker' (did you mean 'workers'?)\n", matrix.err());

        Outcome bound = rehearse("run", workers.toString(), "--target", "local", "--bind", "workers=4", "-v",
                "--report-dir", reports.toString());
        assertEquals(0, bound.exit(), bound.out() + bound.err());
        assertTrue(bound.out().contains("\n      | starting 4 workers\n"), "4 workers, not 2\n" + bound.out());
    }

    @Test
    void theReadmesFirstGuideRunsWithTheLauncherAsTheReadmeSays() throws Exception {
        String command = "./rehearse run docs/first-guide.md --target local";
        assertTrue(Files.readString(ROOT.resolve("README.md")).contains("\n    " + command + "\n"),
                "the README shows the command");
        String firstGuide = Files.readString(ROOT.resolve("docs/first-guide.md"))
                .lines().map(line -> line.isEmpty() ? "" : "    " + line).collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(Files.readString(ROOT.resolve("README.md")).contains("\n" + firstGuide + "\n"),
                "the README shows the guide as the file has it");

        Outcome run = exec(ROOT, Map.of(), List.of("./rehearse", "run", "docs/first-guide.md", "--target", "local",
                "--report-dir", reports.toString()));

        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("rehearse: 3 PASS, 0 DRIFT, 0 FAIL, 0 SKIP in "), run.out());
    }

    private Outcome rehearse(String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by mvn package");
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return exec(reports, Map.of(), command);
    }

    private static Outcome exec(Path dir, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("NO_COLOR");
        builder.environment().remove("COLUMNS");
        builder.environment().putAll(env);
        Path err = Files.createTempFile("rehearse-err", ".txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), command + " did not finish");
        String errors = Files.readString(err);
        Files.delete(err);
        return new Outcome(process.exitValue(), out, errors);
    }

    /** {@code rehearse ARGS} on a pseudo-terminal of 80 columns with no COLUMNS variable; what the terminal got. */
    private String onPty(Map<String, String> env, String... args) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by mvn package");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("COLUMNS");
        environment.remove("NO_COLOR");
        environment.put("TERM", "xterm");
        environment.putAll(env);
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        // a terminal as Rehearse makes its shells', its screen read through a pipe to the end
        ProcessBuilder builder = new ProcessBuilder(PtyTransport.onANewTerminal(command, 80, 24))
                .directory(reports.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), screen);
        return screen.replace("\r\n", "\n");
    }
}
