package dev.rehearse.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.cli.JsonSchemas;
import dev.rehearse.plan.VarValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three report files of a run of the seed guide. */
class ReportsTest {
    /** Surefire's SUREFIRE_TIME type. */
    private static final Pattern SUREFIRE_TIME = Pattern.compile("(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\\.[0-9]{0,3})?");
    private static final List<String> TESTCASE_CHILD_ORDER = List.of("failure", "skipped", "error", "system-out",
            "system-err");

    @Test
    void junitXmlFollowsSurefiresSchemaWithOneTestcasePerStep(@TempDir Path dir) throws Exception {
        RunReport report = SeedRun.report();
        Reports.writeAll(report, dir);

        Element suite = xml(dir.resolve("junit.xml")).getDocumentElement();

        assertEquals("testsuite", suite.getTagName());
        assertEquals("synapse", suite.getAttribute("name"));
        assertEquals(Integer.toString(report.results().size()), suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals(Long.toString(count(report, Verdict.SKIP) + count(report, Verdict.DRIFT)),
                suite.getAttribute("skipped"), "a DRIFT is listed as skipped, so that CI pages show it");
        assertEquals("1", suite.getAttribute("failures"), "a DRIFT is not a failure without --strict");
        assertEquals("83.412", suite.getAttribute("time"));
        List<Element> children = elements(suite);
        assertEquals("properties", children.get(0).getTagName(), "properties come first");
        List<Element> cases = children.subList(1, children.size());
        assertEquals(report.results().size(), cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Element testcase = cases.get(i);
            StepResult result = report.results().get(i);
            assertEquals("testcase", testcase.getTagName());
            assertTrue(SUREFIRE_TIME.matcher(testcase.getAttribute("time")).matches(), testcase.getAttribute("time"));
            assertTrue(testcase.getAttribute("name").startsWith(String.format("%02d ", result.step().n())));
            assertEquals("synapse", testcase.getAttribute("classname"));
            List<String> order = elements(testcase).stream().map(Element::getTagName).toList();
            assertEquals(order.stream().sorted((a, b) -> TESTCASE_CHILD_ORDER.indexOf(a) - TESTCASE_CHILD_ORDER.indexOf(b))
                    .toList(), order, "children in the schema's order");
            switch (result.verdict()) {
                case PASS -> assertFalse(order.contains("failure") || order.contains("skipped"));
                case FAIL -> {
                    Element failure = child(testcase, "failure");
                    assertEquals("FAIL", failure.getAttribute("type"));
                    assertEquals("exit status 1 | -Success! | +ERROR! Received 400 Bad Request | +User ID already taken.",
                            failure.getAttribute("message"), "the reason and the changed lines of the diff");
                    assertTrue(failure.getTextContent().contains("+ERROR! Received 400 Bad Request"));
                }
                case SKIP -> assertEquals(result.reason(), child(testcase, "skipped").getAttribute("message"));
                case DRIFT -> {
                    assertFalse(order.contains("failure"));
                    assertTrue(child(testcase, "skipped").getAttribute("message").startsWith("drift: guide shows '"),
                            child(testcase, "skipped").getAttribute("message"));
                    assertTrue(child(testcase, "system-out").getTextContent().startsWith("DRIFT: "));
                    assertTrue(child(testcase, "system-out").getTextContent().contains(result.diff()));
                }
            }
        }
        assertEquals("01 createuser synapse -P (guide_synapse.rst:42)", cases.get(0).getAttribute("name"));
        assertEquals("02 createdb ... (guide_synapse.rst:45)", cases.get(1).getAttribute("name"));
    }

    @Test
    void strictlyADriftIsAFailureOfTypeDrift(@TempDir Path dir) throws Exception {
        RunReport report = SeedRun.report();
        Reports.writeAll(report, dir, true);

        Element suite = xml(dir.resolve("junit.xml")).getDocumentElement();

        assertEquals(Long.toString(1 + count(report, Verdict.DRIFT)), suite.getAttribute("failures"));
        int virtualenv = 3;
        assertEquals(Verdict.DRIFT, report.results().get(virtualenv).verdict());
        Element failure = child(elements(suite).get(1 + virtualenv), "failure");
        assertEquals("DRIFT", failure.getAttribute("type"));
        assertEquals("drift: guide shows 'Running virtualenv with interpreter /usr/bin/python3.6', host printed "
                + "'created virtual environment CPython3.11.2.final.0-64 in 376ms'", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("+created virtual environment CPython3.11.2.final.0-64 in 376ms"));
    }

    @Test
    void resultsJsonHasTheStepsWhatTheyCapturedAndASummary(@TempDir Path dir) throws Exception {
        RunReport report = SeedRun.report();
        Reports.writeAll(report, dir);

        JsonNode root = new ObjectMapper().readTree(dir.resolve("results.json").toFile());

        assertEquals(List.of("steps", "captured", "checks", "summary"), names(root.fieldNames()));
        assertEquals(0, root.get("checks").size(), "a runbook without checks has none");
        assertEquals("{\"step\":15,\"literal\":\"40132\",\"value\":\"61234\"}", root.get("captured").get(0).toString());
        JsonNode first = root.get("steps").get(0);
        assertEquals(List.of("n", "kind", "source", "line", "verdict", "exit", "expected", "actual", "diff"),
                names(first.fieldNames()).subList(0, 9));
        assertEquals("createuser synapse -P", first.get("command").asText());
        JsonNode drift = root.get("steps").get(3);
        assertEquals("DRIFT", drift.get("verdict").asText());
        assertEquals(report.results().get(3).diff(), drift.get("diff").asText());
        assertEquals(List.of("Synapse", "Installation"), names(drift.get("section").elements()));
        JsonNode edit = root.get("steps").get(9);
        assertEquals("edit", edit.get("kind").asText());
        assertEquals("~/synapse/homeserver.yaml", edit.get("path").asText());
        JsonNode skipped = root.get("steps").get(root.get("steps").size() - 1);
        assertTrue(skipped.get("exit").isNull(), "a step that did not run has no exit status");
        JsonNode summary = root.get("summary");
        assertEquals("FAIL", summary.get("status").asText());
        assertEquals(report.results().size(), summary.get("total").asInt());
        assertEquals(count(report, Verdict.PASS), summary.get("pass").asLong());
        assertEquals(count(report, Verdict.DRIFT), summary.get("drift").asLong());
        assertEquals(1, summary.get("fail").asInt());
        assertEquals(count(report, Verdict.SKIP), summary.get("skip").asLong());
        assertEquals(83412, summary.get("elapsed_ms").asLong());
    }

    @Test
    void everyCheckHasARecordInResultsJson(@TempDir Path dir) throws Exception {
        Reports.writeAll(SeedRun.checked(), dir);

        JsonNode checks = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("checks");

        assertEquals(3, checks.size());
        assertEquals("{\"name\":\"synapse answers\",\"file\":\"runbook.yaml\",\"line\":40,\"after\":15,"
                + "\"verdict\":\"PASS\",\"reason\":null,\"elapsed_ms\":120}", checks.get(0).toString());
        assertEquals("its output has nothing like /LISTEN/", checks.get(1).get("reason").asText());
        assertEquals("SKIP", checks.get(2).get("verdict").asText());
        assertEquals("not run: step 17 failed", checks.get(2).get("reason").asText());
        assertEquals(SeedRun.checked().checks(), RecordedRun.read(dir).checks(), "read back as written, for a merge");
        assertEquals(List.of(), JsonSchemas.problems("results", Files.readString(dir.resolve("results.json"))),
                "as docs/schemas/results.schema.json says");
    }

    @Test
    void eachCheckIsATestcaseOfItsOwnClassInJunitXml(@TempDir Path dir) throws Exception {
        RunReport report = SeedRun.checked();
        Reports.writeAll(report, dir);

        Element suite = xml(dir.resolve("junit.xml")).getDocumentElement();

        assertEquals(Integer.toString(report.results().size() + 3), suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"), "the step's FAIL and the check's");
        assertEquals(Long.toString(count(report, Verdict.SKIP) + count(report, Verdict.DRIFT) + 1),
                suite.getAttribute("skipped"));
        List<Element> cases = elements(suite).stream().filter(e -> e.getAttribute("classname").equals("synapse.checks"))
                .toList();
        assertEquals(List.of("synapse answers (runbook.yaml:40, after step 15)",
                "port bound (runbook.yaml:44, after step 15)",
                "synapse still runs at the end (runbook.yaml:47, after step 19)"),
                cases.stream().map(e -> e.getAttribute("name")).toList());
        assertTrue(elements(cases.get(0)).isEmpty(), "a PASS is a plain testcase");
        assertEquals("CHECK", child(cases.get(1), "failure").getAttribute("type"));
        assertEquals("its output has nothing like /LISTEN/", child(cases.get(1), "failure").getAttribute("message"));
        assertEquals("not run: step 17 failed", child(cases.get(2), "skipped").getAttribute("message"));
    }

    @Test
    void reportHtmlListsTheChecksWithTheirVerdictsUnderTheSummary(@TempDir Path dir) throws Exception {
        Reports.writeAll(SeedRun.checked(), dir);

        String html = Files.readString(dir.resolve("report.html"));

        int checks = html.indexOf("<section class=\"checks\">");
        assertTrue(checks > html.indexOf("<header class=\"summary\">") && checks < html.indexOf("<table class=\"steps\">"),
                "between the summary and the steps");
        assertTrue(html.contains("<h2>checks <small>1 PASS, 1 FAIL, 1 SKIP</small></h2>"), html.substring(checks));
        assertTrue(html.contains("<li><span class=\"chip skip\">SKIP</span> <b>synapse still runs at the end</b> "
                + "<span class=\"where\">runbook.yaml:47, after step 19</span> not run: step 17 failed</li>"),
                html.substring(checks));
        assertFalse(Files.readString(writeWithoutChecks(dir.resolve("plain"))).contains("<section class=\"checks\">"),
                "no list for a runbook without checks");
    }

    private static Path writeWithoutChecks(Path dir) throws Exception {
        Files.createDirectories(dir);
        Reports.writeAll(SeedRun.report(), dir);
        return dir.resolve("report.html");
    }

    @Test
    void anInterruptedRunSaysWhereItStoppedInEveryReport(@TempDir Path dir) throws Exception {
        RunReport seed = SeedRun.report();
        List<StepResult> results = new ArrayList<>(seed.results().subList(0, 2));
        results.add(new StepResult(seed.results().get(2).step(), Verdict.INTERRUPTED, -1, "", "partial\n", "",
                "interrupted by Ctrl-C (SIGINT) after 1.5 s", java.time.Duration.ofMillis(1500)));
        seed.results().subList(3, seed.results().size()).forEach(r -> results.add(new StepResult(r.step(), Verdict.SKIP,
                -1, "", "", "", "after the interrupt at step 3", java.time.Duration.ZERO)));
        RunReport report = new RunReport("synapse", seed.guide(), "ssh://robin@ravel", results, seed.elapsed(),
                seed.captured(), new RunReport.Origin("20261202-020000-77-1", "2026-12-02T02:00:00Z", 77, null,
                List.of()));

        Reports.writeAll(report, dir);

        JsonNode root = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals("INTERRUPTED", root.at("/summary/status").asText());
        assertEquals(3, root.at("/summary/interrupted_at").asInt());
        assertEquals(1, root.at("/summary/interrupted").asInt());
        assertTrue(root.at("/steps/2/exit").isNull(), "it did not run to its end");
        assertEquals("20261202-020000-77-1", root.at("/run/id").asText());
        assertEquals(List.of("1", "2"), names(root.at("/run/covers").elements()), "the steps done on the target");
        Element suite = xml(dir.resolve("junit.xml")).getDocumentElement();
        assertEquals("1", suite.getAttribute("errors"));
        Element error = child(elements(suite).get(3), "error");
        assertEquals("INTERRUPTED", error.getAttribute("type"));
        assertEquals("interrupted by Ctrl-C (SIGINT) after 1.5 s", error.getAttribute("message"));
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<div class=\"status interrupted\">INTERRUPTED"), html.substring(0, 2000));
        assertTrue(html.contains("interrupted by Ctrl-C (SIGINT) after 1.5 s"));
    }

