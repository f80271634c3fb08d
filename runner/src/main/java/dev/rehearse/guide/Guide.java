package dev.rehearse.guide;

import java.nio.file.Path;
import java.util.List;

/**
 * A guide read into the model every later stage works on.
 *
 * @param file     the guide's own file
 * @param root     the source root: paths in {@link Block#source()} are relative to it, and an include of
 *                 {@code /x} resolves against it
 * @param format   rst, markdown or asciidoc
 * @param title    the document title, or null
 * @param blocks   every literal block in document order, includes inlined
 * @param findings structural defects the reader noticed on its way (lint reports them)
 */
public record Guide(Path file, Path root, String format, String title, List<Block> blocks, List<Finding> findings) {

    /**
     * Where the guide is, as its reports name it ({@code results.json}'s {@code run.guide}, a report folder's owner):
     * its file's absolute path, so that a report is known for this guide's wherever it was run from.
     */
    public String place() {
        return file.toAbsolutePath().normalize().toString();
    }
}
