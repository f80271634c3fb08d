package dev.rehearse.read;

import dev.rehearse.guide.BadInput;
import dev.rehearse.read.common.SourceText;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guide in a {@code .txt} file, whose markup its name does not tell: Django's documentation and many older
 * projects' are reStructuredText in {@code .txt} files, and a Sphinx site serves each page's source as
 * {@code NAME.rst.txt} (or {@code NAME.md.txt}), which is what a reader downloads. The extension before {@code .txt}
 * tells, where there is one; else the markup the text holds: the format whose marks it holds most of, and none when
 * it holds none or as many of two formats' (a plain text file, where guessing would turn its indented lines into
 * code or prose as it happens).
 */
final class TextGuides {
    /**
     * marks only reStructuredText makes: directives, link targets, literal blocks after {@code ::}, roles, overlined
     * titles (not of backticks, tildes, dashes or pluses: a Markdown fence around one line, YAML or TOML front
     * matter look the same)
     */
    private static final List<Pattern> RST = List.of(
            Pattern.compile("(?m)^\\.\\. (?:[A-Za-z][\\w:+.-]*::(?=\\s|$)|_[^:\\n]+:)"),
            Pattern.compile("(?m)^\\S.*::[ \\t]*\\n[ \\t]*\\n[ \\t]+\\S"),
            Pattern.compile("(?<![\\w`]):[a-z]+(?::[a-z]+)?:`[^`\\n]+`"),
            Pattern.compile("(?m)^([=^\"'#*])\\1{2,}[ \\t]*\\n.*\\S.*\\n\\1{3,}[ \\t]*$"));
    /** Markdown's: fences of backticks, ATX headings, inline links */
    private static final List<Pattern> MARKDOWN = List.of(
            Pattern.compile("(?m)^ {0,3}```"),
            Pattern.compile("(?m)^#{1,6}[ \\t]+\\S"),
            Pattern.compile("\\[[^\\]\\n]+\\]\\((?:https?://|\\.{0,2}/|#)[^)\\s]*\\)"));
    /** AsciiDoc's: source block attributes, the document's title, block macros */
    private static final List<Pattern> ASCIIDOC = List.of(
            Pattern.compile("(?m)^\\[source(?:,[^\\]\\n]*)?\\][ \\t]*$"),
            Pattern.compile("\\A(?:[ \\t]*\\n)*= \\S"),
            Pattern.compile("(?m)^(?:include|image)::\\S*\\[[^\\]\\n]*\\][ \\t]*$"));
    private static final Map<GuideFormat, List<Pattern>> MARKS = Map.of(GuideFormat.RST, RST,
            GuideFormat.MARKDOWN, MARKDOWN, GuideFormat.ASCIIDOC, ASCIIDOC);
    /** enough to tell: a guide's markup shows in its first pages */
    private static final int LOOKED_AT = 256 * 1024;

    private TextGuides() {
    }

    /** Whether the file's name ends in {@code .txt}: a guide whose format its text tells. */
    static boolean isText(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    /**
     * The format of a {@code .txt} guide: the one its name gives before {@code .txt}, else the one whose marks its
     * text holds most of.
     *
     * @throws BadInput when the file cannot be read, or its text tells no one format
     */
    static GuideFormat formatOf(Path file) {
        String name = file.getFileName().toString();
        GuideFormat named = GuideFormat.of(Path.of(name.substring(0, name.length() - ".txt".length())));
        if (named != null) {
            return named;
        }
        String text = SourceText.read(file);
        return formatOf(text.length() > LOOKED_AT ? text.substring(0, LOOKED_AT) : text).orElseThrow(() ->
                new BadInput(SourceText.display(file), 0, "a text file whose markup Rehearse cannot tell: it holds "
                        + "none of reStructuredText's, Markdown's or AsciiDoc's own marks, or as many of two (name "
                        + "it .rst, .md or .adoc)"));
    }

    /** The format whose marks the text holds most of; empty when it holds none, or as many of two formats'. */
    static Optional<GuideFormat> formatOf(String text) {
        List<Map.Entry<GuideFormat, Integer>> counted = MARKS.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), count(e.getValue(), text)))
                .sorted(Comparator.comparing(Map.Entry<GuideFormat, Integer>::getValue).reversed())
                .toList();
        int most = counted.get(0).getValue();
        return most > 0 && counted.get(1).getValue() < most ? Optional.of(counted.get(0).getKey())
                : Optional.empty();
    }

    private static int count(List<Pattern> marks, String text) {
        int n = 0;
        for (Pattern mark : marks) {
            Matcher m = mark.matcher(text);
            while (m.find()) {
                n++;
            }
        }
        return n;
    }
}
