package dev.rehearse.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The originals of the files a run (or {@code rehearse update}) replaces, kept in one folder of Rehearse's own (the
 * report folder's {@code backups/}), never beside the user's files nor in a guide's folder. The first version of a
 * file this instance sees is the one kept: a second write of the same file in one run does not replace it. A backup
 * an earlier run left of the same file stays; the new one takes the next number ({@code etc/x.ini.1}, {@code .2}).
 * Backups are private to the user running Rehearse (they may hold a config's passwords).
 */
public final class Backups {
    private final Path folder;
    private final Map<String, Path> kept = new HashMap<>();

    public Backups(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** A folder of its own under the temporary folder, for runs given no report folder (tests, the engine). */
    public static Backups temporary() {
        return new Backups(Path.of(System.getProperty("java.io.tmpdir"), "rehearse-backups-" + ProcessHandle.current().pid()
                + "-" + Long.toHexString(System.nanoTime())));
    }

    public Path folder() {
        return folder;
    }

    /**
     * Keeps {@code content} as the original of {@code path} (an absolute path on the target, or a local file), unless
     * this instance kept one already.
     *
     * @return where the original is kept
     */
    public synchronized Path keep(String path, String content) {
        Path already = kept.get(path);
        if (already != null) {
            return already;
        }
        // on the target, as in any POSIX path, /.. is / again
        String relative = Path.of("/").relativize(Path.of("/" + path).normalize()).toString();
        if (relative.isEmpty()) {
            throw new IllegalArgumentException("not a file path to back up: " + path);
        }
        Path first = folder.resolve(relative).normalize();
        Path backup = first;
        for (int n = 1; Files.exists(backup, LinkOption.NOFOLLOW_LINKS); n++) {
            backup = first.resolveSibling(first.getFileName() + "." + n);
        }
        try {
            refuseLinks(backup.getParent());
            Files.createDirectories(backup.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            try (var channel = Files.newByteChannel(backup, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the original of " + path + " in " + folder + ": "
                    + e.getMessage(), e);
        }
        kept.put(path, backup);
        return backup;
    }

    /**
     * The folders from this one down to {@code dir} are Rehearse's own: one that is a symbolic link (made there by
     * someone else) would take the original out of them, where it could replace what the link points to.
     */
    private void refuseLinks(Path dir) throws IOException {
        for (Path at = folder; ; at = at.resolve(dir.getName(at.getNameCount()))) {
            if (Files.isSymbolicLink(at)) {
                throw new IOException(at + " is a symbolic link, not followed");
            }
            if (at.equals(dir)) {
                return;
            }
        }
    }
}