    @Test
    void eachReportSaysWhatTheRunbooksVarsTookAndWhereFromWithASecretAsItsPlaceholder(@TempDir Path dir)
            throws Exception {
        RunReport seed = SeedRun.report();
        List<VarValue> vars = List.of(
                new VarValue("synapse_version", "1.160.0", VarValue.From.FACT, "synapse_version", false),
                new VarValue("channel", "beta", VarValue.From.BOUND, null, false),
                new VarValue("mirror", null, VarValue.From.DEFAULT, null, false),
                new VarValue("token", "<my super secure password>", VarValue.From.BOUND, null, true));
        RunReport report = new RunReport("synapse", seed.guide(), "container:stardust-real", seed.results(),
                seed.elapsed(), seed.captured(), new RunReport.Origin("20261202-020000-77-1", "2026-12-02T02:00:00Z",
                77, null, List.of()), vars, List.of());

        Reports.writeAll(report, dir);

        String json = Files.readString(dir.resolve("results.json"));
        assertEquals(List.of(), JsonSchemas.problems("results", json));
        JsonNode run = new ObjectMapper().readTree(json).get("run");
        assertEquals("1.160.0", run.at("/vars/0/value").asText());
        assertEquals("fact", run.at("/vars/0/from").asText());
        assertEquals("synapse_version", run.at("/vars/0/fact").asText());
        assertEquals("bound", run.at("/vars/1/from").asText());
        assertTrue(run.at("/vars/2/value").isNull(), "unset");
        assertTrue(run.at("/vars/3/secret").asBoolean());
        assertEquals(vars, RecordedRun.read(dir).vars(), "read back as written, for rehearse merge");
        String html = Files.readString(dir.resolve("report.html"));
        String header = html.substring(html.indexOf("<header"), html.indexOf("</header>"));
        assertTrue(header.contains("synapse_version <b>1.160.0</b> <small class=\"from\">fact synapse_version</small>"),
                header);
        assertTrue(header.contains("channel <b>beta</b> <small class=\"from\">--bind</small>"), header);
        assertTrue(header.contains("mirror <b>unset</b> <small class=\"from\">default</small>"), header);
        assertTrue(header.contains("token <b>&lt;my super secure password&gt;</b>"), header);
    }

