package dev.rehearse.plan;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunbookFoldersTest {

    @TempDir
    Path dir;

    private Path file(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x\n");
    }

    @Test
    void aRunbookFolderIsOneRunbookAndFragmentsAndHiddenFoldersAreNone() throws IOException {
        file("a/runbook.yaml");
        file("a/guide_a.rst");
        file("a/more/b.rst");
        file("c.md");
        file("notes.txt");
        file("includes/part.rst");
        file("_static/x.rst");
        file(".git/y.md");
        file("d/e.adoc");

        assertEquals(List.of(dir.resolve("a"), dir.resolve("c.md"), dir.resolve("d/e.adoc")), RunbookFolders.find(dir));
    }

    @Test
    void aFolderALinkLeadsBackToIsSearchedOnce() throws IOException {
        file("x/one.rst");
        Files.createSymbolicLink(dir.resolve("x/loop"), Path.of(".."));
        Files.createSymbolicLink(dir.resolve("y"), Path.of("x"));

        assertEquals(List.of(dir.resolve("x/one.rst")), RunbookFolders.find(dir));
    }

    @Test
    void namedKeepsFilesAndRunbookFoldersAndOpensOtherFolders() throws IOException {
        file("r/runbook.yaml");
        file("r/guide_r.rst");
        file("f/one.rst");
        file("f/two.md");
        Path missing = dir.resolve("missing.rst");

        assertEquals(List.of(missing, dir.resolve("r"), dir.resolve("f/one.rst"), dir.resolve("f/two.md")),
                RunbookFolders.named(List.of(missing, dir.resolve("r"), dir.resolve("f"))));
    }

    @Test
    void aFolderWithNoRunbookBelowItIsBadInput() throws IOException {
        file("empty/includes/part.rst");
        BadInput bad = assertThrows(BadInput.class, () -> RunbookFolders.named(List.of(dir.resolve("empty"))));
        assertEquals(dir.resolve("empty") + ": holds no guide (no .rst, .md, .markdown, .mdx, .qmd, .rmd, .adoc, "
                + ".asciidoc file and no runbook.yaml, in it or below it)", bad.getMessage());
    }
}
