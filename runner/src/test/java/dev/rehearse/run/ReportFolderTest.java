package dev.rehearse.run;

import dev.rehearse.guide.Guide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportFolderTest {

    private static Guide guide(Path file) {
        return new Guide(file, file.getParent(), "markdown", null, List.of(), List.of());
    }

    /** Two guides of one name ({@code a/index.md}, {@code b/index.md}) keep their reports apart, at every run. */
    @Test
    void guidesOfOneNameHaveFoldersOfTheirOwnTheSameAtEveryRun(@TempDir Path root) {
        Guide a = guide(root.resolve("docs/a/index.md"));
        Guide b = guide(root.resolve("docs/b/index.md"));
        Path reports = root.resolve("state");
        assertEquals(reports.resolve("index"), ReportFolder.of(reports, "index", a));
        assertEquals(reports.resolve("index-2"), ReportFolder.of(reports, "index", b));
        assertEquals(reports.resolve("index"), ReportFolder.of(reports, "index", a));
        assertEquals(reports.resolve("index-2"), ReportFolder.of(reports, "index", b));
        assertEquals(reports.resolve("other"), ReportFolder.of(reports, "other", b));
    }
}