    @Test
    void reportHtmlIsOneSelfContainedPageOfTheGuideWithEveryStepMarked(@TempDir Path dir) throws Exception {
        RunReport report = SeedRun.report();
        Reports.writeAll(report, dir);

        String html = Files.readString(dir.resolve("report.html"));

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        for (String external : List.of("<script", "<link", "src=", "@import", "url(", "href=\"http")) {
            assertFalse(html.contains(external), "nothing is fetched: " + external);
        }
        assertTrue(html.contains("<div class=\"status fail\">FAIL"), "the summary leads");
        for (StepResult r : report.results()) {
            String mark = "<div class=\"stephead " + r.verdict().name().toLowerCase() + "\" id=\"step-" + r.step().n() + "\">";
            assertTrue(html.contains(mark), "step " + r.step().n() + " is marked in its block: " + mark);
            assertTrue(html.contains("href=\"#step-" + r.step().n() + "\""), "and linked from the table");
        }
        // the seed has no lone top section, so no document title: "Synapse" is a section like the others
        assertTrue(html.contains("<h2>Synapse</h2>") && html.contains("<h3>Prerequisites</h3>")
                && html.contains("<h4>Configure port</h4>"), "sections");
        assertTrue(html.contains("generate a config file <code>~/synapse/homeserver.yaml</code>"), "prose");
        assertTrue(html.contains("You need a running Postgresql database server"), "a reference shows its name");
        assertTrue(html.contains("Tell supervisord to refresh its configuration"), "a role shows its text");
        assertTrue(html.contains("ask the firewall for a port (firewall explains how ports work):"), "a link shows its text");
        assertTrue(html.contains("<div class=\"d del\">-  Running virtualenv with interpreter /usr/bin/python3.6</div>"),
                "diffs inline");
        assertTrue(html.contains("<span class=\"no\">365</span><span class=\"tx\">$2b$12$yK16TMDMnvj97GFBoxF9QeP2N.U8oadindcjB0Uo9TkSI3CsgwV02</span>"),
                "every line of a block, numbered as in the guide");
        int letterForLetter = 0;
        for (StepResult r : report.results()) {
            int at = html.indexOf("id=\"step-" + r.step().n() + "\"");
            int end = html.indexOf("<div class=\"segment\">", at);
            String segment = html.substring(at, end < 0 ? html.length() : end);
            boolean asShown = r.actual() != null && r.actual().equals(r.expected());
            letterForLetter += asShown ? 1 : 0;
            assertEquals(!asShown && r.actual() != null && !r.actual().isEmpty(), segment.contains("real output ("),
                    "step " + r.step().n() + ": the real output is shown where it is not the guide's lines above it");
        }
        assertTrue(letterForLetter > 0, "the seed has steps that print what the guide shows");
    }

