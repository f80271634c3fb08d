package dev.rehearse.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fixtures/engine-sample built by real Maven against this build of Rehearse, installed into the local
 * repository as {@code dev.rehearse:rehearse-runner:0.1.0-SNAPSHOT} (the classes compiled for this test run, in a
 * jar, with the module's pom): Surefire's own counts, read from its XML report, with and without
 * {@code rehearse.strict}.
 */
class EngineSampleMavenIT {
    private static final Path ROOT = Path.of(System.getProperty("rehearse.root")).toAbsolutePath().normalize();
    private static final String INSTALL = "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file";

    @TempDir
    static Path work;

    @BeforeAll
    static void installThisBuildOfRehearse() throws Exception {
        Path jar = work.resolve("rehearse-runner.jar");
        jar(ROOT.resolve("runner/target/classes"), jar);
        assertEquals(0, mvn(work, INSTALL, "-Dfile=" + ROOT.resolve("pom.xml"), "-DpomFile=" + ROOT.resolve("pom.xml"),
                "-Dpackaging=pom"), log(work));
        assertEquals(0, mvn(work, INSTALL, "-Dfile=" + jar, "-DpomFile=" + ROOT.resolve("runner/pom.xml")), log(work));
    }

    @Test
    void surefireCountsEveryStepTheFailureAndTheSkip(@TempDir Path dir) throws Exception {
        Path sample = copySample(dir);

        int exit = mvn(sample, "test");

        assertEquals(1, exit, "the leftovers runbook fails, so the build does: " + log(sample));
        Element suite = surefireReport(sample);
        assertEquals(List.of("8", "1", "0", "1"), counts(suite), "tests, failures, errors, skipped");
        assertTrue(Files.isRegularFile(sample.resolve("target/rehearse/greeting/report.html")));
        assertTrue(Files.isRegularFile(sample.resolve("target/rehearse/leftovers/junit.xml")));
    }

    @Test
    void strictCountsTheDriftAsAFailure(@TempDir Path dir) throws Exception {
        Path sample = copySample(dir);

        assertEquals(1, mvn(sample, "test", "-Drehearse.strict=true"), log(sample));
        assertEquals(List.of("8", "2", "0", "1"), counts(surefireReport(sample)));
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

    private static Element surefireReport(Path sample) throws Exception {
        Path xml = sample.resolve("target/surefire-reports/TEST-sample.GuidesTest.xml");
        assertTrue(Files.isRegularFile(xml), "Surefire wrote no report for the @Runbooks class");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
    }

    private static List<String> counts(Element suite) {
        return List.of(suite.getAttribute("tests"), suite.getAttribute("failures"), suite.getAttribute("errors"),
                suite.getAttribute("skipped"));
    }

    /** The module's compiled classes and resources (the engine's service file among them) as a jar. */
    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> all = Files.walk(classes)) {
            for (Path path : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }

    /**
     * Runs quiet Maven in {@code dir}, its output in {@code dir/mvn.log}. Not offline: on a fresh machine the install
     * plugin is not in the local repository yet (this project's own build never installs), and Central is reachable.
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
