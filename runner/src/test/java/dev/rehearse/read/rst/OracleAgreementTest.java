package dev.rehearse.read.rst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.read.Guides;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our reader against the docutils oracle, block for block: over every guide of the corpus and the seed, and over our
 * own fixture guides (constructs the corpus lacks: includes inside notes, tables, quoted and parsed literal blocks,
 * title promotion; their oracle output was made once with {@code tools/docutils_oracle.py} and is kept beside
 * them). Prints the agreement on the five main fields (kind, language, source, line, text) and on each secondary
 * field, and asserts all of them at 100 %.
 */
@Tag("conformance")
class OracleAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path SHARED = Path.of(Objects.requireNonNull(System.getProperty("rehearse.shared"),
            "system property rehearse.shared (set by surefire) must point at ../shared"));

    /** One guide and its oracle file. */
    record Case(Path guide, Path oracle) {
    }

    /** Our fixture guides and their oracle output. */
    static List<Case> fixtures() throws Exception {
        Path rst = Path.of(OracleAgreementTest.class.getResource("/rst").toURI());
        List<Case> cases = new ArrayList<>();
        for (String name : List.of("guide_constructs", "guide_includes", "guide_titles", "guide_messages")) {
            cases.add(new Case(rst.resolve(name + ".rst"), rst.resolve("oracle/" + name + ".jsonl")));
        }
        cases.add(new Case(rst.resolve("defects/guide_defects.rst"), rst.resolve("oracle/guide_defects.jsonl")));
        return cases;
    }

    static List<Case> cases() throws IOException {
        Path lab = SHARED.resolve("corpus/lab");
        assertTrue(Files.isDirectory(lab), "the corpus is missing: " + lab);
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(lab)) {
            files.filter(f -> f.getFileName().toString().matches("guide_.*\\.rst")).sorted().forEach(f ->
                    cases.add(new Case(f, SHARED.resolve("corpus/oracle/"
                            + f.getFileName().toString().replace(".rst", ".jsonl")))));
        }
        cases.add(new Case(SHARED.resolve("seed/guide_synapse.rst"), SHARED.resolve("seed/guide_synapse.oracle.jsonl")));
        return cases;
    }

    static List<JsonNode> oracle(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    /** The oracle's fields for one of our blocks. */
    static Map<String, Object> fields(Block b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", b.kind());
        m.put("language", b.language());
        m.put("source", b.source());
        m.put("line", b.line());
        m.put("text", b.text());
        m.put("lang_origin", b.langOrigin());
        m.put("content_line", b.contentLine());
        m.put("section", b.section());
        m.put("context", b.context());
        m.put("preceding_text", b.precedingText());
        m.put("emphasize_lines", b.emphasizeLines());
        m.put("emphasize_error", b.emphasizeError());
        m.put("emphasize_out_of_range", b.emphasizeOutOfRange());
        m.put("dropped_by_sphinx", b.droppedBySphinx());
        m.put("options", b.options());
        return m;
    }

    static Map<String, Object> fields(JsonNode o) {
        Map<String, Object> m = new LinkedHashMap<>();
        Iterator<String> names = o.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            m.put(name, JSON.convertValue(o.get(name), Object.class));
        }
        return m;
    }

    static final List<String> MAIN = List.of("kind", "language", "source", "line", "text");
    static final List<String> SECONDARY = List.of("lang_origin", "content_line", "section", "context",
            "preceding_text", "emphasize_lines", "emphasize_error", "emphasize_out_of_range", "dropped_by_sphinx",
            "options");

    static boolean same(Object ours, Object theirs) {
        if (ours instanceof Number a && theirs instanceof Number b) {
            return a.longValue() == b.longValue();
        }
        if (ours instanceof Map<?, ?> a && theirs instanceof Map<?, ?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (var e : b.entrySet()) {
                Object v = a.get(e.getKey());
                Object w = e.getValue() instanceof Boolean bool && bool ? "true" : e.getValue();
                if (v == null || !v.toString().equals(w.toString())) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(ours, theirs);
    }

    @Test
    void everyBlockOfTheCorpusAndTheSeedAgreesWithDocutils() throws IOException {
        assertAgreement("corpus and seed", cases());
    }

    @Test
    void everyBlockOfOurFixturesAgreesWithDocutils() throws Exception {
        List<Case> fixtures = fixtures();
        assertTrue(oracle(fixtures.get(0).oracle()).size() >= 30, "the constructs fixture has its oracle output");
        assertAgreement("fixtures", fixtures);
    }

    private static void assertAgreement(String what, List<Case> cases) throws IOException {
        int total = 0;
        int mainAgree = 0;
        int ourTotal = 0;
        Map<String, Integer> secondaryAgree = new LinkedHashMap<>();
        SECONDARY.forEach(f -> secondaryAgree.put(f, 0));
        List<String> differences = new ArrayList<>();
        for (Case c : cases) {
            List<JsonNode> expected = oracle(c.oracle());
            Guide guide = Guides.read(c.guide());
            List<Block> ours = guide.blocks();
            total += expected.size();
            ourTotal += ours.size();
            for (int i = 0; i < expected.size(); i++) {
                Map<String, Object> want = fields(expected.get(i));
                Map<String, Object> got = i < ours.size() ? fields(ours.get(i)) : Map.of();
                boolean main = true;
                for (String f : MAIN) {
                    if (!same(got.get(f), want.get(f))) {
                        main = false;
                        differences.add(c.guide().getFileName() + " #" + i + " " + f + ": ours=" + show(got.get(f))
                                + " oracle=" + show(want.get(f)));
                    }
                }
                if (main) {
                    mainAgree++;
                }
                for (String f : SECONDARY) {
                    if (same(got.get(f), want.get(f))) {
                        secondaryAgree.merge(f, 1, Integer::sum);
                    } else if (main) {
                        differences.add(c.guide().getFileName() + " #" + i + " " + f + ": ours=" + show(got.get(f))
                                + " oracle=" + show(want.get(f)));
                    }
                }
            }
            if (ours.size() != expected.size()) {
                differences.add(c.guide().getFileName() + ": " + ours.size() + " blocks, oracle " + expected.size());
            }
        }
        System.out.printf("oracle agreement, %s, %d guides: %d of %d oracle blocks identical in kind, language, "
                + "source, line and text (%.2f %%); we read %d blocks%n", what, cases.size(), mainAgree, total,
                100.0 * mainAgree / total, ourTotal);
        for (var e : secondaryAgree.entrySet()) {
            System.out.printf("  %-24s %d of %d (%.2f %%)%n", e.getKey(), e.getValue(), total,
                    100.0 * e.getValue() / total);
        }
        differences.stream().limit(60).forEach(d -> System.out.println("  DIFF " + d));
        assertEquals(total, ourTotal, "number of blocks");
        assertEquals(total, mainAgree, "blocks identical in kind, language, source, line and text");
        for (var e : secondaryAgree.entrySet()) {
            assertEquals(total, e.getValue(), "agreement on " + e.getKey());
        }
    }

    private static String show(Object o) {
        String s = String.valueOf(o).replace("\n", "\\n");
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
