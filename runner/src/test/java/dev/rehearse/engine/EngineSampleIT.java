package dev.rehearse.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.engine.LauncherRun.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * fixtures/engine-sample, a Maven project that uses the engine, run through the JUnit Launcher with every engine on
 * the class path and the selector Surefire passes (its scanned test class, compiled here as Maven would): the counts
 * Surefire would print, with and without {@code rehearse.strict}, and what each test carries. Every step really runs
 * in a shell on the local target.
 */
class EngineSampleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Path.of(System.getProperty("rehearse.root"), "fixtures", "engine-sample")
            .toAbsolutePath().normalize();
    private static final Path RUNBOOKS = SAMPLE.resolve("src/test/runbooks");

    @TempDir
    static Path classes;
    private static Class<?> guidesTest;

    @BeforeAll
    static void compileTheSamplesTestClass() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK is needed to compile the sample's test class");
        String runner = Path.of(Runbooks.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, "-d", classes.toString(), "-cp", runner,
                SAMPLE.resolve("src/test/java/sample/GuidesTest.java").toString());
        assertEquals(0, status, messages.toString());
        guidesTest = Class.forName("sample.GuidesTest", false,
                new URLClassLoader(new java.net.URL[]{classes.toUri().toURL()}, EngineSampleIT.class.getClassLoader()));
    }

    @Test
    void surefireSeesEveryStepAsATestTheFailureAndTheSkip(@TempDir Path reports) {
        LauncherRun run = LauncherRun.of(parameters(reports), selectClass(guidesTest));

        assertEquals("Tests run: 8, Failures: 1, Errors: 0, Skipped: 1", run.surefireCounts(), run.names().toString());
        assertEquals(List.of(
                "step 1: echo \"Hello, isabell\"",
                "step 2: mkdir -p ~/notes && cd ~/notes",
                "step 3: printf 'one\\ntwo\\n' > list.txt && wc -l list.txt",
                "step 4: echo Greetings | tr a-z A-Z",
                "step 1: touch present.txt",
                "step 2: ls present.txt",
                "step 3: cat absent.txt",
                "step 4: echo done"), run.names(), "the runbooks in name order, their steps in guide order");
        Outcome drift = run.test("step 4: echo Greetings | tr a-z A-Z");
        assertFalse(drift.failed(), "a DRIFT is no failure without rehearse.strict");
        assertEquals("DRIFT", drift.entries().get(0).getKeyValuePairs().get("rehearse.verdict"));
        assertTrue(drift.entries().get(0).getKeyValuePairs().get("rehearse.diff").contains("+GREETINGS"));
        assertEquals("after the FAIL of an earlier step", run.test("step 4: echo done").skipped());

        UniqueId greeting = run.tests().get(0).test().getParentIdObject().orElseThrow();
        assertEquals(List.of("engine", "class", "runbook"),
                greeting.getSegments().stream().map(UniqueId.Segment::getType).toList());
        assertEquals(ClassSource.from("greeting"), run.plan().getTestIdentifier(greeting).getSource().orElseThrow(),
                "a class source named after the runbook makes Surefire report it as a class of its own");
        assertTrue(run.plan().getTestIdentifier(greeting.removeLastSegment()).getSource().isEmpty(),
                "the annotated class is no report of its own");
    }

    @Test
    void strictMakesTheDriftAFailureWithItsDiff(@TempDir Path reports) {
        Map<String, String> strict = new java.util.HashMap<>(parameters(reports));
        strict.put("rehearse.strict", "true");
        LauncherRun run = LauncherRun.of(strict, selectClass(guidesTest));

        assertEquals("Tests run: 8, Failures: 2, Errors: 0, Skipped: 1", run.surefireCounts());
        Outcome drift = run.test("step 4: echo Greetings | tr a-z A-Z");
        assertTrue(drift.failed());
        assertTrue(drift.message().startsWith("DRIFT at guide_greeting.rst:29: the output differs from the guide\n"),
                drift.message());
        assertTrue(drift.message().contains("-Greetings\n+GREETINGS"), drift.message());
        AssertionFailedError failure = assertInstanceOf(AssertionFailedError.class,
                drift.result().getThrowable().orElseThrow());
        assertEquals("Greetings", failure.getExpected().getStringRepresentation().strip(), "IDEs compare these two");
        assertEquals("GREETINGS", failure.getActual().getStringRepresentation().strip());
    }

    @Test
    void aFailureSaysWhyShowsTheDiffAndPointsAtTheStepsLine(@TempDir Path reports) throws Exception {
        LauncherRun run = LauncherRun.of(parameters(reports), selectClass(guidesTest));

        Outcome fail = run.test("step 3: cat absent.txt");
        assertTrue(fail.failed());
        assertTrue(fail.message().startsWith("FAIL at leftovers.rst:13: exit status 1: cat: absent.txt: No such file or directory\n"), fail.message());
        assertTrue(fail.message().contains("-a file the guide forgot to create"), fail.message());
        assertTrue(fail.message().contains("No such file or directory"), fail.message());
        StackTraceElement[] trace = fail.result().getThrowable().orElseThrow().getStackTrace();
        assertEquals(1, trace.length, "the trace is the step, not the engine's insides");
        assertEquals("leftovers.rst", trace[0].getFileName());
        assertEquals(13, trace[0].getLineNumber());

        FileSource source = (FileSource) fail.test().getSource().orElseThrow();
        assertEquals(RUNBOOKS.resolve("leftovers.rst").toFile().getAbsoluteFile(), source.getFile().getAbsoluteFile());
        assertEquals(13, source.getPosition().orElseThrow().getLine());
        assertTrue(Files.readAllLines(source.getFile().toPath()).get(12).contains("cat absent.txt"),
                "line 13 is the step's command");
    }

    @Test
    void eachRunbookWritesTheReportsOfRun(@TempDir Path reports) throws Exception {
        LauncherRun.of(parameters(reports), selectClass(guidesTest));

        for (String runbook : List.of("greeting", "leftovers")) {
            for (String file : List.of("junit.xml", "results.json", "report.html")) {
                assertTrue(Files.isRegularFile(reports.resolve(runbook).resolve(file)), runbook + "/" + file);
            }
        }
        JsonNode greeting = JSON.readTree(reports.resolve("greeting/results.json").toFile()).get("summary");
        assertEquals(3, greeting.get("pass").asInt());
        assertEquals(1, greeting.get("drift").asInt());
        JsonNode leftovers = JSON.readTree(reports.resolve("leftovers/results.json").toFile()).get("summary");
        assertEquals("FAIL", leftovers.get("status").asText());
        assertTrue(Files.readString(reports.resolve("greeting/junit.xml")).contains("failures=\"0\""),
                "not strict: the drift is no failure in junit.xml either");
    }

    @Test
    void aSelectedStepRunsTheStepsBeforeItUnreported(@TempDir Path reports) throws Exception {
        UniqueId step3 = runbookId("greeting").append("step", "3");
        LauncherRun run = LauncherRun.of(parameters(reports), selectUniqueId(step3));

        assertEquals(List.of("step 3: printf 'one\\ntwo\\n' > list.txt && wc -l list.txt"), run.names());
        assertFalse(run.tests().get(0).failed(), "it passes only if step 2 made ~/notes and went into it");
        JsonNode steps = JSON.readTree(reports.resolve("greeting/results.json").toFile()).get("steps");
        assertEquals("PASS", steps.get(1).get("verdict").asText(), "step 2 ran as setup");
        assertEquals("SKIP", steps.get(3).get("verdict").asText(), "nothing ran after the selected step");
    }

    @Test
    void aSetupStepThatFailsIsReportedWhereItFailed(@TempDir Path reports) {
        UniqueId step4 = runbookId("leftovers.rst").append("step", "4");
        LauncherRun run = LauncherRun.of(parameters(reports), selectUniqueId(step4));

        assertEquals(List.of("step 3: cat absent.txt"), run.dynamic().stream().map(t -> t.getDisplayName()).toList());
        assertEquals("Tests run: 2, Failures: 1, Errors: 0, Skipped: 1", run.surefireCounts());
        assertTrue(run.test("step 3: cat absent.txt").message().contains("(setup of a selected step) exit status 1"));
        assertEquals("after the FAIL of an earlier step", run.test("step 4: echo done").skipped());
    }

    @Test
    void foldersAndFilesSelectRunbooks(@TempDir Path reports) {
        assertEquals("Tests run: 8, Failures: 1, Errors: 0, Skipped: 1",
                LauncherRun.of(parameters(reports), selectDirectory(RUNBOOKS.toFile())).surefireCounts(),
                "a folder of runbooks");
        assertEquals("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0",
                LauncherRun.of(parameters(reports), selectDirectory(RUNBOOKS.resolve("greeting").toFile()))
                        .surefireCounts(), "a runbook's folder");
        assertEquals("Tests run: 4, Failures: 1, Errors: 0, Skipped: 1",
                LauncherRun.of(parameters(reports), selectFile(RUNBOOKS.resolve("leftovers.rst").toFile())).surefireCounts(), "a guide file");
        assertEquals("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0",
                LauncherRun.of(parameters(reports), selectFile(RUNBOOKS.resolve("greeting/runbook.yaml").toFile()))
                        .surefireCounts(), "a sidecar");
    }

    @Test
    void aLineOfAGuideSelectsTheStepThere(@TempDir Path reports) {
        File leftovers = RUNBOOKS.resolve("leftovers.rst").toFile();
        LauncherRun onTheOutput = LauncherRun.of(parameters(reports), selectFile(leftovers, FilePosition.from(14)));
        assertEquals(List.of("step 3: cat absent.txt"), onTheOutput.names(), "line 14 is step 3's expected output");
        assertTrue(onTheOutput.test("step 3: cat absent.txt").failed());

        assertEquals(4, LauncherRun.of(parameters(reports), selectFile(leftovers, FilePosition.from(2))).names().size(),
                "the title comes before any step: the whole runbook");
    }

    @Test
    void aClasspathScanFindsTheAnnotatedClass(@TempDir Path reports) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(guidesTest.getClassLoader());
        try {
            LauncherRun run = LauncherRun.of(parameters(reports), selectClasspathRoots(Set.of(classes)).get(0));
            assertEquals("Tests run: 8, Failures: 1, Errors: 0, Skipped: 1", run.surefireCounts(),
                    "an IDE's 'all tests' finds the runbooks as Surefire does");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void withoutItsSelectorsTheEngineFindsNothing(@TempDir Path reports) {
        LauncherRun plainClass = LauncherRun.of(parameters(reports), selectClass(EngineSampleIT.class.getName()
                + "$NotAnnotated"));
        assertEquals(List.of(), plainClass.names(), "a class without @Runbooks is not the engine's");
        assertEquals(List.of(), LauncherRun.of(parameters(reports), selectFile(SAMPLE.resolve("pom.xml").toFile()))
                .names(), "a file that is no guide");
        assertFalse(Files.exists(reports.resolve("greeting")), "nothing ran");
    }

    @Test
    void rehearsesOwnTestClassesGiveTheEngineNothing() throws Exception {
        Path ownTests = Path.of(EngineSampleIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(ownTests)))
                .filters(EngineFilter.includeEngines(RehearseTestEngine.ID)).build());

        assertEquals(0, plan.countTestIdentifiers(TestIdentifier::isTest),
                "the engine in Rehearse's jar adds no test to Rehearse's own test run");
    }

    @Test
    void aBrokenRunbookIsAFailingTestNamingWhereItIsWrong(@TempDir Path folder) throws Exception {
        Path broken = Files.createDirectories(folder.resolve("runbooks/broken"));
        Files.writeString(broken.resolve("guide_broken.rst"), "Broken\n======\n\n.. code-block:: console\n\n"
                + "  [isabell@stardust ~]$ echo hi\n  hi\n");
        Files.writeString(broken.resolve("runbook.yaml"), "guide: guide_broken.rst\ncolour: blue\n");

        LauncherRun run = LauncherRun.of(parameters(folder.resolve("reports")),
                selectDirectory(folder.resolve("runbooks").toFile()));

        assertEquals("Tests run: 1, Failures: 0, Errors: 1, Skipped: 0", run.surefireCounts());
        Outcome test = run.tests().get(0);
        assertTrue(test.message().contains("runbook.yaml:2:"), test.message());
        FileSource source = (FileSource) test.test().getSource().orElseThrow();
        assertEquals("runbook.yaml", source.getFile().getName());
        assertEquals(2, source.getPosition().orElseThrow().getLine());
    }

    @Test
    void stepNumbersArePaddedToTheLastOnesWidthSoNamesSortByNumber(@TempDir Path folder) throws Exception {
        StringBuilder guide = new StringBuilder("Count\n=====\n\n.. code-block:: console\n\n");
        for (int i = 1; i <= 10; i++) {
            guide.append("  [isabell@stardust ~]$ echo ").append(i).append("\n  ").append(i).append("\n");
        }
        Files.writeString(Files.createDirectories(folder.resolve("runbooks")).resolve("count.rst"),
                guide + "  [isabell@stardust ~]$\n");

        List<String> names = LauncherRun.of(parameters(folder.resolve("reports")),
                selectDirectory(folder.resolve("runbooks").toFile())).names();

        assertEquals("step 01: echo 1", names.get(0));
        assertEquals("step 10: echo 10", names.get(9));
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void theDocsShowTheSamplesPomWordForWord() throws Exception {
        String docs = Files.readString(SAMPLE.resolve("../../docs/engine.md").normalize());
        String block = docs.substring(docs.indexOf("```xml\n") + 7);
        assertEquals(Files.readString(SAMPLE.resolve("pom.xml")), block.substring(0, block.indexOf("```\n")),
                "docs/engine.md gives a pom that EngineSampleMavenIT builds");
    }

    private static UniqueId runbookId(String runbook) {
        return RunbookResolver.runbookId(UniqueId.forEngine(RehearseTestEngine.ID), RUNBOOKS.resolve(runbook));
    }

    /** What a project would configure: the runbooks' base (Surefire's working directory) and where reports go. */
    private static Map<String, String> parameters(Path reports) {
        return Map.of("rehearse.baseDir", SAMPLE.toString(), "rehearse.reportDir", reports.toString(),
                "rehearse.target", "local");
    }

    /** A class the engine must leave alone. */
    static class NotAnnotated {
    }
}
