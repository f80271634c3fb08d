package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seed's known defects (the reader's structural findings and the lint rules'), each at its file and line, and nothing else. */
class SeedLintTest {

    @Test
    void theSeedsKnownDefects() {
        List<String> found = Linter.lint(Checkout.seed()).stream()
                .map(f -> f.source() + ":" + f.line() + ": " + f.level().label() + ": " + f.rule()).toList();
        assertEquals(List.of(
                "guide_synapse.rst:9: warning: missing-image",
                "guide_synapse.rst:12: warning: title-underline",
                "guide_synapse.rst:58: warning: emphasize-lines",
                "guide_synapse.rst:65: warning: foreign-home",
                "guide_synapse.rst:66: warning: foreign-home",
                "guide_synapse.rst:78: warning: repeated-command",
                "guide_synapse.rst:87: warning: prompt-identity",
                "guide_synapse.rst:190: warning: foreign-home",
                "guide_synapse.rst:215: warning: prompt-cwd",
                "guide_synapse.rst:228: error: sample-value",
                "guide_synapse.rst:293: error: foreign-home",
                "guide_synapse.rst:333: warning: duplicate-title",
                "guide_synapse.rst:342: warning: prompt-cwd",
                "includes/open-port.rst:5: warning: prompt-sigil"), found);
    }

    @Test
    void theMessagesSayWhatIsWrongAndWhere() {
        List<Finding> findings = Linter.lint(Checkout.seed());
        assertEquals("guide_synapse.rst:228: error: 40312 looks like a misspelling of 40132, which includes/open-port.rst:6 shows [sample-value]",
                message(findings, 228));
        assertEquals("guide_synapse.rst:87: warning: prompt shows matrites@clark, the guide's prompts show isabell@stardust [prompt-identity]",
                message(findings, 87));
        assertEquals("guide_synapse.rst:342: warning: prompt shows synape, but \"cd ~/synapse\" (line 341) leaves the shell in ~/synapse [prompt-cwd]",
                message(findings, 342));
        assertEquals("guide_synapse.rst:215: warning: prompt shows ~, but the previous prompt (line 210) shows synapse and nothing since "
                        + "changes the directory [prompt-cwd]",
                message(findings, 215));
        assertEquals("guide_synapse.rst:78: warning: \"pip install --upgrade pip\" runs again right after line 69 [repeated-command]",
                message(findings, 78));
        assertEquals("guide_synapse.rst:293: error: /home/matrites is another user's home; the guide's user is isabell [foreign-home]",
                message(findings, 293));
    }

    private static String message(List<Finding> findings, int line) {
        return findings.stream().filter(f -> f.line() == line && f.source().equals("guide_synapse.rst")).findFirst().orElseThrow().toString();
    }
}
