package dev.rehearse.run;

import dev.rehearse.guide.Guide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportFolderTest {

    private static Guide guide(Path file) {
        return new Guide(file, file.getParent(), "markdown", null, List.of(), List.of());
    }

    /** Two guides of one name ({@code a/index.md}, {@code b/index.md}) keep their reports apart, at every run. */
    @Test
    void guidesOfOneNameHaveFoldersOfTheirOwnTheSameAtEveryRun(@TempDir Path root) throws IOException {
        Guide a = guide(Files.writeString(Files.createDirectories(root.resolve("docs/a")).resolve("index.md"), "a"));
        Guide b = guide(Files.writeString(Files.createDirectories(root.resolve("docs/b")).resolve("index.md"), "b"));
        Path reports = root.resolve("state");
        assertEquals(reports.resolve("index"), ReportFolder.of(reports, "index", a));
        assertEquals(reports.resolve("index-2"), ReportFolder.of(reports, "index", b));
        assertEquals(reports.resolve("index"), ReportFolder.of(reports, "index", a));
        assertEquals(reports.resolve("index-2"), ReportFolder.of(reports, "index", b));
        assertEquals(reports.resolve("other"), ReportFolder.of(reports, "other", b));
    }

    /** A guide named {@code .md} has no name: its reports never go into the folder of every guide's reports. */
    @Test
    void aGuideWithNoNameHasAFolderOfItsOwn(@TempDir Path root) throws IOException {
        Guide nameless = guide(Files.writeString(root.resolve(".md"), "# x\n"));
        Path reports = root.resolve("state");
        assertEquals(reports.resolve("guide"), ReportFolder.of(reports, "", nameless));
    }

    /** A checkout moved or removed leaves its folder to the next guide of the name, not a new folder at every move. */
    @Test
    void aFolderWhoseGuideIsGoneGoesToTheNextGuideOfItsName(@TempDir Path root) throws IOException {
        Path reports = root.resolve("state");
        Path old = Files.writeString(Files.createDirectories(root.resolve("old")).resolve("index.md"), "# old\n");
        Path kept = Files.writeString(Files.createDirectories(root.resolve("kept")).resolve("index.md"), "# kept\n");
        assertEquals(reports.resolve("index"), ReportFolder.of(reports, "index", guide(old)));
        assertEquals(reports.resolve("index-2"), ReportFolder.of(reports, "index", guide(kept)));
        Files.delete(old);
        Path moved = Files.writeString(Files.createDirectories(root.resolve("moved")).resolve("index.md"), "# m\n");
        assertEquals(reports.resolve("index"), ReportFolder.of(reports, "index", guide(moved)));
        assertEquals(reports.resolve("index-2"), ReportFolder.of(reports, "index", guide(kept)),
                "a guide still there keeps its own");
    }
}