    @Test
    void noSecretReachesAnyReport(@TempDir Path dir) throws Exception {
        String secret = "Xq7pL2vR9sT4wY8z";
        Bindings bindings = new Bindings()
                .bind(new Binding("<my super secure password>", secret, Binding.Origin.GENERATED, true))
                .bind(new Binding("isabell", "rehearse", Binding.Origin.TARGET, false));
        // the runner maps what a command really printed back to the guide's terms before it judges it
        String printed = "    password: \"" + secret + "\"\n    host: \"/home/rehearse/tmp\"\n";
        RunReport seed = SeedRun.report();
        List<StepResult> results = new ArrayList<>(seed.results());
        StepResult last = results.get(results.size() - 1);
        String actual = bindings.reverse(printed);
        results.set(results.size() - 1, new StepResult(last.step(), Verdict.DRIFT, 0, "", actual,
                "--- guide\n+++ actual\n@@ -0,0 +1,2 @@\n+" + actual.lines().findFirst().orElseThrow(), null, last.elapsed()));
        Reports.writeAll(new RunReport(seed.runbook(), seed.guide(), seed.target(), results, seed.elapsed()), dir);

        for (String file : List.of("junit.xml", "results.json", "report.html")) {
            String text = Files.readString(dir.resolve(file));
            assertFalse(text.contains(secret), file + " holds the secret");
            assertTrue(text.contains("/home/isabell/tmp"), file + " shows the guide's terms");
        }
        assertTrue(Files.readString(dir.resolve("report.html")).contains("password: \"&lt;my super secure password&gt;\""));
    }

