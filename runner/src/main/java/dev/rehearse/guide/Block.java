package dev.rehearse.guide;

import java.util.List;
import java.util.Map;

/**
 * One literal block of a guide, as its author wrote it. The field names follow the docutils oracle
 * (../shared/corpus/oracle) so that {@code rehearse blocks --json} can be compared with it field by field.
 *
 * @param kind            code-block, code, sourcecode, literal (a {@code ::} block), parsed-literal, doctest,
 *                        fenced / indented / highlight / html-pre (Markdown), listing (AsciiDoc), prompt
 *                        (sphinx-prompt) and literalinclude (Sphinx), in either
 * @param language        the language, or null when none applies
 * @param langOrigin      explicit, highlight, default (rst); info-string / attribute for the other formats
 * @param source          the file the block stands in, relative to the guide's source root (includes keep
 *                        their own file)
 * @param line            line of the directive (or of the block itself for {@code ::} blocks), 1-based; 0 when
 *                        the reader cannot tell (docutils then says null)
 * @param contentLine     line of the first content line, 1-based; 0 when the reader cannot tell
 * @param indent          columns stripped from every content line (what {@code update} puts back)
 * @param options         directive options as written (flags map to "true")
 * @param emphasizeLines  parsed {@code :emphasize-lines:}, 1-based, or null
 * @param emphasizeError  why the spec is invalid (Sphinx then drops the block), or null
 * @param emphasizeOutOfRange line numbers past the block's end, or null
 * @param droppedBySphinx Sphinx would not render this block
 * @param section         titles of the enclosing sections, outermost first
 * @param context         enclosing non-section containers (note, sidebar, list_item ...)
 * @param precedingText   raw text of the paragraph just before the block, or null
 * @param text            the content with the block's indentation removed
 */
public record Block(
        String kind,
        String language,
        String langOrigin,
        String source,
        int line,
        int contentLine,
        int indent,
        Map<String, String> options,
        List<Integer> emphasizeLines,
        String emphasizeError,
        List<Integer> emphasizeOutOfRange,
        boolean droppedBySphinx,
        List<String> section,
        List<String> context,
        String precedingText,
        String text) {

    public List<String> lines() {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    /**
     * How many {@link #lines()} the block has (none for an empty block, as the oracle's {@code nlines} counts them),
     * without splitting its text: asked for every step of a block.
     */
    public int lineCount() {
        if (text.isEmpty()) {
            return 0;
        }
        int count = 1;
        for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            count++;
        }
        return count;
    }

    /** Whether {@code line} of the block's file is one of its content lines. */
    public boolean holdsLine(int line) {
        return line >= contentLine && line < contentLine + lineCount();
    }

    /** "file:line", how every message points at this block. */
    public String where() {
        return source + ":" + line;
    }
}
