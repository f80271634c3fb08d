package dev.rehearse.formats;

import dev.rehearse.guide.Guide;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.WriteStep;
import dev.rehearse.read.Fixtures;
import dev.rehearse.read.Guides;
import dev.rehearse.read.asciidoc.AsciidocReader;
import dev.rehearse.read.markdown.MarkdownReader;
import dev.rehearse.testing.OracleGuides;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same guide written in reStructuredText, Markdown and AsciiDoc plans to the same steps: the same kinds, commands,
 * expected output, typed answers, file paths and contents. Where a step comes from (file, line) may differ.
 */
class PlanAcrossFormatsTest {
    private static final TargetFacts FACTS = new TargetFacts("isabell", "stardust", "/home/isabell", "my.domain.name");

    @Test
    void theSeedPlansAlikeInAllThreeFormats(@TempDir Path dir) throws IOException {
        List<String> rst = shape(plan(seedWithoutItsSidecar(dir)));
        List<String> markdown = shape(plan(Fixtures.guides().resolve("synapse.md")));
        List<String> asciidoc = shape(plan(Fixtures.guides().resolve("synapse.adoc")));
        assertEquals(List.of(26L, 3L, 1L), List.of(count(rst, "command "), count(rst, "edit "), count(rst, "write ")),
                "the seed's 26 commands, 3 edits and 1 write");
        assertEquals(rst, markdown);
        assertEquals(rst, asciidoc);
        System.out.println("PlanAcrossFormatsTest: the seed plans to " + rst.size()
                + " identical steps from reStructuredText, Markdown and AsciiDoc");
    }

    @Test
    @Tag("conformance")
    void ourRstReaderPlansTheSeedAsDocutilsBlocksDo() {
        Path seed = OracleGuides.shared().resolve("seed/guide_synapse.rst");
        assertEquals(shape(plan(seed)), shape(new Planner(FACTS, Map.of()).plan(Runbook.load(seed), OracleGuides.seed())));
    }

    @Test
    void theDollarStyleGuidePlansAlikeInAllThreeFormats() {
        List<String> markdown = shape(plan(Fixtures.guides().resolve("greeter.md")));
        assertEquals(List.of(
                "command mkdir -p ~/greeter ->  typing []",
                "command cd ~/greeter ->  typing []",
                "write ~/greeter/greeter.ini <- [greeter]\ngreeting=hello\n",
                "command grep greeting ~/greeter/greeter.ini -> OUTPUT:greeting=hello typing []",
                "write ~/greeter/settings.yaml <- name: greeter\nlisten:\n  port: 8080\n",
                "edit ~/greeter/settings.yaml (yaml) <- listen:\n  port: 9090",
                "command grep -c port ~/greeter/settings.yaml -> OUTPUT:1 typing []",
                "command echo \"$(wc -l < ~/greeter/greeter.ini) lines\" -> OUTPUT:2 lines typing []"), markdown);
        assertEquals(markdown, shape(plan(Fixtures.guides().resolve("greeter.adoc"))));
        assertEquals(markdown, shape(plan(Fixtures.guides().resolve("greeter.rst"))));
    }

    @Test
    void aBlockThatNamesItsFileIsWrittenThereWithoutProseNamingIt(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("named.md");
        Files.writeString(md, "# Named\n\nThe service reads this:\n\n```ini {file=~/etc/app.ini}\n[app]\nport=8080\n```\n\n"
                + "```yaml title=\"x\" file=~/app.yaml\nport: 1\n```\n");
        Path adoc = dir.resolve("named.adoc");
        Files.writeString(adoc, "= Named\n\nThe service reads this:\n\n[source,ini,file=~/etc/app.ini]\n----\n[app]\nport=8080\n----\n\n"
                + "[source,yaml,file=~/app.yaml]\n----\nport: 1\n----\n");
        List<String> expected = List.of("write ~/etc/app.ini <- [app]\nport=8080\n", "write ~/app.yaml <- port: 1\n");
        assertEquals(expected, shape(plan(md, new MarkdownReader().read(md, dir))));
        assertEquals(expected, shape(plan(adoc, new AsciidocReader().read(adoc, dir))));
    }

    /** The seed guide and its includes, without runbooks/synapse's sidecar: the fixtures in the other formats have none. */
    private static Path seedWithoutItsSidecar(Path dir) throws IOException {
        Path runbook = Fixtures.seed().getParent();
        for (String name : List.of("guide_synapse.rst", "includes/open-port.rst", "includes/web-backend.rst")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.copy(runbook.resolve(name), dir.resolve(name));
        }
        return dir.resolve("guide_synapse.rst");
    }

    private static long count(List<String> steps, String kind) {
        return steps.stream().filter(s -> s.startsWith(kind)).count();
    }

    /** Read by the reader the file's extension picks, as every command does. */
    private static Plan plan(Path guideFile) {
        return plan(guideFile, Guides.read(guideFile));
    }

    private static Plan plan(Path guideFile, Guide guide) {
        return new Planner(FACTS, Map.of()).plan(Runbook.load(guideFile), guide);
    }

    /** Each step as what it does, without where it stands. */
    static List<String> shape(Plan plan) {
        return plan.steps().stream().map(PlanAcrossFormatsTest::shape).toList();
    }

    private static String shape(Step step) {
        if (step instanceof CommandStep c) {
            return "command " + c.command() + " -> " + c.expected().stream()
                    .map(e -> e.kind() + ":" + e.text() + (e.answer() == null ? "" : "=" + e.answer()))
                    .collect(Collectors.joining(" | ")) + " typing " + c.interactions();
        }
        if (step instanceof WriteStep w) {
            return "write " + w.path() + " <- " + w.content();
        }
        EditStep e = (EditStep) step;
        return "edit " + e.path() + " (" + e.format() + ") <- " + e.fragment();
    }
}
