package dev.rehearse.read.asciidoc;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import dev.rehearse.read.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsciidocReaderTest {
    private final AsciidocReader reader = new AsciidocReader();

    @Test
    void theSeedRewrittenInAsciidocShowsTheSeedsTranscriptsInOrder() {
        Guide guide = Fixtures.read(reader, "synapse.adoc");
        assertEquals("Synapse", guide.title());
        assertEquals("asciidoc", guide.format());
        assertEquals(Fixtures.seedBlockTexts(), guide.blocks().stream().map(Block::text).toList(),
                "every block's text, byte for byte, is the seed's block at the same position");
        assertEquals(List.of(), guide.findings());
    }

    @Test
    void blocksKnowTheirKindLanguageSourceAndSections() {
        List<Block> blocks = Fixtures.read(reader, "synapse.adoc").blocks();
        assertEquals(Arrays.asList("console", "console", "console", "bash", "yaml", null, "yaml", "yaml", "ini",
                        "console", "console", "console", "console", "console"),
                blocks.stream().map(Block::language).toList());
        assertEquals("highlight", blocks.get(2).langOrigin(), ":source-language: names the plain listing's language");
        Block backend = blocks.get(5);
        assertEquals("literal", backend.kind());
        assertEquals("includes/web-backend.adoc", backend.source(), "an include's block keeps its own file");
        assertEquals(3, backend.line());
        assertEquals(4, backend.contentLine());
        assertEquals(List.of("Configuration", "Configure port"), backend.section(),
                "the document title heads the document; sections start below it");
        Block ini = blocks.get(8);
        assertEquals(265, ini.line(), "the line of [source,ini,...]");
        assertEquals(267, ini.contentLine());
        assertEquals("~/etc/services.d/synapse.ini", ini.options().get("file"));
        assertEquals("Create `~/etc/services.d/synapse.ini` with the following content", ini.options().get("title"));
        assertEquals("Supervisord keeps Synapse running.\nCreate `~/etc/services.d/synapse.ini` with the following content",
                ini.precedingText(), "the block title is the prose right above the content");
    }

    @Test
    void everyBlockPointsAtItsAttributeLineOrDelimiterAndItsFirstContentLine() {
        Path root = Fixtures.guides();
        for (String name : List.of("synapse.adoc", "greeter.adoc")) {
            for (Block block : Fixtures.read(reader, name).blocks()) {
                Path file = root.resolve(block.source());
                String first = Fixtures.line(file, block.line());
                assertTrue(first.startsWith("[source") || first.equals("----") || first.equals("...."), block.where());
                assertEquals(block.lines().get(0), Fixtures.line(file, block.contentLine()), block.where());
            }
        }
    }

    @Test
    void includesKeepTheirOriginAndHonourLinesTagsAndAntoraIds(@TempDir Path dir) throws IOException {
        Fixtures.write(dir, "modules/ROOT/partials/setup.adoc", """
                // tag::run[]
                [source,console]
                ----
                $ make
                ----
                // end::run[]
                [source,console]
                ----
                $ not included
                ----
                """);
        Fixtures.write(dir, "modules/ROOT/examples/app.ini", "# header\n[app]\nport=8080\n");
        Path page = Fixtures.write(dir, "modules/ROOT/pages/index.adoc", """
                = Page

                include::partial$setup.adoc[tag=run]

                .Create `~/etc/app.ini`
                [source,ini]
                ----
                include::example$app.ini[lines=2..3]
                ----

                include::nowhere.adoc[opts=optional]

                ----
                \\include::shown.adoc[]
                ----
                """);
        Guide guide = reader.read(page, dir);
        List<Block> blocks = guide.blocks();
        assertEquals(3, blocks.size());
        assertEquals("modules/ROOT/partials/setup.adoc", blocks.get(0).source());
        assertEquals(2, blocks.get(0).line());
        assertEquals(4, blocks.get(0).contentLine());
        assertEquals("$ make", blocks.get(0).text());
        Block ini = blocks.get(1);
        assertEquals("modules/ROOT/pages/index.adoc", ini.source());
        assertEquals(6, ini.line());
        assertEquals(8, ini.contentLine(), "content from an include counts from the line after the delimiter");
        assertEquals("[app]\nport=8080", ini.text());
        assertEquals("include::shown.adoc[]", blocks.get(2).text(), "an escaped include is content, shown unescaped");
        assertEquals(List.of("modules/ROOT/pages/index.adoc:13: warning: listing without a language: write "
                + "[source,console] above it for a terminal session, [source,text] for what a command printed (or the "
                + "file's format) [missing-language]"),
                guide.findings().stream().map(Finding::toString).toList(), "an optional include may be missing");

        // the page alone, its pages folder the runbook's: Antora finds the partials beside it, and so does the reader
        Path pages = page.getParent();
        Guide alone = reader.read(page, pages);
        assertEquals(List.of("$ make", "[app]\nport=8080", "include::shown.adoc[]"),
                alone.blocks().stream().map(Block::text).toList());
        Fixtures.write(dir, "secret.adoc", "----\n$ cat /etc/shadow\n----\n");
        Path outside = Fixtures.write(dir, "modules/ROOT/pages/outside.adoc", "= O\n\ninclude::partial$../../../secret.adoc[]\n");
        BadInput out = assertThrows(BadInput.class, () -> reader.read(outside, pages), "no further than the modules");
        assertTrue(out.getMessage().contains("reaches outside the runbook's folder"), out.getMessage());
    }

    @Test
    void conditionalsKeepOrDropLinesAsAsciidoctorDoes(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "cond.adoc", """
                = Conditionals
                :target: uberspace
                :version: 7

                ifdef::target[]
                [source,console]
                ----
                $ echo kept
                ----
                endif::[]
                ifndef::target[]
                ----
                $ echo dropped
                ----
                endif::[]
                ifeval::[{version} >= 7]
                [source,console]
                ----
                $ echo seven
                ----
                endif::[]
                ifeval::["{target}" == "docker"]
                ----
                $ echo docker
                ----
                endif::[]
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        assertEquals(List.of("$ echo kept", "$ echo seven"), blocks.stream().map(Block::text).toList());
        assertEquals(List.of(6, 17), blocks.stream().map(Block::line).toList());
    }

    @Test
    void theScannerFindsEveryVerbatimFormWithExactText(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "forms.adoc", """
                = Forms
                :port: 8448

                == First *bold* section

                [,console]
                ----
                $ short form
                ----

                [source,console]
                $ paragraph form
                output

                 $ indented literal
                 output

                Server::
                  the host
                +
                [source,console]
                ----
                $ attached to a description
                ----

                * an item
                +
                ----
                $ curl localhost:{port} <1>
                ----
                <1> a callout

                [source,console,subs="attributes+"]
                ----
                $ curl localhost:{port} # <1>
                ----

                [NOTE]
                ====
                Inside a note:

                ```console
                $ fenced in asciidoc
                ```
                ====

                ////
                ----
                $ commented out
                ----
                ////

                [discrete]
                === Not a section

                Some prose
                == swallowed into the prose

                ....
                literal
                ....
                """);
        Guide read = reader.read(guide, dir);
        List<Block> blocks = read.blocks();
        assertEquals(List.of("$ short form", "$ paragraph form\noutput", "$ indented literal\noutput",
                        "$ attached to a description", "$ curl localhost:{port}", "$ curl localhost:8448",
                        "$ fenced in asciidoc", "literal"),
                blocks.stream().map(Block::text).toList());
        assertEquals(List.of("listing", "listing", "literal", "listing", "listing", "listing", "listing", "literal"),
                blocks.stream().map(Block::kind).toList());
        assertEquals(Arrays.asList("console", "console", null, "console", null, "console", "console", null),
                blocks.stream().map(Block::language).toList());
        assertEquals(List.of(6, 11, 15, 21, 28, 33, 42, 59), blocks.stream().map(Block::line).toList());
        assertEquals(List.of(8, 12, 15, 23, 29, 35, 43, 60), blocks.stream().map(Block::contentLine).toList());
        assertEquals(1, blocks.get(2).indent());
        assertEquals(List.of("definition_list", "definition_list_item"), blocks.get(3).context());
        assertEquals("the host", blocks.get(3).precedingText());
        assertEquals(List.of("bullet_list", "list_item"), blocks.get(4).context());
        assertEquals(List.of("note"), blocks.get(6).context());
        assertEquals("Inside a note:", blocks.get(6).precedingText());
        assertEquals(List.of("First bold section"), blocks.get(0).section(),
                "asciidoc-java renders the title's inline markup");
        assertEquals(List.of("First bold section"), blocks.get(7).section(),
                "a discrete heading and a heading swallowed by a paragraph open no section");
        assertEquals(List.of("forms.adoc:28: warning: listing without a language: write [source,console] above it "
                + "for a terminal session, [source,text] for what a command printed (or the file's format) "
                + "[missing-language]"), read.findings().stream().map(Finding::toString).toList());
    }

    @Test
    void calloutMarkersStayContentWhenSubsLeaveCalloutsOut(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "subs.adoc", """
                [source,console,subs=none]
                ----
                $ echo '<1>' <1>
                ----

                [source,console,subs="quotes"]
                ----
                $ echo <2>
                ----

                [source,console,subs="+quotes"]
                ----
                $ echo kept <3>
                ----
                """);
        assertEquals(List.of("$ echo '<1>' <1>", "$ echo <2>", "$ echo kept"),
                reader.read(guide, dir).blocks().stream().map(Block::text).toList());
    }

    @Test
    void aBlockInATabOfATabsBlockKnowsItsSetAndLabel(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "tabs.adoc", """
                = Tabs

                [tabs]
                ====
                macOS::
                +
                [source,console]
                ----
                $ brew install x
                ----

                Debian or Ubuntu::
                +
                ----
                $ apt-get install x
                ----
                ====

                ----
                $ after
                ----
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        assertEquals(List.of(List.of("tabs", "tab 4: macOS", "definition_list", "definition_list_item"),
                        List.of("tabs", "tab 4: Debian or Ubuntu", "definition_list", "definition_list_item"),
                        List.of()),
                blocks.stream().map(Block::context).toList());
    }

    @Test
    void brokenGuideFindingsPointAtTheirLines() {
        List<String> findings = Fixtures.read(reader, "broken/defects.adoc").findings().stream().map(Finding::toString).toList();
        assertEquals(List.of(
                "broken/defects.adoc:7: warning: listing without a language: write [source,console] above it for a "
                        + "terminal session, [source,text] for what a command printed (or the file's format) "
                        + "[missing-language]",
                "broken/defects.adoc:11: error: include file not found: includes/not-there.adoc [missing-include]",
                "broken/defects.adoc:13: error: this conditional is never closed by endif::[]: everything after it depends on it [unmatched-conditional]",
                "broken/defects.adoc:16: warning: duplicate heading \"Install\" (first at broken/defects.adoc:5) [duplicate-title]",
                "broken/defects.adoc:19: error: unclosed ---- delimiter: everything after it to the end of the document is read as its content [unclosed-delimiter]"),
                findings);
    }

    @Test
    void anIncludeCycleIsReportedNotFollowed(@TempDir Path dir) throws IOException {
        Fixtures.write(dir, "a.adoc", "== A\n\ninclude::b.adoc[]\n");
        Fixtures.write(dir, "b.adoc", "[source,console]\n----\n$ echo b\n----\n\ninclude::a.adoc[]\n");
        Guide guide = reader.read(dir.resolve("a.adoc"), dir);
        assertEquals(List.of("b.adoc"), guide.blocks().stream().map(Block::source).toList());
        assertEquals("b.adoc:6: error: include of a.adoc includes itself [include-cycle]", guide.findings().get(0).toString());
    }

    @Test
    void includesNestedDeeperThan64AreBadInputAtTheLineThatGoesDeeper(@TempDir Path dir) throws IOException {
        Fixtures.write(dir, "top.adoc", "= T\n\ninclude::c0.adoc[]\n");
        for (int i = 0; i < 70; i++) {
            Fixtures.write(dir, "c" + i + ".adoc", "include::c" + (i + 1) + ".adoc[]\n");
        }
        Fixtures.write(dir, "c70.adoc", "[source,console]\n----\n$ echo deep\n----\n");
        assertEquals("c63.adoc:1: includes nested deeper than 64",
                assertThrows(BadInput.class, () -> reader.read(dir.resolve("top.adoc"), dir)).getMessage());
    }

    @Test
    void localImagesMustExistUnderImagesdir(@TempDir Path dir) throws IOException {
        Fixtures.write(dir, "img/ok.png", "png");
        Path guide = Fixtures.write(dir, "images.adoc", """
                = Images
                :imagesdir: img

                image::logo.png[Logo]

                Inline image:ok.png[ok] and image:gone.png[gone], and image:https://example.org/x.png[web].

                ----
                image::not-an-image-in-a-listing.png[]
                ----
                """);
        assertEquals(List.of("images.adoc:4: warning: image file does not exist: logo.png [missing-image]",
                        "images.adoc:6: warning: image file does not exist: gone.png [missing-image]",
                        "images.adoc:8: warning: listing without a language: write [source,console] above it "
                                + "for a terminal session, [source,text] for what a command printed (or the file's "
                                + "format) [missing-language]"),
                reader.read(guide, dir).findings().stream().map(Finding::toString).toList());
    }

    @Test
    void badInputIsOneLineWithTheFile(@TempDir Path dir) throws IOException {
        assertEquals(dir.resolve("gone.adoc") + ": no such file",
                assertThrows(BadInput.class, () -> reader.read(dir.resolve("gone.adoc"), dir)).getMessage());
        Files.createDirectories(dir.resolve("folder.adoc"));
        assertEquals(dir.resolve("folder.adoc") + ": is a directory, not a guide file",
                assertThrows(BadInput.class, () -> reader.read(dir.resolve("folder.adoc"), dir)).getMessage());
        Fixtures.write(dir, "inc.adoc", "== Section\n\ninclude::bin.dat[]\n");
        Files.write(dir.resolve("bin.dat"), new byte[]{'a', '\n', 0});
        assertEquals(dir.resolve("bin.dat") + ":2: binary file (NUL byte), not a text guide",
                assertThrows(BadInput.class, () -> reader.read(dir.resolve("inc.adoc"), dir)).getMessage());
    }

    @Test
    void windowsLineEndsStillCloseDelimiters(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "crlf.adoc", "= Title\r\n\r\n[source,console]\r\n----\r\n$ ls\r\n----\r\n");
        Guide read = reader.read(guide, dir);
        assertEquals("$ ls", read.blocks().get(0).text());
        assertEquals(List.of(), read.findings());
    }

    @Test
    void aGuideWithoutHeaderStillReads(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "bare.adoc", "Just prose.\n\n[source,console]\n----\n$ true\n----\n");
        Guide read = reader.read(guide, dir);
        assertNull(read.title());
        assertEquals(List.of(), read.blocks().get(0).section());
        assertEquals("Just prose.", read.blocks().get(0).precedingText());
        assertEquals(Map.of(), read.blocks().get(0).options());
    }

    @Test
    void headerLinesAreNeitherProseNorContent(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "header.adoc", """
                = Title
                Jane Doe <jane@example.org>
                v1.0, 2024-01-01
                :source-language: console

                ----
                $ ls
                ----
                """);
        Block block = reader.read(guide, dir).blocks().get(0);
        assertNull(block.precedingText());
        assertEquals("console", block.language(), "an attribute entry in the header counts");
        assertEquals(List.of(), block.section());
    }

    /**
     * Red Hat's docs mark what is typed bold and what is replaced italic, with {@code subs="+quotes"}: the text is as
     * the page shows it. An attribute's value may use one defined before it. Before, {@code *echo} was typed, and
     * {@code {version}} stayed in the value.
     */
    @Test
    void quotesMarkupIsTakenAwayWhereSubsAskAndAnAttributeUsesAnEarlierOne(@TempDir Path dir) throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.adoc"), """
                = Install
                :version: 3.1.4
                :artifact: widget-{version}

                [source,console,subs="+quotes,attributes+"]
                ----
                $ *oc login* -u _<user_name>_ **--insecure**
                $ echo {artifact}.jar *.txt
                ----

                [source,console]
                ----
                $ ls *.txt_*
                ----
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        assertEquals("$ oc login -u <user_name> --insecure\n$ echo widget-3.1.4.jar *.txt", blocks.get(0).text());
        assertEquals("$ ls *.txt_*", blocks.get(1).text(), "no quotes asked: as written");
    }

    /**
     * What Asciidoctor sets itself for an HTML page ({@code ifdef::backend-html5[]}), and its XML-style callouts
     * ({@code <!--1-->}), which a command would type as a redirection. Before, the block was dropped, and the callout
     * typed.
     */
    @Test
    void asciidoctorsOwnAttributesAreSetAndItsXmlCalloutsAreNoContent(@TempDir Path dir) throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.adoc"), """
                = Install

                ifdef::backend-html5[]
                [source,console]
                ----
                $ echo html <!--1-->
                ----
                endif::[]
                """);
        assertEquals(List.of("$ echo html"), reader.read(guide, dir).blocks().stream().map(Block::text).toList());
    }
}
