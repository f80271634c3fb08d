package dev.rehearse.read;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextGuidesTest {
    private static final String RST = """
            Writing your first app
            ======================

            Check the version:

            .. console::

                $ python3 --version

            Then make a folder::

                $ mkdir site

            See :doc:`the next part <part2>`.
            """;
    private static final String MARKDOWN = """
            Writing your first app
            ======================

            # Setup

            ```console
            $ mkdir site
            ```

            See [the next part](./part2.md).
            """;
    private static final String ASCIIDOC = """
            = Writing your first app

            [source,console]
            ----
            $ mkdir site
            ----
            """;

    @Test
    void eachFormatIsToldByTheMarksOnlyItMakes() {
        assertEquals(Optional.of(GuideFormat.RST), TextGuides.formatOf(RST));
        assertEquals(Optional.of(GuideFormat.MARKDOWN), TextGuides.formatOf(MARKDOWN));
        assertEquals(Optional.of(GuideFormat.ASCIIDOC), TextGuides.formatOf(ASCIIDOC));
        // an overlined title, a link target, a role: no directive needed
        assertEquals(Optional.of(GuideFormat.RST), TextGuides.formatOf("=====\nTitle\n=====\n\n.. _intro:\n"));
        assertEquals(Optional.of(GuideFormat.RST), TextGuides.formatOf("Run :command:`make` first.\n"));
    }

    /**
     * A setext title, a line of dashes, indented lines and {@code #} in an indented block are every format's or
     * none's: plain text is not guessed at, nor text with as many marks of two formats.
     */
    @Test
    void plainTextAndATieTellNoFormat() {
        assertEquals(Optional.empty(), TextGuides.formatOf("Install\n=======\n\nRun it:\n\n    # make install\n"
                + "\n----\n"));
        assertEquals(Optional.empty(), TextGuides.formatOf(""));
        assertEquals(Optional.empty(), TextGuides.formatOf(".. note:: x\n\n# Heading\n"));
        // a fence around one line, front matter: no title overlined and underlined
        assertEquals(Optional.of(GuideFormat.MARKDOWN), TextGuides.formatOf("---\ntitle: x\n---\n\n```\ncode\n```\n~~~\nmore\n~~~\n"));
    }

    /** Shell comments and fences in an indented block are the block's text, no heading or fence of the page. */
    @Test
    void marksInsideIndentedBlocksDoNotCount() {
        assertEquals(Optional.of(GuideFormat.RST), TextGuides.formatOf(
                "Do this::\n\n    # apt install x\n    ```\n    # more\n"));
    }

    @Test
    void aTextGuideIsReadAsItsMarkupAndAsTheExtensionBeforeTxtSays(@TempDir Path dir) throws IOException {
        Path rst = Files.writeString(dir.resolve("tutorial01.txt"), RST);
        Guide guide = Guides.read(rst);
        assertEquals("rst", guide.format());
        assertEquals(List.of("$ python3 --version", "$ mkdir site"),
                guide.blocks().stream().map(Block::lines).map(lines -> lines.get(0)).toList());
        // Sphinx's page source: the name tells, whatever the text holds
        Path page = Files.writeString(dir.resolve("part2.md.txt"), "Plain words\n\n    $ ls\n");
        assertEquals("markdown", Guides.read(page).format());
        Path adoc = Files.writeString(dir.resolve("guide.txt"), ASCIIDOC);
        assertEquals("asciidoc", Guides.read(adoc).format());
    }

    /** A runbook folder's .txt file is its guide when its name says so (guide_*.txt), not any text file in it. */
    @Test
    void aFoldersTextGuideIsTheOneNamedGuide(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), MARKDOWN);
        assertThrows(BadInput.class, () -> Guides.read(dir));
        Files.writeString(dir.resolve("guide_app.txt"), RST);
        assertEquals(dir.resolve("guide_app.txt"), Guides.guideFile(dir));
        assertEquals("rst", Guides.read(dir).format());
    }

    @Test
    void plainTextIsBadInputThatSaysHowToName(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("INSTALL.txt"), "Install it:\n\n    $ make install\n");
        BadInput bad = assertThrows(BadInput.class, () -> Guides.read(plain));
        assertTrue(bad.getMessage().contains("cannot tell") && bad.getMessage().contains("(name it .rst, .md or .adoc)"),
                bad.getMessage());
    }
}
