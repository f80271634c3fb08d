package dev.rehearse.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The whole output of one step, secrets already hidden, streamed to {@code <report>/output/step-N.log} as it
 * arrives: the session keeps only the head and tail of a long output, this file keeps the rest. It is kept only
 * when the output was cut; a step whose output was kept whole leaves no file (nor a stale one of an older run).
 * <p>
 * The first {@link #HELD} characters wait in memory and the file is made only when the output outgrows them or
 * is cut: nearly every step prints a few lines, and making and removing a file and its folder for each one cost
 * more than running the step.
 */
final class OutputFile implements Consumer<String> {
    static final String FOLDER = "output";
    /** what waits in memory before the file is made */
    static final int HELD = 64 * 1024;

    private final Path file;
    private final boolean olderFiles;
    private final StringBuilder held = new StringBuilder();
    private Writer writer;
    private boolean pendingReturn;
    private String problem;

    /**
     * @param olderFiles whether the report folder may hold an older run's output files ({@link #anyIn}): a file of
     *                   this step is then looked for at the end, and removed unless the output was cut
     */
    OutputFile(Path reportDir, int step, boolean olderFiles) {
        this.file = reportDir.resolve(FOLDER).resolve("step-" + step + ".log");
        this.olderFiles = olderFiles;
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
        if (problem != null || chunk.isEmpty()) {
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
                Files.createDirectories(file.getParent());
                // never through a link a step could have planted in the report folder
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                writer.append(held);
                held.setLength(0);
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
            return problem != null ? problem : "the whole of it is in " + name();
        }
        held.setLength(0);
        try {
            // an older run's file of this step goes, and the folder with it when that leaves it empty
            if (olderFiles && Files.deleteIfExists(file)) {
                Files.delete(file.getParent());
            }
        } catch (DirectoryNotEmptyException | NoSuchFileException othersThere) {
            // other steps' files, or no folder at all
        } catch (IOException e) {
            // a stale file left is named by no report
        }
        return null;
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
