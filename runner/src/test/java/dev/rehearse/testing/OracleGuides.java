package dev.rehearse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Guide models built from the docutils oracle ({@code ../shared/seed/guide_synapse.oracle.jsonl},
 * {@code ../shared/corpus/oracle/*.jsonl}), for tests of the stages after the reader that should not depend on
 * it. Reads the shared files in place, copies nothing.
 */
public final class OracleGuides {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OracleGuides() {
    }

    /** The seed guide as docutils reads it, rooted at ../shared/seed. */
    public static Guide seed() {
        Path file = SharedFiles.file("seed/guide_synapse.rst");
        return load(SharedFiles.file("seed/guide_synapse.oracle.jsonl"), file, file.getParent(), "Synapse");
    }

    /** Every corpus guide (../shared/corpus/lab) as docutils reads it, in file name order. */
    public static List<Guide> corpus() {
        Path oracle = SharedFiles.file("corpus/oracle/_summary.json").getParent();
        Path lab = SharedFiles.file("corpus/lab/LICENSE").getParent();
        try (Stream<Path> files = Files.list(oracle)) {
            return files.filter(p -> p.getFileName().toString().startsWith("guide_") && p.toString().endsWith(".jsonl"))
                    .sorted()
                    .map(p -> load(p, lab.resolve(p.getFileName().toString().replace(".jsonl", ".rst")), lab, null))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared folder itself. */
    public static Path shared() {
        return SharedFiles.file("README.md").getParent();
    }

    /** The repository root, as surefire passes it. */
    public static Path root() {
        return Path.of(System.getProperty("rehearse.root", "..")).toAbsolutePath().normalize();
    }

    private static Guide load(Path jsonl, Path file, Path root, String title) {
        List<Block> blocks = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(jsonl)) {
                if (!line.isBlank()) {
                    blocks.add(block(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Guide(file, root, "rst", title, List.copyOf(blocks), List.of());
    }

    private static Block block(JsonNode n) {
        Map<String, String> options = new LinkedHashMap<>();
        n.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        return new Block(n.path("kind").asText(), text(n, "language"), text(n, "lang_origin"), n.path("source").asText(),
                n.path("line").asInt(), n.path("content_line").asInt(), 0, options, ints(n.get("emphasize_lines")),
                text(n, "emphasize_error"), ints(n.get("emphasize_out_of_range")), n.path("dropped_by_sphinx").asBoolean(),
                strings(n.get("section")), strings(n.get("context")), text(n, "preceding_text"), n.path("text").asText());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<Integer> ints(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asInt()));
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
