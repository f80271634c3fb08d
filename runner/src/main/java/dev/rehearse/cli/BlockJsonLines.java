package dev.rehearse.cli;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;

import java.util.List;
import java.util.Map;

/**
 * The blocks of a guide as JSON lines, one object per block with the field names of the docutils oracle: what
 * {@code rehearse blocks --json} prints. Written by hand rather than with Jackson because {@code blocks} runs in
 * scripts over many guides: a short-lived process spends more on starting and compiling a general JSON library than
 * on these few known fields. Strings are escaped as JSON requires (and as Jackson does): quote, backslash and the
 * control characters below U+0020; everything else, non-ASCII included, is written as it is.
 */
final class BlockJsonLines {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private BlockJsonLines() {
    }

    /** Every block of the guide, each object followed by a line break. */
    static String of(Guide guide) {
        String file = guide.file().getFileName().toString();
        int dot = file.lastIndexOf('.');
        String name = dot < 0 ? file : file.substring(0, dot);
        StringBuilder out = new StringBuilder(capacity(guide.blocks()));
        int seq = 0;
        for (Block b : guide.blocks()) {
            object(out, name, seq++, b);
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Room for all the objects, so that the builder is not copied again and again as it grows: each block's text and
     * preceding paragraph (the bulk) and a generous allowance for the other fields.
     */
    private static int capacity(List<Block> blocks) {
        int chars = 16;
        for (Block b : blocks) {
            chars += b.text().length() + (b.precedingText() == null ? 0 : b.precedingText().length()) + 512;
        }
        return chars;
    }

    private static void object(StringBuilder out, String guide, int seq, Block b) {
        out.append("{\"guide\":");
        string(out, guide);
        out.append(",\"seq\":").append(seq);
        out.append(",\"kind\":");
        string(out, b.kind());
        out.append(",\"language\":");
        string(out, b.language());
        out.append(",\"lang_origin\":");
        string(out, b.langOrigin());
        out.append(",\"source\":");
        string(out, b.source());
        out.append(",\"line\":");
        lineNumber(out, b.line());
        out.append(",\"content_line\":");
        lineNumber(out, b.contentLine());
        out.append(",\"options\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : b.options().entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            string(out, e.getValue());
        }
        out.append("},\"emphasize_lines\":");
        numbers(out, b.emphasizeLines());
        out.append(",\"emphasize_error\":");
        string(out, b.emphasizeError());
        out.append(",\"emphasize_out_of_range\":");
        numbers(out, b.emphasizeOutOfRange());
        out.append(",\"dropped_by_sphinx\":").append(b.droppedBySphinx());
        out.append(",\"section\":");
        strings(out, b.section());
        out.append(",\"context\":");
        strings(out, b.context());
        out.append(",\"preceding_text\":");
        string(out, b.precedingText());
        out.append(",\"nlines\":").append(b.lineCount());
        out.append(",\"indent\":").append(b.indent());
        out.append(",\"text\":");
        string(out, b.text());
        out.append('}');
    }

    /** A line number; 0 (unknown) is null, as in the oracle. */
    private static void lineNumber(StringBuilder out, int line) {
        if (line > 0) {
            out.append(line);
        } else {
            out.append("null");
        }
    }

    private static void numbers(StringBuilder out, List<Integer> values) {
        if (values == null) {
            out.append("null");
            return;
        }
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values.get(i).intValue());
        }
        out.append(']');
    }

    private static void strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        out.append(']');
    }

    /** A JSON string (or null); runs of characters that need no escape are copied in one go. */
    static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int plain = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= ' ' && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plain, i);
            plain = i + 1;
            out.append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\n' -> out.append('n');
                case '\t' -> out.append('t');
                case '\r' -> out.append('r');
                case '\b' -> out.append('b');
                case '\f' -> out.append('f');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, plain, n).append('"');
    }
}
