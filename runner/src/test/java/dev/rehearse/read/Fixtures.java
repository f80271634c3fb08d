package dev.rehearse.read;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.testing.Checkout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The project's fixture guides (fixtures/guides) for the format tests, and what they are held to. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path guides() {
        return Checkout.guides();
    }

    /** The seed guide (runbooks/synapse). */
    public static Path seed() {
        return Checkout.seedFile();
    }

    /** The seed guide's literal blocks, in order: the transcripts our rewrites must repeat. */
    public static List<String> seedBlockTexts() {
        return Checkout.seed().blocks().stream().map(Block::text).toList();
    }

    /** Reads a fixture guide (a path below fixtures/guides) with the given reader, rooted at fixtures/guides. */
    public static Guide read(GuideReader reader, String name) {
        return reader.read(guides().resolve(name), guides());
    }

    /** Line {@code n} (1-based) of a file, for checking that a block's line numbers point where they say. */
    public static String line(Path file, int n) {
        try {
            return Files.readAllLines(file).get(n - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a small guide of a test's own below {@code dir}, folders made as needed. */
    public static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
