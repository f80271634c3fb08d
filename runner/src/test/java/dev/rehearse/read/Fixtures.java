package dev.rehearse.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where tests find the project's fixture guides and the shared ground truth (surefire passes both roots). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path guides() {
        return existing(Path.of(property("rehearse.root"), "fixtures", "guides"));
    }

    public static Path shared() {
        return existing(Path.of(property("rehearse.shared")));
    }

    /** The seed guide's literal blocks as docutils reads them, in order: the transcripts our rewrites must repeat. */
    public static List<String> seedBlockTexts() {
        Path oracle = shared().resolve("seed/guide_synapse.oracle.jsonl");
        List<String> texts = new ArrayList<>();
        try {
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(oracle)) {
                JsonNode block = json.readTree(line);
                texts.add(block.get("text").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** Line {@code n} (1-based) of a file, for checking that a block's line numbers point where they say. */
    public static String line(Path file, int n) {
        try {
            return Files.readAllLines(file).get(n - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a fixture guide (a path below fixtures/guides) with the given reader, rooted at fixtures/guides. */
    public static Guide read(GuideReader reader, String name) {
        return reader.read(guides().resolve(name), guides());
    }

    /** Writes a small guide of a test's own below {@code dir}, folders made as needed. */
    public static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven (surefire sets it)");
        }
        return value;
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " does not exist");
        }
        return path;
    }
}
