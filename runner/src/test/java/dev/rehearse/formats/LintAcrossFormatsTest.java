package dev.rehearse.formats;

import dev.rehearse.guide.Guide;
import dev.rehearse.lint.Linter;
import dev.rehearse.read.Fixtures;
import dev.rehearse.read.asciidoc.AsciidocReader;
import dev.rehearse.read.markdown.MarkdownReader;
import dev.rehearse.testing.OracleGuides;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The transcript lint rules see the seed's defects (a stranger's prompt, a repeated command ...) in every format. */
class LintAcrossFormatsTest {

    @Test
    void theSeedsTranscriptDefectsAreFoundInEveryFormat() {
        Path guides = Fixtures.guides();
        List<String> rst = rulesAndMessages(OracleGuides.seed());
        List<String> markdown = rulesAndMessages(new MarkdownReader().read(guides.resolve("synapse.md"), guides));
        List<String> asciidoc = rulesAndMessages(new AsciidocReader().read(guides.resolve("synapse.adoc"), guides));
        assertEquals(10, rst.size(), String.join("\n", rst));
        assertEquals(rst, markdown);
        assertEquals(rst, asciidoc);
    }

    /** Findings without where they stand: messages that cite a line or file:line have it masked; sorted. */
    private static List<String> rulesAndMessages(Guide guide) {
        return Linter.lint(guide).stream()
                .map(f -> f.level().label() + " [" + f.rule() + "] " + f.message()
                        .replaceAll("[\\w./-]+\\.(rst|md|adoc):\\d+", "FILE:LINE")
                        .replaceAll("\\bline \\d+", "line N"))
                .sorted().toList();
    }
}
