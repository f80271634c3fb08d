package dev.rehearse.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fixtures/engine-sample built by real Maven against Rehearse as {@code mvn install} puts it in the local repository:
 * the module's own jar as this build packaged it (runner/target/rehearse-runner-VERSION.jar, the thin engine, not
 * the command line's shaded jar) with the module's pom, its true dependency list. Surefire's own counts and names,
 * read from its XML reports: each runbook a class of its own, its steps in order.
 */
class EngineSampleMavenIT {
    private static final Path ROOT = Path.of(System.getProperty("rehearse.root")).toAbsolutePath().normalize();
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final String INSTALL = "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file";

    @TempDir
    static Path work;

    @BeforeAll
    static void installThisBuildOfRehearse() throws Exception {
        Path jar = ROOT.resolve("runner/target/rehearse-runner-" + VERSION + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build it first (mvn -o -q -DskipTests package)");
        try (JarFile thin = new JarFile(jar.toFile())) {
            assertNotNull(thin.getEntry("dev/rehearse/engine/RehearseTestEngine.class"));
            assertNull(thin.getEntry("org/yaml/snakeyaml/Yaml.class"), "the engine's jar holds no dependency");
        }
        assertEquals(0, mvn(work, INSTALL, "-Dfile=" + ROOT.resolve("pom.xml"), "-DpomFile=" + ROOT.resolve("pom.xml"),
                "-Dpackaging=pom"), log(work));
        assertEquals(0, mvn(work, INSTALL, "-Dfile=" + jar, "-DpomFile=" + ROOT.resolve("runner/pom.xml")), log(work));
    }

    @Test
    void surefireReportsEachRunbookAsAClassWithItsStepsInOrder(@TempDir Path dir) throws Exception {
        Path sample = copySample(dir);

        int exit = mvn(sample, "test");

        assertEquals(1, exit, "the leftovers runbook fails, so the build does: " + log(sample));
        Element greeting = surefireReport(sample, "greeting");
        Element leftovers = surefireReport(sample, "leftovers");
        assertEquals(List.of("4", "0", "0", "0"), counts(greeting), "tests, failures, errors, skipped");
        assertEquals(List.of("4", "1", "0", "1"), counts(leftovers));
        assertEquals(List.of("step 1: echo \"Hello, isabell\"", "step 2: mkdir -p ~/notes && cd ~/notes",
                "step 3: printf 'one\\ntwo\\n' > list.txt && wc -l list.txt",
                "step 4: echo Greetings | tr a-z A-Z"), testcases(greeting, "greeting"));
        assertEquals(4, testcases(leftovers, "leftovers").size());
        assertFalse(Files.exists(sample.resolve("target/surefire-reports/TEST-sample.GuidesTest.xml")),
                "the class that points at the runbooks is no report of its own");
        assertTrue(Files.isRegularFile(sample.resolve("target/rehearse/greeting/report.html")));
        assertTrue(Files.isRegularFile(sample.resolve("target/rehearse/leftovers/junit.xml")));
    }

    @Test
    void stepsSortByNumberPastNine(@TempDir Path dir) throws Exception {
        Path sample = copySample(dir);
        StringBuilder guide = new StringBuilder("Count\n=====\n\n.. code-block:: console\n\n");
        for (int i = 1; i <= 12; i++) {
            guide.append("  [isabell@stardust ~]$ echo ").append(i).append("\n  ").append(i).append("\n");
        }
        Files.writeString(sample.resolve("src/test/runbooks/count.rst"), guide + "  [isabell@stardust ~]$\n");

        mvn(sample, "test");

        List<String> names = testcases(surefireReport(sample, "count"), "count");
        assertEquals(12, names.size(), log(sample));
        assertEquals("step 03: echo 3", names.get(2));
        assertEquals("step 10: echo 10", names.get(9));
        assertEquals(names.stream().sorted().toList(), names, "sorted by name is sorted by number");
    }

    @Test
    void strictCountsTheDriftAsAFailure(@TempDir Path dir) throws Exception {
        Path sample = copySample(dir);

        assertEquals(1, mvn(sample, "test", "-Drehearse.strict=true"), log(sample));
        assertEquals(List.of("4", "1", "0", "0"), counts(surefireReport(sample, "greeting")));
        assertEquals(List.of("4", "1", "0", "1"), counts(surefireReport(sample, "leftovers")));
    }

    @Test
    void twoCiJobsEachRunTheirShardOfTheRunbooks(@TempDir Path dir) throws Exception {
        Path first = copySample(dir.resolve("job-1"));
        Path second = copySample(dir.resolve("job-2"));

        assertEquals(0, mvn(first, "test", "-Drehearse.shard=1/2"), log(first));
        assertEquals(1, mvn(second, "test", "-Drehearse.shard=2/2"), log(second));
        assertEquals(List.of("TEST-greeting.xml"), surefireReports(first));
        assertEquals(List.of("TEST-leftovers.xml"), surefireReports(second));
        assertEquals(List.of("4", "1", "0", "1"), counts(surefireReport(second, "leftovers")));
    }

    @Test
    void inParallelSurefireCountsTheSame(@TempDir Path dir) throws Exception {
        Path sample = copySample(dir);

        assertEquals(1, mvn(sample, "test", "-Drehearse.execution.parallel.enabled=true",
                "-Drehearse.execution.parallel.config.strategy=fixed",
                "-Drehearse.execution.parallel.config.fixed.parallelism=2"), log(sample));
        assertEquals(List.of("4", "0", "0", "0"), counts(surefireReport(sample, "greeting")));
        assertEquals(List.of("4", "1", "0", "1"), counts(surefireReport(sample, "leftovers")));
    }

    private static List<String> surefireReports(Path sample) throws IOException {
        try (Stream<Path> reports = Files.list(sample.resolve("target/surefire-reports"))) {
            return reports.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("TEST-")).sorted().toList();
        }
    }

    private static String log(Path dir) throws IOException {
        return Files.readString(dir.resolve("mvn.log"));
    }

    private static Path copySample(Path dir) throws IOException {
        Path from = ROOT.resolve("fixtures/engine-sample");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path to = dir.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return dir;
    }

    private static Element surefireReport(Path sample, String runbook) throws Exception {
        Path xml = sample.resolve("target/surefire-reports/TEST-" + runbook + ".xml");
        try (Stream<Path> reports = Files.list(sample.resolve("target/surefire-reports"))) {
            assertTrue(Files.isRegularFile(xml), "Surefire wrote no report for the runbook " + runbook + ": "
                    + reports.map(p -> p.getFileName().toString()).toList());
        }
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
    }

    /** The testcases' names, in the report's order, each checked to be of the runbook's class. */
    private static List<String> testcases(Element suite, String runbook) {
        List<String> names = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            assertEquals(runbook, testcase.getAttribute("classname"), testcase.getAttribute("name"));
            names.add(testcase.getAttribute("name"));
        }
        return names;
    }

    private static List<String> counts(Element suite) {
        return List.of(suite.getAttribute("tests"), suite.getAttribute("failures"), suite.getAttribute("errors"),
                suite.getAttribute("skipped"));
    }

    /**
     * Runs quiet Maven in {@code dir}, its output in {@code dir/mvn.log}. Not offline: on a fresh machine the install
     * plugin may not be in the local repository yet, and Central is reachable.
     */
    private static int mvn(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B"));
        command.addAll(List.of(args));
        Process mvn = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mvn.log").toFile()).start();
        if (!mvn.waitFor(5, TimeUnit.MINUTES)) {
            mvn.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " took over 5 minutes");
        }
        return mvn.exitValue();
    }
}
