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
 * Test-only: guides built from the docutils oracle (../shared) instead of our reader, so that the planner and
 * lint can be tested on exactly the blocks docutils sees. Reads the shared files in place, copies nothing.
 */
public final class OracleGuides {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OracleGuides() {
    }

    /** ../shared, as surefire passes it; fails with a clear message when it is missing. */
    public static Path shared() {
        String dir = System.getProperty("rehearse.shared");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("the shared ground truth is missing: set -Drehearse.shared=DIR (got " + dir + ")");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** The repository root, as surefire passes it. */
    public static Path root() {
        return Path.of(System.getProperty("rehearse.root", "..")).toAbsolutePath().normalize();
    }

    /** The seed guide as docutils reads it, rooted at ../shared/seed. */
    public static Guide seed() {
        Path seed = shared().resolve("seed");
        return load(seed.resolve("guide_synapse.oracle.jsonl"), seed.resolve("guide_synapse.rst"), seed);
    }

    /** Every corpus guide (../shared/corpus/lab) as docutils reads it, in file name order. */
    public static List<Guide> corpus() {
        Path oracle = shared().resolve("corpus/oracle");
        Path lab = shared().resolve("corpus/lab");
        try (Stream<Path> files = Files.list(oracle)) {
            return files.filter(p -> p.getFileName().toString().startsWith("guide_") && p.toString().endsWith(".jsonl"))
                    .sorted()
                    .map(p -> load(p, lab.resolve(p.getFileName().toString().replace(".jsonl", ".rst")), lab))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Guide load(Path jsonl, Path file, Path root) {
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
        return new Guide(file, root, "rst", null, List.copyOf(blocks), List.of());
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
