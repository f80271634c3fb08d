package dev.rehearse.cli;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RehearseJar.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearse.read.Guides;
import dev.rehearse.read.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code blocks}, {@code plan}, {@code lint} and {@code run}, through the real command line ({@link Main#execute}),
 * accept a guide as {@code .md}, {@code .markdown}, {@code .mdx}, {@code .qmd}, {@code .Rmd}, {@code .adoc},
 * {@code .asciidoc}, {@code .rst}, and {@code .txt} holding one of them, and a runbook folder holding one; the same guide gives the same blocks and the same plan whatever its format, and
 * runs on a real local shell with every step passing; what drifts there, {@code update} writes back at the right line.
 */
class FormatsCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The greeter guide in every form a command accepts, each in a folder of its own: label to path. */
    static Map<String, Path> greeterInEveryForm(Path dir) throws IOException {
        Path fixtures = Fixtures.guides();
        Map<String, Path> forms = new LinkedHashMap<>();
        forms.put("md", copy(fixtures.resolve("greeter.md"), dir.resolve("md/greeter.md")));
        forms.put("markdown", copy(fixtures.resolve("greeter.md"), dir.resolve("markdown/greeter.markdown")));
        forms.put("mdx", copy(fixtures.resolve("greeter.md"), dir.resolve("mdx/greeter.mdx")));
        forms.put("adoc", copy(fixtures.resolve("greeter.adoc"), dir.resolve("adoc/greeter.adoc")));
        forms.put("asciidoc", copy(fixtures.resolve("greeter.adoc"), dir.resolve("asciidoc/greeter.asciidoc")));
        forms.put("rst", copy(fixtures.resolve("greeter.rst"), dir.resolve("rst/greeter.rst")));
        forms.put("qmd", copy(fixtures.resolve("greeter.md"), dir.resolve("qmd/greeter.qmd")));
        forms.put("Rmd", copy(fixtures.resolve("greeter.md"), dir.resolve("Rmd/greeter.Rmd")));
        // a .txt file is read as the markup it holds
        forms.put("txt (rst)", copy(fixtures.resolve("greeter.rst"), dir.resolve("txt-rst/greeter.txt")));
        forms.put("txt (md)", copy(fixtures.resolve("greeter.md"), dir.resolve("txt-md/greeter.txt")));
        copy(fixtures.resolve("greeter.md"), dir.resolve("runbook-md/guide_greeter.md"));
        forms.put("runbook folder (md)", dir.resolve("runbook-md"));
        copy(fixtures.resolve("greeter.adoc"), dir.resolve("runbook-adoc/guide_greeter.adoc"));
        forms.put("runbook folder (adoc)", dir.resolve("runbook-adoc"));
        return forms;
    }

    @Test
    void blocksReadsEveryFormAlike(@TempDir Path dir) throws IOException {
        List<String> reference = null;
        for (Map.Entry<String, Path> form : greeterInEveryForm(dir).entrySet()) {
            Outcome result = run("blocks", form.getValue().toString(), "--json");
            assertEquals(0, result.exit(), form.getKey() + ": " + result.err());
            List<String> blocks = new ArrayList<>();
            for (String line : result.out().strip().split("\n")) {
                JsonNode block = JSON.readTree(line);
                blocks.add(block.get("language").asText() + " " + block.get("text").asText());
            }
            assertEquals(6, blocks.size(), form.getKey());
            if (reference == null) {
                reference = blocks;
            }
            assertEquals(reference, blocks, form.getKey());
        }
    }

    @Test
    void planGivesTheSameStepsForEveryForm(@TempDir Path dir) throws IOException {
        JsonNode reference = null;
        for (Map.Entry<String, Path> form : greeterInEveryForm(dir).entrySet()) {
            Outcome result = run("plan", form.getValue().toString(), "--json");
            assertEquals(0, result.exit(), form.getKey() + ": " + result.err());
            JsonNode steps = JSON.readTree(result.out()).get("steps");
            assertEquals(8, steps.size(), form.getKey());
            steps.forEach(FormatsCliIT::withoutPlace);
            if (reference == null) {
                reference = steps;
            }
            assertEquals(reference, steps, form.getKey());
        }
    }

    @Test
    void lintAcceptsEveryFormAndFindsNothingInACleanGuide(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, Path> form : greeterInEveryForm(dir).entrySet()) {
            Outcome result = run("lint", form.getValue().toString());
            assertEquals(0, result.exit(), form.getKey() + ": " + result.out() + result.err());
            assertEquals("", result.out(), form.getKey());
            assertEquals("0 errors, 0 warnings in 1 guide", result.err().strip(), form.getKey());
        }
    }

    @Test
    void lintPointsAtFormatDefectsWithFileAndLine() {
        Path broken = Fixtures.guides().resolve("broken");
        Outcome result = run("lint", broken.resolve("defects.md").toString(), broken.resolve("defects.adoc").toString());
        assertEquals(1, result.exit(), "an unclosed fence is an error");
        List<String> lines = List.of(result.out().strip().split("\n"));
        String md = shown(broken.resolve("defects.md"));
        String adoc = shown(broken.resolve("defects.adoc"));
        for (String expected : List.of(
                md + ":7: warning: fenced block without a language",
                md + ":11: error: snippet \"includes/not-there.md\" does not exist",
                md + ":13: warning: duplicate heading \"Install\"",
                md + ":15: error: unclosed ``` fence",
                adoc + ":7: warning: listing without a language",
                adoc + ":11: error: include file not found: includes/not-there.adoc",
                adoc + ":13: error: this conditional is never closed",
                adoc + ":16: warning: duplicate heading \"Install\"",
                adoc + ":19: error: unclosed ---- delimiter")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(expected)), expected + " in\n" + result.out());
        }
        assertEquals(9, lines.size(), result.out());
    }

    @Test
    void runRunsEveryFormOnTheLocalTargetAndEveryStepPasses(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, Path> form : greeterInEveryForm(dir.resolve("guides")).entrySet()) {
            Path reports = dir.resolve("reports").resolve(form.getKey().replaceAll("\\W+", "-"));
            Outcome result = run("run", form.getValue().toString(), "--target", "local", "--report-dir", reports.toString());
            assertEquals(0, result.exit(), form.getKey() + ": " + result.out() + result.err());
            JsonNode results = JSON.readTree(reports.resolve("results.json").toFile());
            List<String> verdicts = new ArrayList<>();
            results.get("steps").forEach(step -> verdicts.add(step.get("kind").asText() + " " + step.get("verdict").asText()));
            assertEquals(List.of("command PASS", "command PASS", "write PASS", "command PASS", "write PASS", "edit PASS",
                    "command PASS", "command PASS"), verdicts, form.getKey() + ": the edit merged (one port key left)");
        }
    }

    @Test
    void runComparesWhatTheMarkdownAndAsciidocGuidesShowAndUpdateWritesItBack(@TempDir Path dir) throws IOException {
        for (String name : List.of("greeter.md", "greeter.adoc")) {
            Path stale = Fixtures.write(dir, "stale/" + name,
                    Files.readString(Fixtures.guides().resolve(name)).replace("2 lines", "3 lines"));
            Path reports = dir.resolve("reports-" + name);
            Outcome result = run("run", stale.toString(), "--strict", "--report-dir", reports.toString());
            assertEquals(1, result.exit(), name + ": with --strict a DRIFT fails the run\n" + result.out());
            JsonNode last = JSON.readTree(reports.resolve("results.json").toFile()).get("steps").get(7);
            assertEquals("DRIFT", last.get("verdict").asText(), name);
            assertTrue(last.get("diff").asText().contains("-3 lines"), name + ": " + last.get("diff"));
            assertTrue(last.get("diff").asText().contains("+2 lines"), name + ": " + last.get("diff"));
            Outcome update = run("update", stale.toString(), "--from-report", reports.toString());
            assertEquals(0, update.exit(), name + ": " + update.err());
            assertEquals(Files.readString(Fixtures.guides().resolve(name)), Files.readString(stale),
                    name + ": update writes the real output back at the exact line, every other byte kept");
        }
    }

    @Test
    void aMissingGuideIsOneLineOfBadInput(@TempDir Path dir) {
        for (String command : List.of("blocks", "plan", "lint", "run")) {
            Outcome result = run(command, dir.resolve("gone.adoc").toString());
            assertEquals(2, result.exit(), command);
            assertTrue(result.err().startsWith(dir.resolve("gone.adoc") + ": no such file"), command + ": " + result.err());
            assertEquals(1, result.err().strip().lines().count(), command + ": " + result.err());
        }
    }

    /**
     * Where a step stands differs by format (file, line, and the section path: reStructuredText makes a lone top
     * title the document's title, Markdown keeps a {@code #} heading a section); what it does must not.
     */
    private static void withoutPlace(JsonNode step) {
        ((ObjectNode) step).remove(List.of("source", "line", "section"));
        step.path("expected").forEach(e -> ((ObjectNode) e).remove("line"));
    }

    /** How the CLI names a file: relative to the working directory when below it. */
    private static String shown(Path file) {
        Path cwd = Checkout.root();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** The real command line with the readers every command uses by default. */
    private static Outcome run(String... args) {
        return RehearseJar.run(args);
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(from, to);
    }
}
