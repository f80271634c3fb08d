package dev.rehearse.read.common;

import dev.rehearse.guide.Block;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Block}s for the formats that have no Sphinx options (Markdown, AsciiDoc): the
 * {@code :emphasize-lines:} fields stay empty and Sphinx never drops such a block.
 */
public final class LiteralBlocks {

    /** docutils' preceding_text keeps the first 400 characters of the paragraph; so do we. */
    public static final int PRECEDING_TEXT_LIMIT = 400;

    private LiteralBlocks() {
    }

    public static Block block(String kind, String language, String langOrigin, String source, int line,
                              int contentLine, int indent, Map<String, String> options, List<String> section,
                              List<String> context, String precedingText, String text) {
        return new Block(kind, language, langOrigin, source, line, contentLine, indent, Map.copyOf(options),
                null, null, null, false, List.copyOf(section), List.copyOf(context),
                precedingText == null ? null : cap(precedingText), text);
    }

    /** How a block names its file: relative to the guide's root, with forward slashes. */
    public static String relative(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    private static String cap(String text) {
        return text.length() <= PRECEDING_TEXT_LIMIT ? text : text.substring(0, PRECEDING_TEXT_LIMIT);
    }
}
