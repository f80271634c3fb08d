package dev.rehearse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A guide of our own whose first step prints {@code bytes} of output (lines of 100 {@code x}) and shows only its
 * first and last line around an elision, as a guide would; its second step prints a numbered 5 MB and shows lines
 * it never prints, so that its output can be judged on neither end; its third says {@code done}.
 */
public final class BigOutputGuide {
    private static final String LINE = "x".repeat(100);

    private BigOutputGuide() {
    }

    /** Writes {@code big-output.md} into {@code dir} and returns its path. */
    public static Path write(Path dir, long bytes) {
        String guide = "# Big output\n\n"
                + "A step that prints far more than any report should hold.\n\n"
                + "```console\n"
                + "[isabell@stardust ~]$ head -c " + bytes + " /dev/zero | tr '\\0' x | fold -w 100\n"
                + LINE + "\n[...]\n" + LINE + "\n"
                + "```\n\n"
                + "A step whose numbered output is not the one the guide shows.\n\n"
                + "```console\n"
                + "[isabell@stardust ~]$ seq 1 800000\n"
                + "one\ntwo\nthree\n"
                + "```\n\n"
                + "The end.\n\n"
                + "```console\n"
                + "[isabell@stardust ~]$ echo done\n"
                + "done\n"
                + "```\n";
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("big-output.md"), guide);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
