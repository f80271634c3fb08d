package dev.rehearse.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole output of one step, secrets already hidden, streamed to {@code <report>/output/step-N.log} as it
 * arrives: the session keeps only the head and tail of a long output, this file keeps the rest. It is kept only
 * when the output was cut; a step whose output was kept whole leaves no file (nor a stale one of an older run).
 * <p>
 * The first {@link #HELD} characters wait in memory and the file is made only when the output outgrows them or
 * is cut: nearly every step prints a few lines, and making and removing a file and its folder for each one cost
 * more than running the step.
 * <p>
 * A step runs while its file is written, and may share the report folder's writers (a folder such as
 * {@code /tmp/reports} that everyone writes into): the folder and the file are opened relative to the report folder
 * without following a link, the folder only when it is the report folder owner's, and the file is made anew, so that
 * no link or hard link a step planted there leads the write elsewhere or into a file that was there.
 */
final class OutputFile implements Consumer<String> {
    static final String FOLDER = "output";
    /** what waits in memory before the file is made */
    static final int HELD = 64 * 1024;
    /** the most a file keeps: a step printing without end (yes) must not fill the disk the reports are on */
    static final long MOST = 256L * 1024 * 1024;

    private final Path reportDir;
    private final Path file;
    private final boolean olderFiles;
    private final StringBuilder held = new StringBuilder();
    private Writer writer;
    private boolean pendingReturn;
    private String problem;
    /** characters written to the file so far */
    private long written;
    private final long most;

    /**
     * @param olderFiles whether the report folder may hold an older run's output files ({@link #anyIn}): a file of
     *                   this step is then looked for at the end, and removed unless the output was cut
     */
    OutputFile(Path reportDir, int step, boolean olderFiles) {
        this(reportDir, step, olderFiles, MOST);
    }

    /** @param most the most characters the file keeps ({@link #MOST}) */
    OutputFile(Path reportDir, int step, boolean olderFiles, long most) {
        this.reportDir = reportDir;
        this.file = reportDir.resolve(FOLDER).resolve("step-" + step + ".log");
        this.olderFiles = olderFiles;
        this.most = most;
    }

    /** Whether {@code reportDir} holds output files (of an older run, when a run starts). */
    static boolean anyIn(Path reportDir) {
        return Files.isDirectory(reportDir.resolve(FOLDER), LinkOption.NOFOLLOW_LINKS);
    }

    /** the file's name relative to the report folder, as the reports give it */
    String name() {
        return FOLDER + "/" + file.getFileName();
    }

    @Override
    public void accept(String chunk) {
        if (problem != null || chunk.isEmpty() || written > most) {
            return;
        }
        // terminal line ends folded as the reports show them; a CR that may start a CR-LF waits for the next chunk
        String text = (pendingReturn ? "\r" : "") + chunk;
        pendingReturn = text.endsWith("\r");
        text = (pendingReturn ? text.substring(0, text.length() - 1) : text).replace("\r\n", "\n");
        if (writer == null && held.length() + text.length() <= HELD) {
            held.append(text);
            return;
        }
        write(text);
    }

    /** Writes to the file, made (with what was held) when this is the first write. */
    private void write(String text) {
        try {
            if (writer == null) {
                try {
                    Files.createDirectory(file.getParent());
                } catch (FileAlreadyExistsException there) {
                    // an older run's, or a link a step planted: the opening below tells
                }
                try (SecureDirectoryStream<Path> folder = folder()) {
                    Path name = file.getFileName();
                    deleteIfThere(folder, name);
                    writer = new BufferedWriter(Channels.newWriter(folder.newByteChannel(name, Set.<OpenOption>of(
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)),
                            StandardCharsets.UTF_8));
                }
                writer.append(held);
                written = held.length();
                held.setLength(0);
            }
            if (written + text.length() > most) {
                text = text.substring(0, (int) Math.max(0, most - written)) + "\n[... the output went on; what came "
                        + "after its first " + most + " characters is not kept ...]\n";
                written = most + 1;
            } else {
                written += text.length();
            }
            writer.write(text);
        } catch (IOException e) {
            problem = "it could not be written to " + name() + ": " + e.getMessage();
            close();
        }
    }

    /**
     * Ends the file: kept when {@code cut}, else removed (with the folder when it is left empty).
     *
     * @return where the whole output is, or why it is not there, for the step's reason
     */
    String finish(boolean cut) {
        if (cut && writer == null && problem == null) {
            write("");
        }
        close();
        if (cut) {
            return problem != null ? problem : written > most ? "its first " + most + " characters are in " + name()
                    : "the whole of it is in " + name();
        }
        held.setLength(0);
        if (olderFiles) {
            // an older run's file of this step goes, and the folder with it when that leaves it empty
            try (SecureDirectoryStream<Path> report = opened(reportDir);
                 SecureDirectoryStream<Path> folder = opened(report, Path.of(FOLDER))) {
                if (deleteIfThere(folder, file.getFileName())) {
                    report.deleteDirectory(Path.of(FOLDER));
                }
            } catch (DirectoryNotEmptyException | NoSuchFileException othersThere) {
                // other steps' files, or no folder at all
            } catch (IOException e) {
                // a stale file left is named by no report; a link in its place is left, never followed
            }
        }
        return null;
    }

    /** The output folder, opened without following a link, and only when its owner is the report folder's. */
    private SecureDirectoryStream<Path> folder() throws IOException {
        try (SecureDirectoryStream<Path> report = opened(reportDir)) {
            SecureDirectoryStream<Path> folder = opened(report, Path.of(FOLDER));
            PosixFileAttributeView mine = report.getFileAttributeView(PosixFileAttributeView.class);
            PosixFileAttributeView its = folder.getFileAttributeView(PosixFileAttributeView.class);
            if (!its.readAttributes().owner().equals(mine.readAttributes().owner())) {
                folder.close();
                throw new IOException(FOLDER + "/ is not the report folder owner's (another user made it): not used");
            }
            return folder;
        }
    }

    /** The report folder, opened so that what is in it is opened relative to it. */
    private static SecureDirectoryStream<Path> opened(Path folder) throws IOException {
        return secure(Files.newDirectoryStream(folder));
    }

    /** The folder {@code name} in {@code parent}, a link in its place never followed. */
    private static SecureDirectoryStream<Path> opened(SecureDirectoryStream<Path> parent, Path name)
            throws IOException {
        return secure(parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS));
    }

    private static SecureDirectoryStream<Path> secure(DirectoryStream<Path> stream) throws IOException {
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        throw new IOException("this system cannot open a folder without following links");
    }

    private static boolean deleteIfThere(SecureDirectoryStream<Path> folder, Path name) throws IOException {
        try {
            folder.deleteFile(name);
            return true;
        } catch (NoSuchFileException none) {
            return false;
        }
    }

    private void close() {
        if (writer == null) {
            return;
        }
        try {
            if (pendingReturn && problem == null) {
                writer.write('\r');
            }
            writer.close();
        } catch (IOException e) {
            problem = "it could not be written to " + name() + ": " + e.getMessage();
        }
        writer = null;
    }
}
