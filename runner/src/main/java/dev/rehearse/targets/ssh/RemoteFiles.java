package dev.rehearse.targets.ssh;

import dev.rehearse.targets.TargetPaths;
import dev.rehearse.targets.UserFiles;

import java.util.Optional;

/**
 * Files on the SSH host, read and written by the ssh user on the host itself ({@link UserFiles}): the script goes
 * as the command of an exec channel, the content on its standard input. Paths may start with {@code ~/}; relative
 * paths are relative to the user's home.
 */
final class RemoteFiles {
    private final String home;
    private final UserFiles files;

    RemoteFiles(SshConnection connection, String home) {
        this.home = home;
        this.files = new UserFiles((argv, input) -> connection.exec(UserFiles.commandLine(argv), input));
    }

    Optional<String> read(String path) {
        return files.read(resolve(path));
    }

    void write(String path, String content) {
        files.write(resolve(path), content);
    }

    /** {@code ~} and {@code ~/x} name the home folder; a relative path is relative to it, as in the shell. */
    private String resolve(String path) {
        return TargetPaths.resolve(path, home, home);
    }
}
