package dev.rehearse.read.markdown;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import dev.rehearse.read.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReaderTest {
    private final MarkdownReader reader = new MarkdownReader();

    @Test
    void theSeedRewrittenInMarkdownShowsTheSeedsTranscriptsInOrder() {
        Guide guide = Fixtures.read(reader, "synapse.md");
        assertEquals("Synapse", guide.title(), "the title comes from the front matter");
        assertEquals("markdown", guide.format());
        assertEquals(Fixtures.seedBlockTexts(), guide.blocks().stream().map(Block::text).toList(),
                "every block's text, byte for byte, is the seed's block at the same position");
        assertEquals(List.of(), guide.findings());
    }

    @Test
    void blocksKnowTheirKindLanguageSourceAndSections() {
        List<Block> blocks = Fixtures.read(reader, "synapse.md").blocks();
        assertEquals(List.of("console", "console", "console", "bash", "yaml", "console", "yaml", "yaml", "ini",
                        "console", "console", "console", "console", "console"),
                blocks.stream().map(Block::language).toList());
        assertTrue(blocks.stream().allMatch(b -> b.kind().equals("fenced") && b.langOrigin().equals("info-string")));
        Block port = blocks.get(3);
        assertEquals("includes/open-port.md", port.source(), "a snippet's block keeps its own file");
        assertEquals(4, port.line());
        assertEquals(List.of("Synapse", "Configuration", "Configure port"), port.section(),
                "a snippet's block sits in the section of the line that includes it");
        Block ini = blocks.get(8);
        assertEquals("synapse.md", ini.source());
        assertEquals(263, ini.line());
        assertEquals(264, ini.contentLine());
        assertEquals(Map.of("file", "~/etc/services.d/synapse.ini"), ini.options());
        assertEquals("Create `~/etc/services.d/synapse.ini` with the following content:", ini.precedingText());
        assertEquals(List.of("Synapse", "Administration", "Password reset"), blocks.get(13).section());
    }

    @Test
    void headingsOfEveryFormOpenSectionsAndLookAlikesDoNot(@TempDir Path dir) throws IOException {
        Path guide = Files.writeString(dir.resolve("g.md"), """
                # Install #

                ```console
                $ echo a
                ```

                Setext one
                  spans two lines
                ===

                ```console
                $ echo b
                ```

                Setext two
                ---  \t

                ```console
                $ echo c
                ```

                [ref]: /somewhere
                #tag is no heading
                ####### seven is none either
                -- nor is this
                = nor this =

                ```console
                $ echo d
                ```

                ##
                ### Closed ###

                ```console
                $ echo e
                ```
                """);
        List<List<String>> sections = reader.read(guide, dev.rehearse.guide.SourceRoots.of(dir)).blocks().stream()
                .map(Block::section).toList();
        String one = "Setext one\nspans two lines";
        assertEquals(List.of(List.of("Install"), List.of(one), List.of(one, "Setext two"), List.of(one, "Setext two"),
                List.of(one, "", "Closed")), sections);
    }

    @Test
    void aLineIsAskedWhetherItIsAHeadingOnlyWhenItCanBeOne() {
        for (String heading : List.of("# a", "###### a", "#", "##\t", "===", "---", "-  ", "=\n", "  ==")) {
            assertTrue(Headings.mayBeHeading(heading, heading.length() - heading.stripLeading().length()), heading);
        }
        for (String other : List.of("#a", "####### a", "[ref]: /u", "-- a", "= =", "- a", "", "a ===")) {
            assertEquals(false, Headings.mayBeHeading(other, 0), other);
        }
    }

    @Test
    void everyBlockPointsAtItsFenceAndItsFirstContentLine() {
        Path root = Fixtures.guides();
        for (String name : List.of("synapse.md", "greeter.md")) {
            for (Block block : Fixtures.read(reader, name).blocks()) {
                Path file = root.resolve(block.source());
                assertTrue(Fixtures.line(file, block.line()).strip().startsWith("```"), block.where());
                assertEquals(block.lines().get(0), Fixtures.line(file, block.contentLine()).substring(block.indent()),
                        block.where());
            }
        }
    }

    @Test
    void fencesInListsQuotesAndIndentedBlocksKeepExactLinesAndIndent(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "nested.md", """
                # Nested

                1. Install it:

                   ```bash title="install.sh"
                   $ make install
                     done
                   ```

                > A quote:
                >
                > ```yaml
                > a: 1
                > ```

                Old style:

                    $ ls
                    README

                <!-- a comment between prose and block is not prose -->
                ``` {.ini file=~/etc/x.ini}
                [x]
                ```
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        Block list = blocks.get(0);
        assertEquals(5, list.line());
        assertEquals(6, list.contentLine());
        assertEquals(3, list.indent());
        assertEquals("$ make install\n  done", list.text(), "the list's indentation is gone, the block's own stays");
        assertEquals(List.of("enumerated_list", "list_item"), list.context());
        assertEquals(Map.of("title", "install.sh"), list.options());
        assertEquals("Install it:", list.precedingText());
        Block quoted = blocks.get(1);
        assertEquals(List.of("block_quote"), quoted.context());
        assertEquals("a: 1", quoted.text());
        assertEquals("A quote:", quoted.precedingText());
        Block indented = blocks.get(2);
        assertEquals("indented", indented.kind());
        assertNull(indented.language());
        assertEquals("default", indented.langOrigin());
        assertEquals(18, indented.line());
        assertEquals(18, indented.contentLine());
        assertEquals(4, indented.indent());
        assertEquals("$ ls\nREADME", indented.text());
        Block pandoc = blocks.get(3);
        assertEquals("ini", pandoc.language());
        assertEquals(Map.of("file", "~/etc/x.ini"), pandoc.options());
        assertEquals("Old style:", indented.precedingText());
        assertNull(pandoc.precedingText(), "a comment is skipped, and the block before it is no prose");
    }

    @Test
    void mystDirectivesAreCodeInTheirArgumentsLanguageOrMarkdownWithBlocksOfItsOwn(@TempDir Path dir)
            throws IOException {
        Path guide = Fixtures.write(dir, "myst.md", """
                # MyST

                ```{code-block} ini
                :caption: ~/etc/app.ini
                :linenos:

                [app]
                ```

                ```{code} console
                ---
                emphasize-lines: 1
                caption: "Check it"
                ---
                $ cat ~/etc/app.ini
                ```

                - A list:

                  `````{note}
                  :class: tip

                  Then:

                  ````{dropdown} More
                  ```console
                  $ ls
                  ```
                  ````
                  `````

                ```{bash, echo=FALSE}
                make
                ```

                ```{math}
                e = mc^2
                ```
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        assertEquals(List.of("ini", "console", "console", "bash", "math"),
                blocks.stream().map(Block::language).toList());
        Block ini = blocks.get(0);
        assertEquals(3, ini.line());
        assertEquals(7, ini.contentLine(), "the options and the blank line after them are no content");
        assertEquals("[app]", ini.text());
        assertEquals(Map.of("caption", "~/etc/app.ini", "linenos", "true"), ini.options());
        Block yamlOptions = blocks.get(1);
        assertEquals(15, yamlOptions.contentLine());
        assertEquals("$ cat ~/etc/app.ini", yamlOptions.text());
        assertEquals(Map.of("emphasize-lines", "1", "caption", "Check it"), yamlOptions.options());
        Block nested = blocks.get(2);
        assertEquals("$ ls", nested.text());
        assertEquals(26, nested.line(), "a block in a directive's body keeps its line in the file");
        assertEquals(27, nested.contentLine());
        assertEquals(2, nested.indent());
        assertEquals(List.of("bullet_list", "list_item", "note", "dropdown: More"), nested.context());
        assertEquals(List.of("MyST"), nested.section());
        assertEquals("make", blocks.get(3).text(), "R Markdown's chunk in braces is a bash block");
        assertEquals("e = mc^2", blocks.get(4).text(), "a directive MyST gives no Markdown body stays a block");
        Path prompt = Fixtures.write(dir, "prompt.md", "# P\n\n```{prompt} bash $ auto\n$ ls\n```\n");
        Block promptBlock = reader.read(prompt, dir).blocks().get(0);
        assertEquals("prompt", promptBlock.kind(), "sphinx-prompt's block, as in reStructuredText");
        assertEquals("bash", promptBlock.language());
        assertEquals(Map.of("prompts", "$", "modifiers", "auto"), promptBlock.options());
    }

    @Test
    void mkdocsAdmonitionsAndContentTabsHoldBlocksIndentedByFour(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "mkdocs.md", """
                # MkDocs

                - !!! note "Title"
                      Run:

                      ```console
                      $ ls
                      ```

                ??? tip
                    ```bash
                    make
                    ```
                Not in the tip.

                === "macOS"

                    ```console
                    $ brew install x
                    ```

                === "Debian"
                	```console
                	$ apt-get install x
                	```

                ===! "pip"

                    ```bash
                    pip install x
                    ```

                        indented code in a tab
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        assertEquals(List.of("$ ls", "make", "$ brew install x", "$ apt-get install x", "pip install x",
                "indented code in a tab"), blocks.stream().map(Block::text).toList());
        Block admonition = blocks.get(0);
        assertEquals(6, admonition.line());
        assertEquals(7, admonition.contentLine());
        assertEquals(6, admonition.indent());
        assertEquals(List.of("bullet_list", "list_item", "note: Title"), admonition.context());
        assertEquals("Run:", admonition.precedingText());
        assertEquals(List.of("tip"), blocks.get(1).context());
        assertEquals(11, blocks.get(1).line());
        assertEquals(List.of("tab 16: macOS"), blocks.get(2).context());
        assertEquals(List.of("tab 16: Debian"), blocks.get(3).context(), "a tab right after a tab is of its set");
        assertEquals(23, blocks.get(3).line());
        assertEquals(List.of("tab 27: pip"), blocks.get(4).context(), "===! starts a set of its own");
        assertEquals("indented", blocks.get(5).kind());
        assertEquals(33, blocks.get(5).line());
    }

    @Test
    void docusaurusAndMystTabsNameTheirSetAndLabel(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "tabs.md", """
                # Tabs

                <Tabs groupId="os">
                <TabItem value="win" label="Windows">

                ```console
                $ choco install x
                ```

                </TabItem>
                <TabItem value="linux">

                ```console
                $ apt-get install x
                ```

                </TabItem>
                </Tabs>

                ```console
                $ after
                ```

                `````{tab-set}
                ````{tab-item} Fedora
                ```console
                $ dnf install x
                ```
                ````
                `````
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        assertEquals(List.of(List.of("tab 3: Windows"), List.of("tab 3: linux"), List.of(),
                List.of("tab-set", "tab 24: Fedora")), blocks.stream().map(Block::context).toList());
    }

    /** GitBook's, VitePress', MyST's colon-fenced and Nextra's tabs: before, every tab of theirs ran. */
    @Test
    void gitbookVitepressColonFencedAndNextraTabsNameTheirSetAndLabel(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "tabs.md", """
                # Tabs

                {% tabs %}
                {% tab title="macOS" %}
                ```bash
                open x
                ```
                {% endtab %}
                {% endtabs %}

                ::: code-group

                ```sh [Linux]
                cd x
                ```

                :::

                ::::{tab-set}

                :::{tab-item} Debian
                ```bash
                apt install x
                ```
                :::

                ::::

                <Tabs items={['macOS', 'Linux']}>
                  <Tabs.Tab>
                ```sh
                open y
                ```
                  </Tabs.Tab>
                  <Tabs.Tab>
                ```sh
                cd y
                ```
                  </Tabs.Tab>
                </Tabs>

                ```console
                $ after
                ```
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        assertEquals(List.of(List.of("tab 3: macOS"), List.of("tab 11: Linux"), List.of("tab 19: Debian"),
                List.of("tab 29: macOS"), List.of("tab 29: Linux"), List.of()),
                blocks.stream().map(Block::context).toList());
    }

    @Test
    void aMystLiteralIncludeShowsTheFilesLinesAndStandsInThatFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/app.ini"), "# top\n[app]\nport = 1\n");
        Path guide = Fixtures.write(dir, "include.md", """
                # Include

                Create `~/app.ini`:

                ```{literalinclude} conf/app.ini
                :language: ini
                :start-at: [app]
                ```

                ```{literalinclude} ../outside.ini
                ```
                """);
        Files.writeString(dir.getParent().resolve("outside.ini"), "x\n");
        assertThrows(BadInput.class, () -> reader.read(guide, dir), "a file outside the runbook is refused");
        Files.writeString(guide, Files.readString(guide).replace("../outside.ini", "missing.ini"));
        Guide read = reader.read(guide, dir);
        Block included = read.blocks().get(0);
        assertEquals("literalinclude", included.kind());
        assertEquals("ini", included.language());
        assertEquals("conf/app.ini", included.source());
        assertEquals(2, included.contentLine());
        assertEquals("[app]\nport = 1", included.text());
        assertEquals("Create `~/app.ini`:", included.precedingText());
        assertEquals(1, read.blocks().size());
        assertEquals(List.of("include.md:10: error: literalinclude \"missing.ini\" does not exist [missing-include]"),
                read.findings().stream().map(Object::toString).toList());
    }

    /**
     * Code in HTML, as older READMEs write it: a {@code <pre>} (with or without {@code <code>}) is a block of the text a
     * browser shows, tags dropped and references decoded, its language from the class a highlighter reads. Before,
     * such blocks were dropped in silence.
     */
    @Test
    void htmlPreBlocksAreBlocksOfTheTextABrowserShows(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "pre.md", """
                # Legacy

                Build it:

                <pre>
                $ echo <b>built</b> &gt; out.txt &amp;&amp; cat out.txt
                built
                </pre>

                <pre><code class="language-console">$ ls
                out.txt
                </code></pre>

                <pre lang="bash">make &#x26; echo &#38;</pre>

                <div>not code</div>
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        assertEquals(List.of("$ echo built > out.txt && cat out.txt\nbuilt", "$ ls\nout.txt", "make & echo &"),
                blocks.stream().map(Block::text).toList());
        assertEquals(Arrays.asList(null, "console", "bash"), blocks.stream().map(Block::language).toList());
        assertEquals(List.of(5, 10, 14), blocks.stream().map(Block::line).toList());
        assertEquals(List.of(6, 10, 14), blocks.stream().map(Block::contentLine).toList());
        assertEquals("Build it:", blocks.get(0).precedingText());
        assertEquals(List.of("html-pre", "html-pre", "html-pre"), blocks.stream().map(Block::kind).toList());
    }

    @Test
    void jekyllAndHugoHighlightTagsHoldTheirLinesAsWritten(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "tags.md", """
                # Tags

                Run:

                {% highlight console %}
                $ ls

                # not a heading
                {% endhighlight %}

                {{< highlight bash "linenos=table" >}}
                make
                {{< /highlight >}}

                {%- highlight console -%}
                $ never closed
                """);
        Guide read = reader.read(guide, dir);
        List<Block> blocks = read.blocks();
        assertEquals(List.of("$ ls\n\n# not a heading", "make", "$ never closed"),
                blocks.stream().map(Block::text).toList());
        assertEquals(List.of("console", "bash", "console"), blocks.stream().map(Block::language).toList());
        assertEquals(List.of(5, 11, 15), blocks.stream().map(Block::line).toList());
        assertEquals(6, blocks.get(0).contentLine());
        assertEquals("Run:", blocks.get(0).precedingText());
        assertEquals(List.of("Tags"), blocks.get(0).section(), "the comment is no heading");
        assertEquals(List.of("tags.md:15: error: highlight tag never closed: everything after it is read as code "
                + "[unclosed-fence]"), read.findings().stream().map(Object::toString).toList());
    }

    @Test
    void mystDirectivesNestedWithoutEndAreOneLineOfBadInput(@TempDir Path dir) throws IOException {
        int depth = ContainerDepth.LIMIT + 1;
        StringBuilder text = new StringBuilder("# Deep\n\n");
        for (int i = 0; i < depth; i++) {
            text.append("`".repeat(3 + depth - i)).append("{note}\n");
        }
        for (int i = depth - 1; i >= 0; i--) {
            text.append("`".repeat(3 + depth - i)).append("\n");
        }
        Path guide = Fixtures.write(dir, "deep.md", text.toString());
        assertEquals(guide + ":" + (3 + ContainerDepth.LIMIT) + ": directives nested deeper than "
                        + ContainerDepth.LIMIT + " levels",
                assertThrows(BadInput.class, () -> reader.read(guide, dir)).getMessage());
    }

    @Test
    void digitalOceansLabelsAreTheBlocksTitleAndCaptionAndNoPartOfItsText(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "do.md", """
                # T

                ```command
                [environment second]
                cat /etc/app.conf
                ```

                ```
                [secondary_label Output]
                port=1
                ```

                ```
                [label /etc/app.conf]
                [secondary_label Example]
                port=2
                ```
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        assertEquals(List.of("cat /etc/app.conf", "port=1", "port=2"), blocks.stream().map(Block::text).toList());
        assertEquals(List.of(5, 10, 16), blocks.stream().map(Block::contentLine).toList());
        assertEquals(Map.of("title", "/etc/app.conf", "caption", "Example"), blocks.get(2).options());
        assertEquals("Output", blocks.get(1).options().get("caption"));
    }

    /** GitHub's folded block: its summary is the block's caption, and only the first block's in it. */
    @Test
    void aDisclosuresSummaryIsTheCaptionOfItsBlock(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "details.md", """
                # T

                ```console
                $ head -n 1 ab.txt
                ```

                <details>
                <summary><b>Output</b></summary>

                ```
                a
                ```

                </details>

                ```console
                $ echo after
                ```
                """);
        List<Block> blocks = reader.read(guide, dir).blocks();
        assertEquals("Output", blocks.get(1).options().get("caption"));
        assertEquals(null, blocks.get(2).options().get("caption"), "after </details>");
    }

    /** Before, {@code mkdir -p ~/www/<^>your_domain<^>/html} was typed as it stands: bash read redirections. */
    @Test
    void digitalOceansHighlightMarkersAreNoPartOfTheText(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "do.md", """
                # T

                ```command
                mkdir -p ~/www/<^>your_domain<^>/html
                ```

                ```
                [label ~/www/your_domain/html/index.html]
                <title>Welcome to <^>your_domain<^>!</title>
                ```
                """);
        assertEquals(List.of("mkdir -p ~/www/your_domain/html", "<title>Welcome to your_domain!</title>"),
                reader.read(guide, dir).blocks().stream().map(Block::text).toList());
    }

    /** Refused before any body is read again: each level's body was parsed anew, so 3,000 levels took 36 s. */
    @Test
    void admonitionsNestedDeeperThanTheLimitAreOneLineOfBadInput(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder("# Deep\n\n");
        for (int i = 0; i < 3_000; i++) {
            text.append("    ".repeat(i)).append("!!! note\n\n");
        }
        Path guide = Fixtures.write(dir, "deep.md", text.toString());
        assertEquals(guide + ":" + (3 + 2 * ContainerDepth.LIMIT) + ": directives nested deeper than "
                        + ContainerDepth.LIMIT + " levels",
                assertThrows(BadInput.class, () -> reader.read(guide, dir)).getMessage());
    }

    @Test
    void brokenGuideFindingsPointAtTheirLines() {
        List<String> findings = Fixtures.read(reader, "broken/defects.md").findings().stream().map(Finding::toString).toList();
        assertEquals(List.of(
                "broken/defects.md:7: warning: fenced block without a language: name it after the ``` (console for a "
                        + "terminal session, text for what a command printed, or the file's format) [missing-language]",
                "broken/defects.md:11: error: snippet \"includes/not-there.md\" does not exist [missing-include]",
                "broken/defects.md:13: warning: duplicate heading \"Install\" (first at broken/defects.md:5) [duplicate-title]",
                "broken/defects.md:15: error: unclosed ``` fence: everything after it to the end of its document is read as code [unclosed-fence]"),
                findings);
    }

    @Test
    void aTildeFenceWithATildeInItsInfoStringIsReported(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "tilde.md", "# T\n\n~~~ini {file=~/etc/x.ini}\n[x]\n~~~\n");
        Guide read = reader.read(guide, dir);
        assertEquals("tilde.md:3: warning: a ~~~ fence whose info string holds a '~' is read as a paragraph by "
                        + "CommonMark 0.28 parsers (flexmark among them): open it with ``` instead [fence-info-tilde]",
                read.findings().get(0).toString());
    }

    @Test
    void snippetBlocksAndCyclesAreResolvedOrReported(@TempDir Path dir) throws IOException {
        Fixtures.write(dir, "parts/a.md", "## Part A\n\n```console\n$ echo a\n```\n\n--8<-- \"parts/a.md\"\n");
        Path guide = Fixtures.write(dir, "guide.md", "# Guide\n\n--8<--\nparts/a.md\n--8<--\n");
        Guide read = reader.read(guide, dir);
        assertEquals(1, read.blocks().size());
        assertEquals("parts/a.md", read.blocks().get(0).source());
        assertEquals(3, read.blocks().get(0).line());
        assertEquals(List.of("Guide", "Part A"), read.blocks().get(0).section());
        assertEquals("parts/a.md:7: error: snippet \"parts/a.md\" includes itself [include-cycle]",
                read.findings().get(0).toString());
    }

    @Test
    void localImagesMustExist(@TempDir Path dir) throws IOException {
        Fixtures.write(dir, "img/ok.png", "png");
        Path guide = Fixtures.write(dir, "images.md", "# Images\n\nA ![logo](img/logo.png) and ![ok](img/ok.png),\n"
                + "![web](https://example.org/x.png) and ![root](/img/ok.png).\n\n- ![in a list](img/gone%20too.png)\n");
        assertEquals(List.of("images.md:3: warning: image file does not exist: img/logo.png [missing-image]",
                        "images.md:6: warning: image file does not exist: img/gone%20too.png [missing-image]"),
                reader.read(guide, dir).findings().stream().map(Finding::toString).toList());
    }

    @Test
    void badInputIsOneLineWithTheFile(@TempDir Path dir) throws IOException {
        BadInput missing = assertThrows(BadInput.class, () -> reader.read(dir.resolve("nope.md"), dir));
        assertEquals(dir.resolve("nope.md") + ": no such file", missing.getMessage());
        Path latin1 = dir.resolve("latin1.md");
        Files.write(latin1, "# Title\n\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + ":3: invalid UTF-8 (byte 0xe9)",
                assertThrows(BadInput.class, () -> reader.read(latin1, dir)).getMessage());
        Fixtures.write(dir, "guide.md", "# Guide\n\n--8<-- \"binary.md\"\n");
        Path binary = dir.resolve("binary.md");
        Files.write(binary, new byte[]{'#', ' ', 'x', '\n', 0, 1, 2});
        assertEquals(binary + ":2: binary file (NUL byte), not a text guide",
                assertThrows(BadInput.class, () -> reader.read(dir.resolve("guide.md"), dir)).getMessage(),
                "a snippet that is no text is bad input too, named by its own file");
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkChangeNothing(@TempDir Path dir) throws IOException {
        Path guide = Fixtures.write(dir, "crlf.md", "\uFEFF# Title\r\n\r\n```console\r\n$ ls\r\n```\r\n");
        Block block = reader.read(guide, dir).blocks().get(0);
        assertEquals("$ ls", block.text());
        assertEquals(3, block.line());
        assertEquals(List.of("Title"), block.section());
    }
}
