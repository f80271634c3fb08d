package dev.rehearse.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Writes a file so that it is never seen half written: the text goes to a temporary file beside it, is forced to
 * disk, and then renamed over the old one. The temporary file is made with the old one's permissions from the start
 * (never readable by more than the old file was), and the new file keeps the old one's owner and group. A write that
 * fails at any point leaves the old file as it was and no temporary file behind. Keeping the previous version is
 * the caller's business ({@link Backups}): nothing is left beside the file, not even when the process ends during
 * the write ({@link TemporaryFiles}).
 */
public final class AtomicFiles {
    private static final TemporaryFiles TEMPORARY = new TemporaryFiles();

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} (UTF-8) to {@code file}, creating missing parent folders. A symbolic link is written
     * through: the file it points to is replaced and the link stays.
     *
     * @throws IOException when the text cannot be written (then nothing changed); text that is not valid Unicode
     *                     (a lone surrogate) is refused the same way rather than written with replacement marks
     */
    public static void write(Path file, String content) throws IOException {
        write(file, to -> to.write(content));
    }

    /** What a file holds, written as it is made: a large report need not be one string first. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer to) throws IOException;
    }

    /** As {@link #write(Path, String)}, the text written by {@code content}. */
    public static void write(Path file, Content content) throws IOException {
        writeTo(Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath(), content);
    }

    /**
     * As {@link #write(Path, Content)}, for a file of Rehearse's own (a report): what stands at {@code file} is
     * replaced, a symbolic link too, never written through; the file a link there points to is left as it was.
     */
    public static void replace(Path file, Content content) throws IOException {
        writeTo(file.toAbsolutePath(), content);
    }

    /** As {@link #replace(Path, Content)}, the text {@code content}. */
    public static void replace(Path file, String content) throws IOException {
        replace(file, to -> to.write(content));
    }

    private static void writeTo(Path target, Content content) throws IOException {
        Files.createDirectories(target.getParent());
        TemporaryFiles.removeLeftovers(target);
        // a link's own mode and owner are nobody's to keep: what replaces it is a new file
        boolean replacing = Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(target);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        // not Files.createTempFile: it makes the file private (0600); a plain create honours the umask, as any
        // program writing the file would
        TemporaryFiles.Made temp = TEMPORARY.create(target, path -> replacing ? FileChannel.open(path, options,
                PosixFilePermissions.asFileAttribute(Files.getPosixFilePermissions(target)))
                : FileChannel.open(path, options));
        try {
            try (FileChannel channel = temp.channel();
                 Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8.newEncoder(), -1)) {
                content.writeTo(writer);
                writer.flush();
                channel.force(true);
            }
            if (replacing) {
                copyOwnershipAndMode(target, temp.path());
            }
            Files.move(temp.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp.path());
            throw e;
        } finally {
            TEMPORARY.done(temp.path());
        }
    }

    /**
     * The process is about to end at once (a second Ctrl-C halts it): removes the temporary files of the writes under
     * way, which the halt would leave beside the files they were to replace, and makes no new one from here on (a
     * write then fails). What ended already stays: a file a write replaced holds its new text.
     */
    public static void endWrites() {
        TEMPORARY.removeAll();
    }

    private static void copyOwnershipAndMode(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: nothing more to keep than the rename keeps
        }
        PosixFileAttributes old = Files.readAttributes(from, PosixFileAttributes.class);
        PosixFileAttributes now = view.readAttributes();
        if (!old.owner().equals(now.owner())) {
            view.setOwner(old.owner());
        }
        if (!old.group().equals(now.group())) {
            view.setGroup(old.group());
        }
        view.setPermissions(old.permissions());
    }
}
