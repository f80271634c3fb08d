package dev.rehearse.read;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.testing.Checkout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Finding and reading a guide: a file, or a runbook folder; the source root is the guide's folder. */
class GuidesTest {

    @TempDir
    Path dir;

    @Test
    void aRunbookFolderIsReadThroughItsGuideWithTheFolderAsSourceRoot() {
        Path seed = Checkout.seedRunbook();
        Guide guide = Guides.read(seed);
        assertEquals(seed.resolve("guide_synapse.rst"), guide.file());
        assertEquals(seed.toAbsolutePath().normalize(), guide.root());
        assertEquals("rst", guide.format());
        assertEquals(14, guide.blocks().size());
        // the includes keep their own file, relative to the source root
        List<String> sources = guide.blocks().stream().map(Block::source).distinct().toList();
        assertEquals(List.of("guide_synapse.rst", "includes/open-port.rst", "includes/web-backend.rst"), sources);
        Block first = guide.blocks().get(0);
        assertEquals("guide_synapse.rst:40", first.where());
        assertEquals(2, first.indent(), "the block's lines are indented two columns in the file");
    }

    @Test
    void theGuideFileIsTheOneNamedGuideElseTheOnlyOne() throws IOException {
        Files.writeString(dir.resolve("guide_app.rst"), "App\n===\n\n::\n\n  run\n");
        Files.writeString(dir.resolve("notes.rst"), "Notes\n=====\n");
        Files.writeString(dir.resolve("runbook.yaml"), "bindings: {}\n");
        assertEquals(dir.resolve("guide_app.rst"), Guides.guideFile(dir));
        Files.delete(dir.resolve("guide_app.rst"));
        assertEquals(dir.resolve("notes.rst"), Guides.guideFile(dir));
    }

    @Test
    void aPathNamedLikeAGuideFileIsStillAFolderOrNothingWhenItIs() throws IOException {
        // a guide file is read without asking first what the path is: only a failure looks closer
        Path folder = Files.createDirectory(dir.resolve("runbook.rst"));
        Files.writeString(folder.resolve("guide_app.rst"), "App\n===\n\n::\n\n  run\n");
        assertEquals(folder.resolve("guide_app.rst"), Guides.read(folder).file());
        BadInput missing = assertThrows(BadInput.class, () -> Guides.read(dir.resolve("gone.rst")));
        assertEquals(dir.resolve("gone.rst") + ": no such file or folder", missing.getMessage());
        Path binary = Files.write(dir.resolve("guide_bin.rst"), new byte[] {'x', '\n', 0});
        BadInput notText = assertThrows(BadInput.class, () -> Guides.read(binary));
        assertEquals(binary + ":2: binary file (NUL byte), not a text guide", notText.getMessage());
    }

    @Test
    void theDocumentTitleIsTheLoneTopSection() throws IOException {
        Path one = dir.resolve("guide_one.rst");
        Files.writeString(one, ".. highlight:: console\n\nOnly\n====\n\nPart\n----\n\n::\n\n  x\n");
        Guide guide = Guides.read(one);
        assertEquals("Only", guide.title());
        // as in docutils, a lone subsection then becomes the subtitle: no section path is left
        assertEquals(List.of(), guide.blocks().get(0).section());
        Files.writeString(one, "Only\n====\n\nPart\n----\n\n::\n\n  x\n\nMore\n----\n\n::\n\n  y\n");
        assertEquals(List.of("More"), Guides.read(one).blocks().get(1).section());
        Path two = dir.resolve("guide_two.rst");
        Files.writeString(two, "First\n=====\n\n::\n\n  a\n\nSecond\n======\n\n::\n\n  b\n");
        assertNull(Guides.read(two).title());
    }

    @Test
    void formatsAreChosenByExtension() {
        assertEquals(GuideFormat.RST, GuideFormat.of(Path.of("guide_x.rst")));
        assertEquals(GuideFormat.RST, GuideFormat.of(Path.of("GUIDE.RST")));
        assertNull(GuideFormat.of(Path.of("guide_x.txt")));
        assertNull(GuideFormat.of(Path.of("README")));
        assertEquals(GuideFormat.MARKDOWN, GuideFormat.of(Path.of("analysis.qmd")));
        assertEquals(GuideFormat.MARKDOWN, GuideFormat.of(Path.of("report.Rmd")));
    }

    /**
     * Quarto's and R Markdown's documents are Markdown whose code chunks name their language in braces, options in
     * {@code #|} lines: a {@code bash} chunk is a block of commands, an {@code r} chunk one of R code.
     */
    @Test
    void quartoAndRMarkdownChunksAreBlocksOfTheLanguageTheyName(@TempDir Path dir) throws IOException {
        Path qmd = Files.writeString(dir.resolve("analysis.qmd"), String.join("\n", "---", "title: x", "---", "",
                "```{bash}", "#| label: fetch", "mkdir -p data", "```", "", "```{r, echo=FALSE}", "summary(1)", "```",
                ""));
        Guide guide = Guides.read(qmd);
        assertEquals("markdown", guide.format());
        assertEquals(List.of("bash", "r"), guide.blocks().stream().map(Block::language).toList());
        assertEquals(List.of("#| label: fetch", "mkdir -p data"), guide.blocks().get(0).lines());
    }

    @Test
    void severalGuidesAreReadInTheOrderGiven() {
        List<Path> paths = List.of(Checkout.guides().resolve("greeter.md"), Checkout.seedRunbook(),
                Checkout.guides().resolve("greeter.adoc"));
        List<String> names = Guides.readAll(paths).stream().map(g -> g.file().getFileName().toString()).toList();
        assertEquals(List.of("greeter.md", "guide_synapse.rst", "greeter.adoc"), names);
    }
}
