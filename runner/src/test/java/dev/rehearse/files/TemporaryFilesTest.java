package dev.rehearse.files;

import dev.rehearse.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The temporary files of atomic writes on a real file system: those of the writes under way go when the process is
 * about to end at once, and those a process that is gone left go at the next write of their file.
 */
class TemporaryFilesTest {

    @Test
    void aWriteUnderWayLeavesNoTemporaryFileWhenTheProcessEndsAtOnce(@TempDir Path dir) throws IOException {
        TemporaryFiles temporary = new TemporaryFiles();
        Path report = dir.resolve("report.html");
        TemporaryFiles.Made made = temporary.create(report, TemporaryFilesTest::created);
        try (FileChannel channel = made.channel()) {
            channel.write(ByteBuffer.wrap("<html>half of it".getBytes(StandardCharsets.UTF_8)));

            temporary.removeAll();

            assertEquals(List.of(), names(dir), "the half-written report's temporary file is gone");
            IOException refused = assertThrows(IOException.class, () -> temporary.create(report,
                    TemporaryFilesTest::created));
            assertTrue(refused.getMessage().endsWith("not written: the process is ending"), refused.getMessage());
            assertEquals(List.of(), names(dir), "and no write makes a new one");
        }
    }

    @Test
    void theNextWriteOfAFileRemovesWhatWritesOfItLeftWhoseProcessIsGone(@TempDir Path dir) throws IOException {
        long gone = Processes.ended();
        long running = ProcessHandle.current().pid();
        Files.writeString(dir.resolve(".report.html." + gone + "-9f3a.rehearse-tmp"), "<html>");
        Files.writeString(dir.resolve(".report.html.9f3a.rehearse-tmp"), "<html>"); // a Rehearse's before pids
        String underWay = ".report.html." + running + "-77.rehearse-tmp";
        Files.writeString(dir.resolve(underWay), "<html>");
        String another = ".junit.xml." + gone + "-9f3a.rehearse-tmp";
        Files.writeString(dir.resolve(another), "<testsuite>");

        AtomicFiles.replace(dir.resolve("report.html"), "<html></html>\n");

        // kept: one a running process may still be writing, and another file's (its own next write's to remove)
        assertEquals(List.of(another, underWay, "report.html"), names(dir));
    }

    private static FileChannel created(Path temp) throws IOException {
        return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
