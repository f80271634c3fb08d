package dev.rehearse.read;

import dev.rehearse.testing.RehearseJar;
import dev.rehearse.cli.Main;
import dev.rehearse.read.common.SourceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input the reader refuses, through the real command line ({@link Main#execute}): exit status 2 and exactly one
 * line on stderr naming the file (and line where there is one), never a stack trace, nothing on stdout. And input
 * that is merely large must just work.
 */
class BadInputIT {

    @TempDir
    Path dir;

    /** The exit status, stdout and stderr of one command line. */
    record Outcome(int status, String out, String err) {
    }

    static Outcome run(String... args) {
        RehearseJar.Outcome o = RehearseJar.run(args);
        return new Outcome(o.exit(), o.out(), o.err());
    }

    /** Exit 2, nothing on stdout, one line on stderr that starts with {@code where}. */
    private static String assertBadInput(Outcome o, String where) {
        assertEquals(2, o.status(), "exit status; stderr: " + o.err());
        assertEquals("", o.out());
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr: " + o.err());
        String line = lines.get(0);
        assertTrue(line.startsWith(where), "'" + line + "' starts with '" + where + "'");
        assertTrue(!line.contains("Exception") && !line.contains("\tat "), "no stack trace: " + line);
        return line;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aMissingFile() {
        Path missing = dir.resolve("guide_nothing.rst");
        String line = assertBadInput(run("blocks", missing.toString(), "--json"), SourceText.display(missing) + ":");
        assertTrue(line.contains("no such file"), line);
    }

    @Test
    void aFolderWithoutAGuide() throws IOException {
        write("notes.txt", "not a guide\n");
        String line = assertBadInput(run("plan", dir.toString()), SourceText.display(dir) + ":");
        assertTrue(line.contains("without a guide"), line);
        line = assertBadInput(run("blocks", dir.toString()), SourceText.display(dir) + ":");
        assertTrue(line.contains("holds no guide"), line);
    }

    /** A command that runs one runbook asks which; those that read guides read every one (LintCommandIT). */
    @Test
    void aFolderWithTwoGuides() throws IOException {
        write("guide_one.rst", "One\n===\n");
        write("guide_two.rst", "Two\n===\n");
        String line = assertBadInput(run("plan", dir.toString()), SourceText.display(dir) + ":");
        assertTrue(line.contains("guide_one.rst") && line.contains("guide_two.rst"), line);
    }

    /**
     * A FIFO, or a link to a device, named as a guide is refused before it is opened: opening a FIFO waits for a
     * writer, and /dev/zero never ends. One beside a guide is no neighbour whose labels lint reads.
     */
    @Test
    void aFifoOrADeviceIsNoGuideAndHangsNothing() throws IOException, InterruptedException {
        Path fifo = dir.resolve("guide_fifo.rst");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        Path zero = Files.createSymbolicLink(dir.resolve("zero.md"), Path.of("/dev/zero"));
        for (Path notAFile : List.of(fifo, zero)) {
            String line = assertBadInput(run("blocks", notAFile.toString()), SourceText.display(notAFile) + ":");
            assertTrue(line.endsWith("is no regular file (a FIFO, a socket or a device), not a guide file"), line);
        }
        Path guide = write("guide_real.rst", "Real\n====\n\n::\n\n  $ ls\n");
        Outcome lint = run("lint", guide.toString());
        assertEquals("0 errors, 0 warnings in 1 guide\n", lint.err());
    }

    @Test
    void aBinaryFileSaysWhereTheNulByteIs() throws IOException {
        Path file = dir.resolve("guide_binary.rst");
        Files.write(file, new byte[] {'T', 'i', 't', 'l', 'e', '\n', '=', '=', '=', '=', '=', '\n', 0, 1, 2, '\n'});
        String line = assertBadInput(run("blocks", file.toString()), SourceText.display(file) + ":3:");
        assertTrue(line.contains("binary"), line);
    }

    /** A sparse file of 3 GB costs no disk; read whole, it ran the JVM out of memory (an internal error, exit 3). */
    @Test
    void aGuideOrAnIncludeOfGigabytesIsRefusedUnread() throws IOException {
        Path huge = dir.resolve("huge.txt");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024);
        }
        Path guide = Files.writeString(dir.resolve("guide.adoc"), "= T\n\n----\ninclude::huge.txt[]\n----\n");
        String line = assertBadInput(run("plan", guide.toString()), SourceText.display(huge) + ":");
        assertTrue(line.contains("is 3072 MB, more than the 64 MB a guide, an include or a sidecar may be"), line);
    }

    @Test
    void invalidUtf8SaysWhichLine() throws IOException {
        Path file = dir.resolve("guide_latin1.rst");
        Files.write(file, "Title\n=====\n\nCaf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1));
        String line = assertBadInput(run("blocks", file.toString(), "--json"), SourceText.display(file) + ":4:");
        assertTrue(line.contains("UTF-8"), line);
    }

    @Test
    void aDirectiveCutOffByTheEndOfTheFile() throws IOException {
        Path file = write("guide_cut.rst", "Title\n=====\n\nInstall it:\n\n.. code-block:: console\n"
                + "  :emphasize-lines: 1\n\n");
        String line = assertBadInput(run("blocks", file.toString()), SourceText.display(file) + ":6:");
        assertTrue(line.contains("unterminated \"code-block\""), line);
    }

    @Test
    void aLiteralBlockAnnouncedAtTheEndOfTheFile() throws IOException {
        Path file = write("guide_colons.rst", "Title\n=====\n\nRun this\ncommand::\n\n");
        String line = assertBadInput(run("blocks", file.toString()), SourceText.display(file) + ":5:");
        assertTrue(line.contains("\"::\""), line);
    }

    @Test
    void anIncludeThatIsNotTextPointsAtTheIncludeAndTheIncludedFile() throws IOException {
        Path guide = write("guide_inc.rst", "Title\n=====\n\nText.\n\n.. include:: parts/blob.rst\n");
        Path blob = dir.resolve("parts/blob.rst");
        Files.createDirectories(blob.getParent());
        Files.write(blob, new byte[] {'a', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        String line = assertBadInput(run("blocks", guide.toString()), SourceText.display(blob) + ":2:");
        assertTrue(line.contains("included at " + SourceText.display(guide) + ":6"), line);
    }

    @Test
    void anUnknownFormat() throws IOException {
        Path file = write("guide_x.odt", "plain\n");
        String line = assertBadInput(run("blocks", file.toString()), SourceText.display(file) + ":");
        assertTrue(line.contains("not a guide format"), line);
    }

    /** A .txt guide is read in the markup it holds; one that holds none is not guessed at. */
    @Test
    void aTextFileOfNoMarkup() throws IOException {
        Path file = write("guide_x.txt", "Install it:\n\n    $ make install\n");
        String line = assertBadInput(run("run", file.toString(), "--target", "local"), SourceText.display(file) + ":");
        assertTrue(line.contains("markup Rehearse cannot tell") && line.endsWith("(name it .rst, .md or .adoc)"),
                line);
    }

    @Test
    void nestingTooDeepForTheStackIsBadInputNotACrash() throws IOException {
        // every line one column deeper: a block quote in a block quote ... 1,000 levels down
        StringBuilder b = new StringBuilder("Title\n=====\n\n");
        for (int i = 0; i < 1_000; i++) {
            b.append(" ".repeat(i)).append("level\n\n");
        }
        Path file = write("guide_deep.rst", b.toString());
        String line = assertBadInput(run("blocks", file.toString()), SourceText.display(file) + ":");
        assertTrue(line.contains("nested too deeply"), line);
    }

    @Test
    void aFiftyThousandLineGuideJustWorks() throws IOException {
        StringBuilder b = new StringBuilder(".. highlight:: console\n\nBig\n===\n\n");
        int sections = 2_500;
        for (int i = 0; i < sections; i++) {
            b.append("Step ").append(i).append('\n').append("-".repeat(5 + String.valueOf(i).length())).append("\n\n");
            b.append("Run this::\n\n");
            for (int k = 0; k < 12; k++) {
                b.append("  [isabell@stardust ~]$ echo ").append(i).append(' ').append(k).append('\n');
            }
            b.append("\n* a list item\n* another one\n\n");
        }
        Path file = write("guide_big.rst", b.toString());
        assertTrue(Files.readAllLines(file).size() >= 50_000);
        Outcome o = run("blocks", file.toString(), "--json");
        assertEquals(0, o.status(), o.err());
        List<String> blocks = o.out().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(sections, blocks.size());
        // "Big" is the document's only top section: it becomes the document title, as in docutils
        assertTrue(blocks.get(sections - 1).contains("\"section\":[\"Step " + (sections - 1) + "\"]"),
                blocks.get(sections - 1));
        assertTrue(blocks.get(sections - 1).contains("\"line\":" + (5 + 21 * (sections - 1) + 6)),
                blocks.get(sections - 1));
    }
}
