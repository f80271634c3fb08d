package dev.rehearse.read.rst;

import dev.rehearse.read.SourceText;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one parse needs to know about its surroundings: the source root ({@code /x} includes resolve against it), the
 * top document's folder (other includes resolve against it, as in Sphinx), and the lines of every file read so far
 * (the block extraction measures indentation on them).
 */
final class ParseSettings {

    static final int TAB_WIDTH = 8;

    final Path root;
    final Path topDirectory;
    private final Map<String, List<String>> linesByFile = new HashMap<>();

    ParseSettings(Path root, Path topDirectory) {
        this.root = root;
        this.topDirectory = topDirectory;
    }

    /** Read a file and split it into lines the way docutils does (tabs expanded, trailing whitespace dropped). */
    List<String> load(Path file) {
        List<String> lines = toLines(SourceText.read(file), TAB_WIDTH);
        linesByFile.put(file.toString(), lines);
        return lines;
    }

    /** The lines of a file read in this parse, or null. */
    List<String> linesOf(String source) {
        return linesByFile.get(source);
    }

    /** docutils' {@code string2lines} with {@code convert_whitespace}. */
    static List<String> toLines(String text, int tabWidth) {
        String converted = text.replace('\u000b', ' ').replace('\u000c', ' ');
        List<String> lines = Py.splitlines(converted);
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, Py.rstrip(Py.expandTabs(lines.get(i), tabWidth)));
        }
        return lines;
    }
}
