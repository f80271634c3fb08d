package dev.rehearse.read.asciidoc;

import dev.rehearse.guide.Finding;
import io.yupiik.asciidoc.model.Code;
import io.yupiik.asciidoc.model.ConditionalBlock;
import io.yupiik.asciidoc.model.Document;
import io.yupiik.asciidoc.model.Element;
import io.yupiik.asciidoc.model.Link;
import io.yupiik.asciidoc.model.Macro;
import io.yupiik.asciidoc.model.OpenBlock;
import io.yupiik.asciidoc.model.Paragraph;
import io.yupiik.asciidoc.model.Section;
import io.yupiik.asciidoc.model.Text;
import io.yupiik.asciidoc.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document title and section titles as asciidoc-java reads them (inline markup rendered: {@code Install *fast*}
 * reads "Install fast"), handed out in document order to the {@link BlockScanner}, which knows where each title
 * stands. A title the library did not see the same way is used as written.
 */
final class SectionTitles {
    private static final Pattern LIBRARY_LINE = Pattern.compile("line #(\\d+)");

    private final String documentTitle;
    private final List<String> titles = new ArrayList<>();
    private int next;

    private SectionTitles(String documentTitle) {
        this.documentTitle = documentTitle;
    }

    /** Parses the preprocessed guide with asciidoc-java; a guide it cannot parse is reported, titles stay as written. */
    static SectionTitles parse(List<SourceLine> lines, List<Finding> findings) {
        Document doc;
        try {
            // Includes are already inlined by the Preprocessor: the library must never resolve one itself.
            doc = new Parser().parse(lines.stream().map(SourceLine::text).toList(),
                    new Parser.ParserContext((target, charset) -> Optional.empty()));
        } catch (RuntimeException e) {
            SourceLine where = where(e, lines);
            findings.add(new Finding(where.source(), where.line(), Finding.Level.WARNING, "asciidoc-syntax",
                    "asciidoc-java cannot parse the guide here (" + rootCause(e) + "); section titles are shown as written"));
            return new SectionTitles(null);
        }
        String header = doc.header().title();
        SectionTitles result = new SectionTitles(header == null || header.isBlank() ? null : header.strip());
        if (result.documentTitle != null) {
            result.titles.add(result.documentTitle);
        }
        result.collect(doc.body().children());
        return result;
    }

    String documentTitle() {
        return documentTitle;
    }

    /** The library's text for the next title that matches {@code written} (letters and digits alike), else it as written. */
    String plain(String written) {
        String key = key(written);
        for (int i = next; i < titles.size(); i++) {
            if (key(titles.get(i)).equals(key)) {
                next = i + 1;
                return titles.get(i);
            }
        }
        return written;
    }

    private void collect(List<Element> elements) {
        for (Element element : elements) {
            if (element instanceof Section section) {
                titles.add(text(section.title()).strip());
                collect(section.children());
            } else if (element instanceof ConditionalBlock conditional) {
                collect(conditional.children());
            } else if (element instanceof OpenBlock open) {
                collect(open.children());
            }
        }
    }

    private static String text(Element element) {
        if (element instanceof Text text) {
            return text.value();
        }
        if (element instanceof Paragraph paragraph) {
            StringBuilder out = new StringBuilder();
            paragraph.children().forEach(child -> out.append(text(child)));
            return out.toString();
        }
        if (element instanceof Code code) {
            return code.value();
        }
        if (element instanceof Link link) {
            String label = link.label() == null ? "" : text(link.label());
            return label.isEmpty() ? link.url() : label;
        }
        if (element instanceof Macro macro) {
            return macro.label();
        }
        return "";
    }

    private static String key(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The library says "Invalid state at line #N" (N 1-based in the lines it was given): map N to its origin. */
    private static SourceLine where(RuntimeException e, List<SourceLine> lines) {
        Matcher m = LIBRARY_LINE.matcher(String.valueOf(e.getMessage()));
        int index = m.find() ? Integer.parseInt(m.group(1)) - 1 : 0;
        return lines.isEmpty() ? new SourceLine("", "?", 0) : lines.get(Math.max(0, Math.min(index, lines.size() - 1)));
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
