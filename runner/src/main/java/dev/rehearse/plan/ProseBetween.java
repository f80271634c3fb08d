package dev.rehearse.plan;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text a guide's file holds between the block before and this one, within its section: where a file is named
 * when a note or a warning stands between the paragraph that names it and the block ("Create
 * ``~/bin/commento_daemon`` and add the following content:", then a warning, then the content). The block's own
 * preceding paragraph is only the last of these.
 */
final class ProseBetween {
    private static final Pattern UNDERLINE = Pattern.compile("^([=\\-~^\"'`#*+<>:_.])\\1{2,}\\s*$");
    /** the line that closes a Markdown fence or an AsciiDoc listing or literal block: no section's title */
    private static final Pattern CLOSING = Pattern.compile("^\\s*(?:`{3,}|~{3,}|-{4,}|\\.{4,})\\s*$");

    private final Guide guide;
    private final Map<String, List<String>> files = new HashMap<>();

    ProseBetween(Guide guide) {
        this.guide = guide;
    }

    /**
     * @param previous the block before in the same file, or null
     * @return the text, or null when the file cannot be read (a guide given as a model only)
     */
    String before(Block block, Block previous) {
        List<String> lines = files.computeIfAbsent(block.source(), this::read);
        if (lines == null || block.line() <= 1) {
            return null;
        }
        int from = previous == null || !previous.source().equals(block.source()) ? 0
                : previous.contentLine() - 1 + previous.lineCount();
        int to = Math.min(block.line() - 1, lines.size());
        StringBuilder text = new StringBuilder();
        for (int i = Math.max(0, from); i < to; i++) {
            if (UNDERLINE.matcher(lines.get(i)).matches()) {
                text.setLength(0); // a section title: what came before belongs to another section
                continue;
            }
            text.append(lines.get(i)).append('\n');
        }
        return text.toString();
    }

    /**
     * The text after the block up to the next block of its file or the next section title ("If it works, stop it with
     * Ctrl-C."); null when the file cannot be read.
     *
     * @param next the block after in the same file, or null
     */
    String after(Block block, Block next) {
        List<String> lines = files.computeIfAbsent(block.source(), this::read);
        if (lines == null) {
            return null;
        }
        int to = next == null ? lines.size() : Math.min(next.line() - 1, lines.size());
        int from = Math.max(0, block.contentLine() - 1 + block.lineCount());
        int closing = from;
        while (closing < to && lines.get(closing).isBlank()) {
            closing++; // a fence's trailing blank lines are no part of its block
        }
        if (closing < to && CLOSING.matcher(lines.get(closing)).matches()) {
            from = closing + 1;
        }
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (UNDERLINE.matcher(lines.get(i)).matches()) {
                int title = text.lastIndexOf("\n", text.length() - 2);
                text.setLength(Math.max(0, title + 1)); // the title's own line belongs to the next section
                break;
            }
            text.append(lines.get(i)).append('\n');
        }
        return text.toString();
    }

    private List<String> read(String source) {
        try {
            return Files.readAllLines(guide.root().resolve(source));
        } catch (IOException | RuntimeException e) {
            return null; // not on disk as such (a test's model): the preceding paragraph is all there is
        }
    }
}
