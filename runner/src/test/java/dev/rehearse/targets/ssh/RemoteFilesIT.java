package dev.rehearse.targets.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aReplacedFileIsRenamedOverTheOldOneWithItsModeAndNothingBesideIt() {
        connection.exec("mkdir -p ~/files-test/replace && printf 'old\\n' > ~/files-test/replace/homeserver.yaml"
                + " && chmod 600 ~/files-test/replace/homeserver.yaml");
        String oldInode = connection.exec("stat -c %i ~/files-test/replace/homeserver.yaml");

        files.write("~/files-test/replace/homeserver.yaml", "new\n");

        assertEquals("new\n", connection.exec("cat ~/files-test/replace/homeserver.yaml"));
        assertEquals("600\n", connection.exec("stat -c %a ~/files-test/replace/homeserver.yaml"));
        // replaced by a rename, never rewritten in place
        assertNotEquals(oldInode, connection.exec("stat -c %i ~/files-test/replace/homeserver.yaml"));
        assertEquals("homeserver.yaml\n", connection.exec("ls -A ~/files-test/replace"),
                "no temporary file and no backup beside it");
    }

    @Test
    void aSymbolicLinkToAFileTheUserDoesNotOwnIsRefusedInOneLine() {
        connection.exec("mkdir -p ~/files-test/out && ln -sfn /etc/hostname ~/files-test/out/app.ini");
        String before = connection.exec("cat /etc/hostname");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> files.write("~/files-test/out/app.ini", "taken\n"));
        assertEquals("cannot write " + home + "/files-test/out/app.ini as the run's user: " + home
                + "/files-test/out/app.ini is a symbolic link to /etc/hostname, which the run's user does not own:"
                + " not followed", refused.getMessage());
        assertEquals(before, connection.exec("cat /etc/hostname"));
        assertThrows(IllegalStateException.class, () -> files.read("~/files-test/out/app.ini"), "nor read through");
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
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> files.write("/etc/rehearse-test.conf", "x\n"));
        assertTrue(refused.getMessage().startsWith("cannot write /etc/rehearse-test.conf as the run's user: ")
                && refused.getMessage().endsWith("Permission denied") && !refused.getMessage().contains("\n"),
                refused.getMessage());
    }

    @Test
    void aMissingFileReadsAsEmpty() {
        assertEquals(Optional.empty(), files.read("~/files-test/nothing/here.txt"));
    }
}
