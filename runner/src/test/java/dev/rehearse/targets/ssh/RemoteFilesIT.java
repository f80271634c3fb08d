package dev.rehearse.targets.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SFTP reads and atomic writes on a real sshd, checked from the remote shell's side. */
class RemoteFilesIT {
    @RegisterExtension
    static final SshServer server = new SshServer();
    private static SshConnection connection;
    private static RemoteFiles files;
    private static String home;

    @BeforeAll
    static void connect() {
        connection = SshConnection.open(server.address(), server.options());
        home = connection.exec("printf %s \"$HOME\"");
        assertEquals(server.home().toString(), home);
        files = new RemoteFiles(connection, home);
    }

    @AfterAll
    static void disconnect() {
        files.close();
        connection.close();
    }

    @Test
    void aNewFileGetsItsMissingFoldersAndBelongsToTheUser() {
        files.write("~/files-test/new/a/b/service.ini", "[program:synapse]\nautostart=yes\n");
        assertEquals("[program:synapse]\nautostart=yes\n", connection.exec("cat ~/files-test/new/a/b/service.ini"));
        assertEquals(SshServer.USER + " " + SshServer.USER + "\n", connection.exec("stat -c '%U %G' ~/files-test/new/a/b/service.ini"));
        assertEquals(Optional.of("[program:synapse]\nautostart=yes\n"), files.read("files-test/new/a/b/service.ini"));
        assertEquals(Optional.of("[program:synapse]\nautostart=yes\n"), files.read(home + "/files-test/new/a/b/service.ini"));
    }

    @Test
    void aReplacedFileIsRenamedOverTheOldOneWhichIsKeptAsBackupWithItsMode() {
        connection.exec("mkdir -p ~/files-test/replace && printf 'old\\n' > ~/files-test/replace/homeserver.yaml"
                + " && chmod 600 ~/files-test/replace/homeserver.yaml");
        String oldInode = connection.exec("stat -c %i ~/files-test/replace/homeserver.yaml");

        files.write("~/files-test/replace/homeserver.yaml", "new\n");

        assertEquals("new\n", connection.exec("cat ~/files-test/replace/homeserver.yaml"));
        assertEquals("old\n", connection.exec("cat ~/files-test/replace/homeserver.yaml.rehearse-bak"));
        assertEquals("600\n", connection.exec("stat -c %a ~/files-test/replace/homeserver.yaml"));
        // the old inode lives on as the backup: the file was replaced by a rename, never rewritten in place
        assertEquals(oldInode, connection.exec("stat -c %i ~/files-test/replace/homeserver.yaml.rehearse-bak"));
        assertNotEquals(oldInode, connection.exec("stat -c %i ~/files-test/replace/homeserver.yaml"));
        assertEquals("homeserver.yaml\nhomeserver.yaml.rehearse-bak\n", connection.exec("ls -A ~/files-test/replace"),
                "no temporary file is left behind");

        files.write("~/files-test/replace/homeserver.yaml", "newer\n");
        assertEquals("new\n", connection.exec("cat ~/files-test/replace/homeserver.yaml.rehearse-bak"),
                "the backup is the version just before the last write");
    }

    @Test
    void aWriteThroughASymbolicLinkReplacesTheFileItPointsAt() {
        connection.exec("mkdir -p ~/files-test/link/real && printf 'old\\n' > ~/files-test/link/real/app.conf"
                + " && ln -s real/app.conf ~/files-test/link/app.conf");
        files.write("~/files-test/link/app.conf", "new\n");
        assertEquals("real/app.conf\n", connection.exec("readlink ~/files-test/link/app.conf"));
        assertEquals("new\n", connection.exec("cat ~/files-test/link/real/app.conf"));
    }

    @Test
    void aWriteTheUserMayNotDoFailsInOneLine() {
        UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> files.write("/etc/rehearse-test.conf", "x\n"));
        assertEquals("127.0.0.1:" + server.port + ": writing /etc/rehearse-test.conf failed: SSH_FX_PERMISSION_DENIED: Permission denied",
                refused.getMessage());
    }

    @Test
    void aMissingFileReadsAsEmpty() {
        assertEquals(Optional.empty(), files.read("~/files-test/nothing/here.txt"));
    }
}
