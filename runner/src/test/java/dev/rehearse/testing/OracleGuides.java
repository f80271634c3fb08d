package dev.rehearse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guide model built from the docutils oracle ({@code ../shared/seed/guide_synapse.oracle.jsonl}), for tests of
 * the stages after the reader that should not depend on it.
 */
public final class OracleGuides {

    private OracleGuides() {
    }

    public static Guide seed() {
        String jsonl = SharedFiles.read("seed/guide_synapse.oracle.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<Block> blocks = new ArrayList<>();
        try {
            for (String line : jsonl.lines().toList()) {
                JsonNode b = json.readTree(line);
                Map<String, String> options = new LinkedHashMap<>();
                b.get("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
                blocks.add(new Block(b.get("kind").asText(), text(b, "language"), text(b, "lang_origin"),
                        b.get("source").asText(), b.get("line").asInt(), b.get("content_line").asInt(), 0, options,
                        null, text(b, "emphasize_error"), null, b.get("dropped_by_sphinx").asBoolean(),
                        strings(b.get("section")), strings(b.get("context")), text(b, "preceding_text"),
                        b.get("text").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Guide(SharedFiles.file("seed/guide_synapse.rst"), SharedFiles.file("seed/guide_synapse.rst").getParent(),
                "rst", "Synapse", blocks, List.of());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
