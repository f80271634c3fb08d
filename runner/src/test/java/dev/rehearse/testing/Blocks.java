package dev.rehearse.testing;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test-only: small guides written in the test, block by block, in our own words. */
public final class Blocks {
    private Blocks() {
    }

    /** A code block of {@code language} whose directive is at {@code line} and content two lines below. */
    public static Block block(String language, int line, String precedingText, String text) {
        return new Block("code-block", language, "explicit", "guide.rst", line, line + 2, 2, Map.of(), null, null, null,
                false, List.of("Guide", "Section"), List.of(), precedingText, text);
    }

    public static Guide guide(Block... blocks) {
        return new Guide(Path.of("guide.rst"), Path.of("."), "rst", "Guide", List.of(blocks), List.of());
    }
}
