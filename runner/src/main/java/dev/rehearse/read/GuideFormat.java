package dev.rehearse.read;

import dev.rehearse.guide.GuideReader;
import dev.rehearse.read.asciidoc.AsciidocReader;
import dev.rehearse.read.markdown.MarkdownReader;
import dev.rehearse.read.rst.RstGuideReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The guide formats Rehearse reads, by file extension. A new format is one more constant here (its extensions and
 * its reader); {@link Guides} finds the reader through this table.
 */
public enum GuideFormat {
    RST(List.of("rst"), RstGuideReader::new),
    MARKDOWN(List.of("md", "markdown", "mdx", "qmd", "rmd"), MarkdownReader::new),
    ASCIIDOC(List.of("adoc", "asciidoc"), AsciidocReader::new);

    private final List<String> extensions;
    private final Supplier<GuideReader> reader;

    GuideFormat(List<String> extensions, Supplier<GuideReader> reader) {
        this.extensions = extensions;
        this.reader = reader;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** Every extension Rehearse reads a guide by, in the order of the formats. */
    public static List<String> allExtensions() {
        return Stream.of(values()).flatMap(f -> f.extensions.stream()).toList();
    }

    public GuideReader reader() {
        return reader.get();
    }

    /** The format of a file by its extension, or null when Rehearse does not read it. */
    public static GuideFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (GuideFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return format;
            }
        }
        return null;
    }
}
