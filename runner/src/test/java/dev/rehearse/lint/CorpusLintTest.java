package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import dev.rehearse.read.Guides;
import dev.rehearse.testing.OracleGuides;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lint over the whole corpus: a rule that fires on most guides is a bad rule. */
@Tag("conformance")
class CorpusLintTest {

    @Test
    void noRuleFiresOnMostGuides() {
        // the real reader, so that its structural findings are counted too
        List<Guide> corpus = OracleGuides.corpus().stream().map(g -> Guides.read(g.file())).toList();
        Map<String, Integer> findings = new TreeMap<>();
        Map<String, Set<String>> guides = new TreeMap<>();
        Linter.RULES.forEach(r -> {
            findings.put(r.name(), 0);
            guides.put(r.name(), new HashSet<>());
        });
        for (Guide guide : corpus) {
            for (Finding f : Linter.lint(guide)) {
                findings.merge(f.rule(), 1, Integer::sum);
                guides.computeIfAbsent(f.rule(), k -> new HashSet<>()).add(guide.file().getFileName().toString());
            }
        }
        System.out.printf("lint over %d corpus guides:%n", corpus.size());
        findings.forEach((rule, n) -> System.out.printf("  %-18s %4d findings in %3d guides%n", rule, n, guides.get(rule).size()));
        guides.forEach((rule, fired) -> assertTrue(fired.size() * 2 < corpus.size(),
                rule + " fires on " + fired.size() + " of " + corpus.size() + " guides"));
    }
}
