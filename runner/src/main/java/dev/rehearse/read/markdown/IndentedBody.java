package dev.rehearse.read.markdown;

import dev.rehearse.files.TextLines;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python-Markdown's blocks whose body is the lines indented by four more columns than their marker, as MkDocs sites
 * write them: admonitions ({@code !!! note "Title"}, collapsible {@code ??? tip} and {@code ???+ tip}) and MkDocs
 * Material's content tabs ({@code === "Debian"}; {@code ===! "..."} starts a new set). To CommonMark the marker is a
 * paragraph and the body an indented code block, or a lazy continuation of that paragraph: the body's own blocks
 * would be lost.
 *
 * @param name      the admonition's kind ({@code note}), or {@code tab}
 * @param title     an admonition's title ({@code On macOS}), else null
 * @param label     a tab's label, else null
 * @param newSet    a tab that starts a set of its own even right after another tab
 * @param text      the body, four columns less indented than it stands (blank lines kept)
 * @param firstLine the body's first line in the text walked (the line after the marker)
 * @param lastLine  the body's last line that is not blank
 * @param column    where the body's lines start in the text walked
 */
record IndentedBody(String name, String title, String label, boolean newSet, String text, int firstLine, int lastLine,
                    int column) {

    private static final Pattern ADMONITION = Pattern.compile("(?:!!!|\\?\\?\\?\\+?)\\s+([\\w-]+)(?:\\s+\"(.*)\")?\\s*");
    private static final Pattern TAB = Pattern.compile("===(!?)\\s+\"(.*)\"\\s*");

    boolean isTab() {
        return label != null;
    }

    /**
     * The body a marker line opens, if {@code line} (1-based in {@code lines}) is one, starting at {@code column}.
     */
    static Optional<IndentedBody> at(TextLines lines, int line, int column) {
        String marker = lines.line(line - 1).substring(column).strip();
        Matcher admonition = ADMONITION.matcher(marker);
        Matcher tab = TAB.matcher(marker);
        if (!admonition.matches() && !tab.matches()) {
            return Optional.empty();
        }
        int inner = column + 4;
        List<String> body = new ArrayList<>();
        int last = line;
        for (int i = line; i < lines.lineCount(); i++) {
            String text = lines.line(i);
            if (text.isBlank()) {
                body.add("");
                continue;
            }
            if (indentation(text) < inner) {
                break;
            }
            body.add(dedented(text, inner));
            last = i + 1;
        }
        if (last == line) {
            return Optional.empty();
        }
        String text = String.join("\n", body.subList(0, last - line));
        return Optional.of(admonition.matches()
                ? new IndentedBody(admonition.group(1), blankToNull(admonition.group(2)), null, false, text, line + 1, last, inner)
                : new IndentedBody("tab", null, tab.group(2), !tab.group(1).isEmpty(), text, line + 1, last, inner));
    }

    /** How a block's context names the admonition: its kind, and its title after a colon ({@code note: On macOS}). */
    String context() {
        return title == null ? name : name + ": " + title;
    }

    private static String blankToNull(String title) {
        return title == null || title.isBlank() ? null : title.strip();
    }

    /** The line without its first {@code columns} columns of blanks. */
    private static String dedented(String line, int columns) {
        int at = 0;
        for (int seen = 0; seen < columns && at < line.length(); at++) {
            seen += line.charAt(at) == '\t' ? 4 - seen % 4 : 1;
        }
        return line.substring(at);
    }

    /** Columns of leading blanks, a tab counting to the next multiple of four as Python-Markdown counts it. */
    private static int indentation(String line) {
        int columns = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                columns++;
            } else if (c == '\t') {
                columns += 4 - columns % 4;
            } else {
                break;
            }
        }
        return columns;
    }
}
