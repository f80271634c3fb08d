package dev.rehearse.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Atomic writes on a real file system: nothing left beside the file, a failed write leaving everything as it was. */
class AtomicFilesTest {

    @Test
    void aNewFileIsCreatedWithItsFoldersAndNoBackup(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("etc/services.d/synapse.ini");

        AtomicFiles.write(file, "[program:synapse]\n");

        assertEquals("[program:synapse]\n", Files.readString(file));
        assertEquals(List.of("synapse.ini"), names(file.getParent()));
        Path plain = Files.writeString(dir.resolve("plain.ini"), "");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                "a new file gets the mode any program would give it (the umask), not a temporary file's 0600");
    }

    @Test
    void theModeStaysAndNothingIsLeftBesideTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.sh");
        Files.writeString(file, "echo one\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));

        AtomicFiles.write(file, "echo two\n");
        AtomicFiles.write(file, "echo three\n");

        assertEquals("echo three\n", Files.readString(file));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("run.sh"), names(dir));
    }

    @Test
    void aFileOwnedByTheRunUserStaysTheirsWhenRootWritesIt(@TempDir Path dir) throws IOException {
        assertEquals("root", System.getProperty("user.name"), "this test changes a file's owner: run it as root, as CI does");
        Path file = dir.resolve("homeserver.yaml");
        Files.writeString(file, "a: 1\n");
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(file, nobody);

        AtomicFiles.write(file, "a: 2\n");

        assertEquals(nobody, Files.getOwner(file));
        assertEquals("a: 2\n", Files.readString(file));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("real.conf");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), real);

        AtomicFiles.write(link, "new\n");

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileIntactAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("homeserver.yaml");
        Files.writeString(file, "server_name: my.domain.name\n");
        // megabytes of good text, then a lone surrogate: the encoder refuses it after much was already written
        String content = "x: 1\n".repeat(400_000) + "bad: \uD800\n";

        assertThrows(CharacterCodingException.class, () -> AtomicFiles.write(file, content));

        assertEquals("server_name: my.domain.name\n", Files.readString(file));
        assertEquals(List.of("homeserver.yaml"), names(dir), "no temporary file and no backup left behind");
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A report's name that someone made a link elsewhere is replaced itself: what it pointed to stays. */
    @Test
    void replaceNeverWritesThroughALink(@TempDir Path dir) throws IOException {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "theirs\n");
        Path report = dir.resolve("reports/results.json");
        Files.createDirectories(report.getParent());
        Files.createSymbolicLink(report, victim);
        AtomicFiles.replace(report, "{}\n");
        assertEquals("theirs\n", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(report));
        assertEquals("{}\n", Files.readString(report));
    }

    /** The backups folder made a link by someone else takes no original out of the report folder. */
    @Test
    void backupsRefuseAFolderThatIsALink(@TempDir Path dir) throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.createSymbolicLink(reports.resolve("backups"), elsewhere);
        Backups backups = new Backups(reports.resolve("backups"));
        UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> backups.keep("/home/u/guide.md", "original"));
        assertTrue(refused.getMessage().contains("is a symbolic link, not followed"), refused.getMessage());
        try (var left = Files.list(elsewhere)) {
            assertEquals(0, left.count());
        }
    }

    /** A path that climbs above the root with {@code ..} is the path the target reads: {@code /..} is {@code /}. */
    @Test
    void aPathClimbingAboveTheRootIsKeptUnderThePathItReaches(@TempDir Path dir) throws IOException {
        Backups backups = new Backups(dir.resolve("backups"));
        Path kept = backups.keep("/home/u/../../../../etc/app.conf", "original");
        assertEquals(dir.resolve("backups/etc/app.conf"), kept);
        assertEquals("original", Files.readString(kept));
    }
}
