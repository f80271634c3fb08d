package dev.rehearse.targets.ssh;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import dev.rehearse.targets.TargetPaths;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Files on the SSH host, through SFTP. A write is atomic on the remote side: the content goes to a temporary
 * name in the same folder, the previous file is hard-linked as {@code FILE.rehearse-bak}, and the temporary
 * file is renamed over it (OpenSSH's posix-rename), so a reader sees the old file or the new one, never half
 * of one. Paths may start with {@code ~/}; relative paths are relative to the user's home.
 */
final class RemoteFiles {
    private static final AtomicInteger TEMP_NAMES = new AtomicInteger();

    private final SshConnection connection;
    private final String home;
    private ChannelSftp sftp;

    RemoteFiles(SshConnection connection, String home) {
        this.connection = connection;
        this.home = home;
    }

    synchronized Optional<String> read(String path) {
        String file = resolve(path);
        try (InputStream in = channel().get(file)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw connection.lost("reading " + file, e);
        } catch (IOException e) {
            throw connection.lost("reading " + file, e);
        }
    }

    synchronized void write(String path, String content) {
        String file = resolve(path);
        ChannelSftp sftp = channel();
        String temp = null;
        try {
            file = followLink(sftp, file);
            int slash = file.lastIndexOf('/');
            String dir = file.substring(0, Math.max(slash, 1));
            makeFolders(sftp, dir);
            temp = dir + "/." + file.substring(slash + 1) + ".rehearse-tmp-" + ProcessHandle.current().pid() + "-"
                    + TEMP_NAMES.incrementAndGet();
            sftp.put(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), temp, ChannelSftp.OVERWRITE);
            SftpATTRS old = statOrNull(sftp, file);
            if (old != null) {
                sftp.chmod(old.getPermissions() & 07777, temp);
                String backup = file + ".rehearse-bak";
                if (statOrNull(sftp, backup) != null) {
                    sftp.rm(backup);
                }
                sftp.hardlink(file, backup);
            }
            sftp.rename(temp, file);
        } catch (SftpException e) {
            removeQuietly(sftp, temp);
            throw connection.lost("writing " + file, e);
        }
    }

    /** A write through a symbolic link replaces the file it points at, not the link. */
    private static String followLink(ChannelSftp sftp, String file) throws SftpException {
        try {
            return sftp.lstat(file).isLink() ? sftp.realpath(file) : file;
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return file;
            }
            throw e;
        }
    }

    private static void makeFolders(ChannelSftp sftp, String dir) throws SftpException {
        if (dir.equals("/") || statOrNull(sftp, dir) != null) {
            return;
        }
        makeFolders(sftp, dir.substring(0, Math.max(dir.lastIndexOf('/'), 1)));
        sftp.mkdir(dir);
    }

    private static SftpATTRS statOrNull(ChannelSftp sftp, String path) throws SftpException {
        try {
            return sftp.stat(path);
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return null;
            }
            throw e;
        }
    }

    private static void removeQuietly(ChannelSftp sftp, String temp) {
        if (temp == null) {
            return;
        }
        try {
            sftp.rm(temp);
        } catch (SftpException leftBehind) {
            // it was never written, or the connection is gone; the failure that brought us here is what matters
        }
    }

    /** {@code ~} and {@code ~/x} name the home folder; a relative path is relative to it, as in the shell. */
    private String resolve(String path) {
        return TargetPaths.resolve(path, home, home);
    }

    private ChannelSftp channel() {
        if (sftp == null || sftp.isClosed() || !sftp.isConnected()) {
            sftp = connection.openSftp();
        }
        return sftp;
    }

    synchronized void close() {
        if (sftp != null) {
            sftp.disconnect();
        }
    }
}
