package dev.rehearse.read;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.plan.Runbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Includes stay inside the runbook's folder in every format: {@code ../} escapes, absolute paths and symlinks that
 * point out are bad input naming the include line, through the real command line (exit 2, one line); folders below
 * the runbook (the lab's {@code includes/}) and the sidecar's {@code include_roots} are read.
 */
class IncludeFenceIT {

    private static final String SECRET = "contents-of-a-file-outside";

    @TempDir
    Path dir;

    /** {@code dir/outside/secret.EXT} beside the runbook {@code dir/runbook}, which holds {@code guide}. */
    private Path runbook(String guideName, String guide, String extension) throws IOException {
        Fixtures.write(dir, "outside/secret." + extension, "Secret\n======\n\n::\n\n    " + SECRET + "\n");
        return Fixtures.write(dir, "runbook/" + guideName, guide);
    }

    private String refused(Path guide, String expectedAt) {
        BadInputIT.Outcome o = BadInputIT.run("blocks", guide.toString());
        assertEquals(2, o.status(), "exit status; stderr: " + o.err());
        assertEquals("", o.out(), "nothing read, nothing shown");
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).contains(expectedAt + ": include \""), lines.get(0));
        assertTrue(lines.get(0).contains("reaches outside the runbook's folder"), lines.get(0));
        assertFalse(o.err().contains(SECRET));
        return lines.get(0);
    }

    /** An escape in each format: the guide's name, its text ({@code OUT} stands for the outside folder), where. */
    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("guide_x.rst", "Title\n=====\n\nIntro.\n\n.. include:: ../outside/secret.rst\n", "guide_x.rst:6"),
                Arguments.of("guide_x.rst", "Title\n=====\n\n.. include:: /../outside/secret.rst\n", "guide_x.rst:4"),
                Arguments.of("guide_x.md", "# Title\n\nSome text.\n\n--8<-- \"../outside/secret.md\"\n", "guide_x.md:5"),
                Arguments.of("guide_x.adoc", "= Title\n\ninclude::OUT/secret.adoc[]\n", "guide_x.adoc:3"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("escapes")
    void anIncludeLeavingTheFolderIsBadInputAtItsLine(String name, String text, String at) throws IOException {
        String extension = name.substring(name.indexOf('.') + 1);
        refused(runbook(name, text.replace("OUT", dir.resolve("outside").toString()), extension), at);
    }

    @Test
    void rstAbsolutePathIsReadBelowTheRootAsSphinxDoes() throws IOException {
        // Sphinx reads /x against the source root: /etc/passwd is the runbook's etc/passwd, here missing
        Path guide = runbook("guide_x.rst", "Title\n=====\n\n.. include:: " + dir.resolve("outside/secret.rst")
                + "\n", "rst");
        Guide read = Guides.read(guide);
        assertTrue(read.blocks().stream().noneMatch(b -> b.text().contains(SECRET)));
        assertTrue(read.findings().stream().anyMatch(f -> f.rule().equals("missing-include")), read.findings().toString());
    }

    @Test
    void rstSymlinkPointingOutIsBadInput() throws IOException {
        Path guide = runbook("guide_x.rst", "Title\n=====\n\n.. include:: includes/link.rst\n", "rst");
        Files.createDirectories(dir.resolve("runbook/includes"));
        Files.createSymbolicLink(dir.resolve("runbook/includes/link.rst"), dir.resolve("outside/secret.rst"));
        refused(guide, "guide_x.rst:4");
    }

    @Test
    void aSymlinkedFolderPointingOutIsBadInputToo() throws IOException {
        Path guide = runbook("guide_x.md", "# Title\n\n--8<-- \"includes/secret.md\"\n", "md");
        Files.createSymbolicLink(dir.resolve("runbook/includes"), dir.resolve("outside"));
        refused(guide, "guide_x.md:3");
    }

    @Test
    void markdownSnippetBlockWithAnAbsolutePathIsBadInput() throws IOException {
        Path guide = runbook("guide_x.md", "# Title\n\n--8<--\nincludes/a.md\n" + dir.resolve("outside/secret.md")
                + "\n--8<--\n", "md");
        Fixtures.write(dir, "runbook/includes/a.md", "Fine.\n");
        refused(guide, "guide_x.md:5");
    }

    @Test
    void asciidocEscapeFromAnIncludedFileNamesThatFile() throws IOException {
        Path guide = runbook("guide_x.adoc", "= Title\n\ninclude::includes/a.adoc[]\n", "adoc");
        Fixtures.write(dir, "runbook/includes/a.adoc", "Text.\n\ninclude::../../outside/secret.adoc[]\n");
        refused(guide, "a.adoc:3");
    }

    @Test
    void includesBelowTheRunbookFolderAreRead() throws IOException {
        Path guide = runbook("guide_x.rst", "Title\n=====\n\n.. include:: includes/steps.rst\n", "rst");
        Fixtures.write(dir, "runbook/includes/steps.rst", "::\n\n    $ make\n");
        List<Block> blocks = Guides.read(guide).blocks();
        assertEquals(1, blocks.size());
        assertEquals("includes/steps.rst", blocks.get(0).source());
    }

    @Test
    void theSidecarsIncludeRootsOpenFurtherFolders() throws IOException {
        Path guide = runbook("guide_x.md", "# Title\n\n--8<-- \"../outside/secret.md\"\n", "md");
        assertThrows(BadInput.class, () -> Guides.BY_FORMAT.read(guide, Runbook.load(guide.getParent()).roots()));
        Fixtures.write(dir, "runbook/runbook.yaml", "include_roots: [../outside]\n");
        Runbook runbook = Runbook.load(guide.getParent());
        Guide read = Guides.BY_FORMAT.read(runbook.guide(), runbook.roots());
        assertTrue(read.blocks().stream().anyMatch(b -> b.text().contains(SECRET)));
    }

    @Test
    void anIncludeRootThatIsNoFolderIsASidecarError() throws IOException {
        runbook("guide_x.md", "# Title\n", "md");
        Fixtures.write(dir, "runbook/runbook.yaml", "guide: guide_x.md\ninclude_roots:\n  - ../nowhere\n");
        BadInput e = assertThrows(BadInput.class, () -> Runbook.load(dir.resolve("runbook")));
        assertTrue(e.getMessage().contains("runbook.yaml:3: include root"), e.getMessage());
    }
}
