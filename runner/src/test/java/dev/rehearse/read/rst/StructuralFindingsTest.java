package dev.rehearse.read.rst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import dev.rehearse.read.Guides;
import dev.rehearse.testing.Checkout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The structural findings, each at its exact file and line: on a fixture with one defect of every kind, on the seed
 * (whose defects are known), against docutils' own warnings and errors for the corpus and the fixtures, and over
 * the whole corpus (a rule that fires on most guides would be a bad rule).
 */
class StructuralFindingsTest {

    private static Path fixtures() throws Exception {
        return Path.of(StructuralFindingsTest.class.getResource("/rst").toURI());
    }

    private static List<String> lineAndRule(Guide guide) {
        List<String> out = new ArrayList<>();
        for (Finding f : guide.findings()) {
            out.add(f.source() + ":" + f.line() + " " + f.rule());
        }
        return out;
    }

    @Test
    void everyKindOfDefectIsFoundAtItsLine() throws Exception {
        Guide guide = Guides.read(fixtures().resolve("defects/guide_defects.rst"));
        assertEquals(List.of(
                "guide_defects.rst:5 missing-image",           // _static/present.png exists, absent.png does not
                "guide_defects.rst:13 missing-target",         // `missing one <nowhere_>`_
                "guide_defects.rst:14 missing-target",         // :ref:`no such label`
                "guide_defects.rst:21 title-underline",        // "===" under a 15-character title: read as text
                "guide_defects.rst:30 title-overline",         // ==== over, ---- under
                "guide_defects.rst:34 emphasize-lines",        // 1,x: Sphinx drops the block
                "guide_defects.rst:39 emphasize-lines",        // 4 in a one-line block
                "guide_defects.rst:44 duplicate-title",        // "Good section" twice
                "guide_defects.rst:48 duplicate-title",        // swallowed into the paragraph above
                "guide_defects.rst:51 missing-include",
                "guide_defects.rst:53 duplicate-target",       // twin_ has two destinations
                "guide_defects.rst:56 duplicate-target",
                "guide_defects.rst:59 title-underline"),       // 9 characters under 19
                lineAndRule(guide));
        Finding swallowed = guide.findings().get(8);
        assertTrue(swallowed.message().contains("swallowed") && swallowed.message().contains("Good section"),
                swallowed.message());
        assertEquals(Finding.Level.ERROR, guide.findings().get(9).level(), "a missing include is an error");
    }

    @Test
    void theSeedsKnownDefectsAreFound() {
        Guide seed = Guides.read(Checkout.seedFile());
        assertEquals(List.of(
                "guide_synapse.rst:9 missing-image",            // the logo is not beside the seed
                "guide_synapse.rst:12 title-underline",         // ###### over a 7-character title
                "guide_synapse.rst:58 emphasize-lines",         // 1,2,8,18.27,37
                "guide_synapse.rst:333 duplicate-title"),       // "Adding users" swallowed, the section's own title
                lineAndRule(seed));
        assertTrue(seed.findings().get(3).message().contains("Adding users"));
    }

    /** docutils' warnings and errors (the oracle's _summary.json) that our findings must also report. */
    @Test
    @Tag("conformance")
    void docutilsWarningsAndErrorsAreFindingsAtTheSameLine() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> missed = new ArrayList<>();
        int compared = 0;
        Map<Path, Path> summaries = Map.of(
                OracleAgreementTest.SHARED.resolve("corpus/oracle/_summary.json"),
                OracleAgreementTest.SHARED.resolve("corpus/lab"),
                fixtures().resolve("oracle/_summary.json"), fixtures());
        for (var e : summaries.entrySet()) {
            for (JsonNode g : json.readTree(e.getKey().toFile()).get("guides")) {
                String guide = g.get("guide").asText();
                Path file = e.getValue().resolve(guide + ".rst");
                if (!file.toFile().exists()) {
                    file = e.getValue().resolve("defects/" + guide + ".rst");
                }
                Set<String> ours = new HashSet<>();
                for (Finding f : Guides.read(file).findings()) {
                    ours.add(f.source() + ":" + f.line());
                }
                for (JsonNode m : g.get("messages")) {
                    String level = m.get("level").asText();
                    String message = m.get("message").asText();
                    if (level.equals("INFO") || message.startsWith("Document or section may not begin with a "
                            + "transition")) {
                        continue;
                    }
                    compared++;
                    String source = m.get("source").asText().replaceFirst("^defects/", "");
                    int line = m.get("line").asInt();
                    String where = source + ":" + line;
                    // docutils puts a reference in a title on the title's underline; we put it on the title's line
                    boolean titleReference = message.startsWith("Unknown target name")
                            && ours.contains(source + ":" + (line - 1)) && titleLine(file, line - 1);
                    if (!ours.contains(where) && !titleReference) {
                        missed.add(guide + " " + where + " " + level + " " + message.replace("\n", " "));
                    }
                }
            }
        }
        System.out.printf("docutils warnings and errors also found by us: %d of %d%n", compared - missed.size(),
                compared);
        missed.forEach(m -> System.out.println("  MISSED " + m));
        assertTrue(compared >= 20, "the summaries hold docutils' messages");
        assertEquals(List.of(), missed);
    }

    /** Whether line {@code n} (1-based) of the file is a title: the next line is its adornment. */
    private static boolean titleLine(Path file, int n) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file);
        return n >= 1 && n < lines.size() && lines.get(n).matches("([=\\-~^\"#*+`'_])\\1{3,}\\s*");
    }

    @Test
    @Tag("conformance")
    void noRuleFiresOnMostOfTheCorpus() throws Exception {
        List<OracleAgreementTest.Case> cases = OracleAgreementTest.cases();
        Map<String, Integer> findings = new TreeMap<>();
        Map<String, Set<String>> guides = new HashMap<>();
        for (OracleAgreementTest.Case c : cases) {
            for (Finding f : Guides.read(c.guide()).findings()) {
                findings.merge(f.rule(), 1, Integer::sum);
                guides.computeIfAbsent(f.rule(), k -> new HashSet<>()).add(c.guide().toString());
            }
        }
        System.out.printf("structural findings over %d guides, per rule:%n", cases.size());
        findings.forEach((rule, n) -> System.out.printf("  %-18s %4d findings in %3d guides%n", rule, n,
                guides.get(rule).size()));
        for (var e : guides.entrySet()) {
            assertTrue(e.getValue().size() < cases.size() / 2, e.getKey() + " fires on " + e.getValue().size()
                    + " of " + cases.size() + " guides");
        }
    }
}
