package dev.rehearse.formats;

import dev.rehearse.guide.Guide;
import dev.rehearse.lint.Linter;
import dev.rehearse.read.Fixtures;
import dev.rehearse.read.Guides;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The transcript lint rules see the seed's defects (a stranger's prompt, a repeated command ...) in every format. */
class LintAcrossFormatsTest {

    @Test
    void theSeedsTranscriptDefectsAreFoundInEveryFormat() {
        List<String> rst = ruleFindings(Guides.read(Fixtures.seed()));
        List<String> markdown = ruleFindings(Guides.read(Fixtures.guides().resolve("synapse.md")));
        List<String> asciidoc = ruleFindings(Guides.read(Fixtures.guides().resolve("synapse.adoc")));
        assertEquals(10, rst.size(), String.join("\n", rst));
        // the copies in other formats have no sidecar: homeserver.yaml's password, which the seed's binds, is unbound
        List<String> unbound = new ArrayList<>(rst);
        unbound.add("error [placeholder] unbound placeholder <my super secure password>: bind it with "
                + "--bind '<my super secure password>=VALUE' or runbook.yaml bindings: {\"<my super secure password>\": VALUE}");
        unbound.sort(null);
        assertEquals(unbound, markdown);
        assertEquals(unbound, asciidoc);
    }

    /**
     * What the lint rules find, without the reader's structural findings (those differ by format: an rst title
     * underline has no Markdown twin) and without where they stand: a cited line or file:line is masked; sorted.
     */
    private static List<String> ruleFindings(Guide guide) {
        return Linter.lint(guide).stream()
                .filter(f -> !guide.findings().contains(f))
                .map(f -> f.level().label() + " [" + f.rule() + "] " + f.message()
                        .replaceAll("[\\w./-]+\\.(rst|md|adoc):\\d+", "FILE:LINE")
                        .replaceAll("\\bline \\d+", "line N"))
                .sorted().toList();
    }
}
