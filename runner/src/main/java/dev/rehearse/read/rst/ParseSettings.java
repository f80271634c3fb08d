package dev.rehearse.read.rst;

import dev.rehearse.guide.SourceRoots;
import dev.rehearse.read.common.Py;
import dev.rehearse.read.common.SourceText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What one parse needs to know about its surroundings: the source root ({@code /x} includes resolve against it), the
 * top document's folder (other includes resolve against it, as in Sphinx), and the lines of every file read so far
 * (the block extraction measures indentation on them).
 */
final class ParseSettings {

    static final int TAB_WIDTH = 8;

    final Path root;
    /** the source root and the folders includes may read from */
    final SourceRoots roots;
    final Path topDirectory;
    private final Map<String, List<String>> linesByFile = new HashMap<>();

    ParseSettings(SourceRoots roots, Path topDirectory) {
        this.root = roots.root();
        this.roots = roots;
        this.topDirectory = topDirectory;
    }

    /** Read a file and split it into lines the way docutils does (tabs expanded, trailing whitespace dropped). */
    List<String> load(Path file) {
        List<String> lines = toLines(SourceText.read(file), TAB_WIDTH);
        linesByFile.put(file.toString(), lines);
        return lines;
    }

    /**
     * An included file's lines, or null when there is no such regular file. Many guides include the same few files,
     * so their lines are kept for the process, keyed by the file's size and modification time (a changed file is read
     * again); the one stat call that makes the key also tells whether the file exists.
     */
    List<String> loadIncluded(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            return null;
        }
        if (!a.isRegularFile()) {
            return null;
        }
        // nanoseconds as a number: formatting an Instant would load java.time on every start
        String key = file + "|" + a.size() + "|" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        List<String> lines = INCLUDED.computeIfAbsent(key, k -> List.copyOf(toLines(SourceText.read(file), TAB_WIDTH)));
        linesByFile.put(file.toString(), lines);
        return lines;
    }

    private static final Map<String, List<String>> INCLUDED = new ConcurrentHashMap<>();

    /** The lines of a file read in this parse, or null. */
    List<String> linesOf(String source) {
        return linesByFile.get(source);
    }

    /**
     * docutils' {@code string2lines} with {@code convert_whitespace}: vertical tabs and form feeds become spaces,
     * lines split at every other Python line boundary ({@link Py#isLineBreak}, a CR LF pair counting once), tabs
     * expanded, trailing whitespace dropped. One pass over the text: most lines hold neither a tab, a vertical tab nor
     * a form feed and do not end in whitespace, and are cut out as they are.
     */
    static List<String> toLines(String text, int tabWidth) {
        List<String> lines = new ArrayList<>();
        int n = text.length();
        int start = 0;
        boolean tabbed = false; // the current line holds a tab, vertical tab or form feed
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            // most characters are neither control characters nor above Latin-1's NEL: one or two tests
            if ((c > 0x1e && c < 0x85) || (c > '\r' && c < 0x1c)) {
                continue;
            }
            if (c == '\t' || c == '\u000b' || c == '\u000c') {
                tabbed = true;
            } else if (Py.isLineBreak(c)) {
                lines.add(line(text, start, i, tabbed, tabWidth));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
                tabbed = false;
            }
        }
        if (start < n) {
            lines.add(line(text, start, n, tabbed, tabWidth));
        }
        return lines;
    }

    /** The line {@code text[start:end]}, its whitespace converted, tabs expanded, trailing whitespace dropped. */
    private static String line(String text, int start, int end, boolean tabbed, int tabWidth) {
        if (!tabbed && (start == end || !Py.isSpace(text.charAt(end - 1)))) {
            return text.substring(start, end);
        }
        String line = text.substring(start, end);
        return Py.rstrip(tabbed ? Py.expandTabs(line.replace('\u000b', ' ').replace('\u000c', ' '), tabWidth) : line);
    }
}