    @Test
    void whateverAProgramPrintsIsEscapedInEveryFormat(@TempDir Path dir) throws Exception {
        String hostile = "<script>alert('x')</script> & \"quotes\" ]]> \u001b[31mred\u001b[0m \u0007bell \uD83D\uDE00";
        RunReport seed = SeedRun.report();
        List<StepResult> results = new ArrayList<>(seed.results());
        StepResult first = results.get(0);
        results.set(0, new StepResult(first.step(), Verdict.FAIL, 1, "", hostile, "+" + hostile, hostile, first.elapsed()));
        Reports.writeAll(new RunReport(seed.runbook(), seed.guide(), seed.target(), results, seed.elapsed()), dir);

        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert("));
        assertFalse(html.contains("\u001b") || html.contains("\u0007"), "a page that is catted acts on none");
        assertTrue(html.contains("\\u001b[31mred"), "spelled out, as in junit.xml");
        Element failure = child(elements(xml(dir.resolve("junit.xml")).getDocumentElement()).get(1), "failure");
        String spelled = hostile.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007");
        assertEquals(spelled + " | +" + spelled, failure.getAttribute("message"),
                "control characters XML cannot carry are spelled out, the rest survives");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(hostile, json.get("steps").get(0).get("actual").asText());
    }

    private static long count(RunReport report, Verdict verdict) {
        return report.results().stream().filter(r -> r.verdict() == verdict).count();
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        return elements(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in " + parent.getAttribute("name")));
    }

    private static List<String> names(Iterator<?> items) {
        List<String> out = new ArrayList<>();
        items.forEachRemaining(i -> out.add(i instanceof JsonNode n ? n.asText() : i.toString()));
        return out;
    }
}
