package dev.rehearse.read.markdown;

import dev.rehearse.files.TextLines;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code block in a static site generator's template tag rather than a fence: Jekyll's (Liquid)
 * {@code {% highlight console %}} ... {@code {% endhighlight %}} and Hugo's {@code {{< highlight console >}}} ...
 * {@code {{< /highlight >}}}. To CommonMark the lines between are prose (a {@code # comment} a heading): the block
 * is taken from the text as written.
 *
 * @param language  the language the tag names
 * @param text      the lines between the tags
 * @param firstLine the line after the opening tag, in the text walked
 * @param lastLine  the line of the closing tag, or -1 when there is none
 */
record HighlightTag(String language, String text, int firstLine, int lastLine) {

    private static final Pattern JEKYLL_OPEN = Pattern.compile("\\{%-?\\s*highlight\\s+([\\w+#.-]+)[^%]*-?%}");
    private static final Pattern JEKYLL_CLOSE = Pattern.compile("\\{%-?\\s*endhighlight\\s*-?%}");
    private static final Pattern HUGO_OPEN = Pattern.compile("\\{\\{[<%]\\s*highlight\\s+([\\w+#.-]+)[^}]*[>%]}}");
    private static final Pattern HUGO_CLOSE = Pattern.compile("\\{\\{[<%]\\s*/highlight\\s*[>%]}}");
    /** the {@code code} shortcode many Hugo themes define, its language an attribute: {@code {{< code lang="console" >}}} */
    private static final Pattern HUGO_CODE_OPEN = Pattern.compile(
            "\\{\\{[<%]\\s*code\\s+[^}]*?\\blang(?:uage)?=\"?([\\w+#.-]+)\"?[^}]*[>%]}}");
    private static final Pattern HUGO_CODE_CLOSE = Pattern.compile("\\{\\{[<%]\\s*/code\\s*[>%]}}");

    /** The block an opening tag on {@code line} (1-based in {@code lines}) starts, if the line is one. */
    static Optional<HighlightTag> at(TextLines lines, int line) {
        String opening = lines.line(line - 1).strip();
        Matcher jekyll = JEKYLL_OPEN.matcher(opening);
        Matcher hugo = HUGO_OPEN.matcher(opening);
        Matcher hugoCode = HUGO_CODE_OPEN.matcher(opening);
        Pattern close;
        String language;
        if (jekyll.matches()) {
            close = JEKYLL_CLOSE;
            language = jekyll.group(1);
        } else if (hugo.matches()) {
            close = HUGO_CLOSE;
            language = hugo.group(1);
        } else if (hugoCode.matches()) {
            close = HUGO_CODE_CLOSE;
            language = hugoCode.group(1);
        } else {
            return Optional.empty();
        }
        List<String> body = new ArrayList<>();
        for (int i = line; i < lines.lineCount(); i++) {
            String text = lines.line(i);
            if (close.matcher(text.strip()).matches()) {
                return Optional.of(new HighlightTag(language, String.join("\n", body), line + 1, i + 1));
            }
            body.add(text);
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
        }
        return Optional.of(new HighlightTag(language, String.join("\n", body), line + 1, -1));
    }
}
