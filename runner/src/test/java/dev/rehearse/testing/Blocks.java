package dev.rehearse.testing;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;

import java.io.IOException;
import java.nio.file.Files;
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

    /** the target the plans of {@link #plan} are for */
    public static final TargetFacts FACTS = new TargetFacts("bob", "devbox", "/home/bob", "bob.devbox.test");

    /** The plan of a Markdown guide of these blocks with no sidecar (its runbook in {@code dir}), for {@link #FACTS}. */
    public static Plan plan(Path dir, Block... blocks) throws IOException {
        Runbook bare = Runbook.load(Files.writeString(dir.resolve("guide.md"), "x\n"));
        return new Planner(FACTS, Map.of()).plan(bare, guide(blocks));
    }
}
