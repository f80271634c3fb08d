package dev.rehearse.read;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Guide;
import dev.rehearse.plan.Runbook;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzing the three readers and the sidecar reader: guides stitched from each format's own markup (fences, quotes,
 * list markers, roles, directives, includes, conditionals), runs of one piece repeated up to thousands of times (the
 * shape of every crash found so far), and stray characters. Whatever the input, reading gives a guide (or a runbook)
 * or one line of bad input, never another exception, never a StackOverflowError, and within {@link #SLOW_MS}.
 *
 * <p>Each format gets {@code rehearse.fuzz.tries} inputs (300 in the fast tier, a few seconds); the seed is
 * {@code rehearse.fuzz.seed} (else the clock) and a failure names it and the try, and keeps the input under
 * {@code target/fuzz-failures}; {@code rehearse.fuzz.run} is the longest run of one piece (2,000). A longer run:
 * {@code mvn -o test -pl runner -Dtest=ReaderFuzzTest -Drehearse.fuzz.tries=100000 -Drehearse.fuzz.run=20000}
 * (docs/security.md).
 */
class ReaderFuzzTest {

    /** Generous: any input under 10 MB is to be read in under 10 s; these are far smaller. */
    static final long SLOW_MS = 10_000;

    private static final List<String> RST = List.of("\n", "\n\n", "  ", "   ", "\t", "::", "::\n\n    $ ls\n",
            "Title\n=====\n", "-----\n", ".. code-block:: console\n\n", ".. include:: includes/a.rst\n",
            ".. include:: ../x.rst\n", ".. note::\n\n", ":ref:`", "`", "``", "*", "**", "_", "__", "|", "|x|", "[1]_",
            "[#]_", ".. [1] n\n", ".. _t:\n", ".. |x| replace:: y\n", "- ", "* ", "1. ", "#. ", "(a) ", "+---+---+\n",
            "| a | b |\n", "===  ===\n", ">>> ", ":a: b\n", "\\", "<", ">", ".. ", ".. raw:: html\n", ":emphasize-lines: 1-3\n",
            ":role:`x`", "`x <y>`_", "é", "\u00a0", "\u2028", "\r\n");
    private static final List<String> MARKDOWN = List.of("\n", "\n\n", "  ", "    ", "\t", "```", "```console\n",
            "~~~", "> ", ">", "- ", "* ", "+ ", "1. ", "1) ", "---", "***", "___", "-", "*", "_", "`", "``", "# ", "## ",
            "===\n", "![a](missing.png)", "[x]: /y\n", "[x]", "<!--", "-->", "<div>", "&amp;", "\\", "--8<-- \"includes/a.md\"\n",
            "--8<--\n", "---\ntitle: x\n---\n", "{file=~/a.ini}", "$ ls\n", "é", "\u00a0", "\r\n");
    private static final List<String> ASCIIDOC = List.of("\n", "\n\n", "  ", "\t", "----\n", "....\n", "====\n",
            "****\n", "////\n", "```\n", "|===\n", "[source,console]\n", "[literal]\n", "include::includes/a.adoc[]\n",
            "include::/etc/x[]\n", "ifdef::a[]\n", "ifndef::b[]\n", "ifeval::[1 < 2]\n", "endif::[]\n", ":a: b\n",
            ":source-language: console\n", "{a}", "+\n", "* ", "** ", ". ", "1. ", "a:: ", "= ", "== ", "=== ", ".Title\n",
            "<1>", "# <1>", "[discrete]\n", "image::x.png[]\n", "NOTE: ", "[NOTE]\n", "\\", "*", "_", "`", "é", "\r\n");
    private static final List<String> SIDECAR = List.of("\n", "  ", "- ", ": ", "guide: ", "guide_x.rst", "vars:\n",
            "bindings:\n", "answers:\n", "steps:\n", "defaults:\n", "checks:\n", "target:\n", "include_roots:\n",
            "value: ", "capture: ", "(\\d+)", "same_as: ", "generate: secret", "fact: user", "${x}", "${user}", "n: 1",
            "command: ", "timeout: 2m", "prompt: ", "answer: ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "'", "\"",
            "~", "#", "<<: ", "? ", "|\n", ">\n", "\t", "é");

    static final int TRIES = Integer.getInteger("rehearse.fuzz.tries", 300);
    static final long SEED = Long.getLong("rehearse.fuzz.seed", System.nanoTime());
    /** a piece repeated up to this often: enough for every crash found so far (1,500 '-' and up) */
    static final int LONGEST_RUN = Integer.getInteger("rehearse.fuzz.run", 2_000);

    /** Text from a format's pieces: up to 60 of them, mostly single, one in 13 a run of one piece repeated. */
    private static String stitched(List<String> pieces, SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(61);
        for (int i = 0; i < parts; i++) {
            String piece = pieces.get(random.nextInt(pieces.size()));
            int kind = random.nextInt(13);
            if (kind == 0) {
                text.append(piece.repeat(2 + random.nextInt(LONGEST_RUN - 1)));
            } else if (kind == 1) {
                for (int c = random.nextInt(9); c > 0; c--) {
                    text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x20, 0x3000) : random.nextInt(0x20));
                }
            } else {
                text.append(piece);
            }
        }
        return text.toString();
    }

    @Test
    void rstGivesBlocksOrOneLineOfBadInput() {
        fuzz("guide_x.rst", RST, ReaderFuzzTest::readsOrRefuses);
    }

    @Test
    void markdownGivesBlocksOrOneLineOfBadInput() {
        fuzz("guide_x.md", MARKDOWN, ReaderFuzzTest::readsOrRefuses);
    }

    @Test
    void asciidocGivesBlocksOrOneLineOfBadInput() {
        fuzz("guide_x.adoc", ASCIIDOC, ReaderFuzzTest::readsOrRefuses);
    }

    @Test
    void sidecarGivesARunbookOrOneLineOfBadInput() {
        fuzz("runbook.yaml", SIDECAR, (name, text) -> withRunbook(name, text, dir -> {
            Files.writeString(dir.resolve("guide_x.rst"), "Title\n=====\n\n::\n\n    $ ls\n");
            assertNotNull(Runbook.load(dir).guide());
        }));
    }

    private interface Property {
        /** null when the property holds, else what went wrong */
        String check(String name, String text);
    }

    private static void fuzz(String name, List<String> pieces, Property property) {
        SplittableRandom random = new SplittableRandom(SEED + name.hashCode());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < TRIES && failures.size() < 3; i++) {
            String text = stitched(pieces, random);
            String failure = property.check(name, text);
            if (failure != null) {
                failures.add("try " + i + ": " + failure + " (input kept as " + keep(name, i, text) + ")");
            }
        }
        if (!failures.isEmpty()) {
            fail(name + " with -Drehearse.fuzz.seed=" + SEED + ":\n" + String.join("\n", failures));
        }
    }

    private static Path keep(String name, int i, String text) {
        try {
            Path dir = Files.createDirectories(Path.of("target/fuzz-failures"));
            return Files.writeString(dir.resolve(SEED + "-" + i + "-" + name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The guide in a folder of its own, with an include of each format beside it, read as `rehearse blocks` does. */
    private static String readsOrRefuses(String name, String text) {
        return withRunbook(name, text, dir -> {
            Path includes = Files.createDirectories(dir.resolve("includes"));
            for (String include : List.of("a.rst", "a.md", "a.adoc")) {
                Files.writeString(includes.resolve(include), "x\n");
            }
            Guide guide = Guides.read(dir.resolve(name));
            assertNotNull(guide.blocks());
            guide.findings().size(); // rST findings are computed on demand: they must not fail either
        });
    }

    private interface Reading {
        void read(Path dir) throws IOException;
    }

    private static String withRunbook(String name, String text, Reading reading) {
        Path dir;
        try {
            dir = Files.createTempDirectory("rehearse-fuzz");
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        try {
            reading.read(dir);
        } catch (BadInput e) {
            if (e.getMessage().contains("\n") || !e.getMessage().contains(":")) {
                return "bad input is not one line naming its file: " + e.getMessage();
            }
        } catch (Throwable e) {
            return "reading " + text.length() + " characters threw " + e;
        } finally {
            delete(dir);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        return ms < SLOW_MS ? null : "reading " + text.length() + " characters took " + ms + " ms";
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
