package dev.rehearse.testing;

import dev.rehearse.guide.Guide;
import dev.rehearse.read.Guides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository the tests run in: its root (Maven passes it as {@code rehearse.root}), the seed runbook in
 * {@code runbooks/synapse} and the fixtures. The default suite reads only from here; texts by others are read by the
 * conformance suite through {@link SharedFiles}.
 */
public final class Checkout {
    private static Guide seedGuide;

    private Checkout() {
    }

    public static Path root() {
        return Path.of(System.getProperty("rehearse.root", "..")).toAbsolutePath().normalize();
    }

    /** A path below the root that must exist. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.exists(file)) {
            throw new AssertionError(file + " does not exist: run the tests through Maven from the checkout");
        }
        return file;
    }

    /** The seed runbook: the guide as written, its includes and its sidecar. */
    public static Path seedRunbook() {
        return file("runbooks/synapse");
    }

    public static Path seedFile() {
        return file("runbooks/synapse/guide_synapse.rst");
    }

    /** The seed as our reader reads it (the conformance suite holds the reader to docutils on it). */
    public static synchronized Guide seed() {
        if (seedGuide == null) {
            seedGuide = Guides.read(seedFile());
        }
        return seedGuide;
    }

    /** Lines {@code from..to} (1-based, inclusive) of the seed guide, with {@code indent} leading columns removed. */
    public static List<String> seedLines(int from, int to, int indent) {
        try {
            return Files.readAllLines(seedFile()).subList(from - 1, to).stream()
                    .map(l -> l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the folder {@code from} and everything below it, made as {@code to}; returns {@code to}. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path file : all.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return to;
    }

    /** The fixtures' sample guides. */
    public static Path guides() {
        return file("fixtures/guides");
    }
}
