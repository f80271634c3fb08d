package dev.rehearse.read.asciidoc;

import dev.rehearse.guide.Finding;
import io.yupiik.asciidoc.model.Code;
import io.yupiik.asciidoc.model.Document;
import io.yupiik.asciidoc.model.Element;
import io.yupiik.asciidoc.model.Link;
import io.yupiik.asciidoc.model.Macro;
import io.yupiik.asciidoc.model.Paragraph;
import io.yupiik.asciidoc.model.Section;
import io.yupiik.asciidoc.model.Text;
import io.yupiik.asciidoc.parser.Parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guide's outline as asciidoc-java reads it: the document title from the header, and every section title
 * with its inline markup rendered ({@code == Install *fast*} reads "Install fast").
 *
 * <p>The library is given the outline only (the heading lines the {@link BlockScanner} located, outside blocks and
 * paragraphs), not the whole text: in 1.2.13 it throws on content Asciidoctor accepts, e.g. a listing with a
 * callout marker but no callout list, and a guide must not become unreadable because of a sample's callout.
 */
final class SectionTitles {
    private static final Pattern HEADING = Pattern.compile("^(=+|#+)[ \\t]+(.*?)(?:[ \\t]+\\1)?[ \\t]*$");

    private final Map<String, String> rendered = new HashMap<>();
    private String documentTitle;

    private SectionTitles() {
    }

    /** @param headingLines the heading lines as written, in document order (the first may be the {@code = Title}) */
    static SectionTitles render(List<String> headingLines, String source, List<Finding> findings) {
        SectionTitles titles = new SectionTitles();
        if (headingLines.isEmpty()) {
            return titles;
        }
        List<String> outline = new ArrayList<>();
        for (String line : headingLines) {
            outline.add(line);
            outline.add("");
        }
        Document doc;
        try {
            doc = new Parser().parse(outline, new Parser.ParserContext((target, charset) -> Optional.empty()));
        } catch (RuntimeException | StackOverflowError e) {
            // the library recurses from one section into the next: a long outline runs its stack out
            String why = e instanceof StackOverflowError ? "too many sections for its recursion" : e.getMessage();
            findings.add(new Finding(source, 0, Finding.Level.WARNING, "asciidoc-syntax",
                    "asciidoc-java cannot read the section titles (" + why + "); they are shown as written"));
            Matcher first = HEADING.matcher(headingLines.get(0));
            titles.documentTitle = first.matches() && first.group(1).equals("=") ? first.group(2).strip() : null;
            return titles;
        }
        List<String> texts = new ArrayList<>();
        String header = doc.header().title();
        if (header != null && !header.isBlank()) {
            titles.documentTitle = header.strip();
            texts.add(titles.documentTitle);
        }
        collect(doc.body().children(), texts);
        if (texts.size() == headingLines.size()) {
            for (int i = 0; i < texts.size(); i++) {
                titles.rendered.put(written(headingLines.get(i)), texts.get(i));
            }
        }
        return titles;
    }

    /** The document title ({@code = Title}), or null when the guide has none. */
    String documentTitle() {
        return documentTitle;
    }

    /** A section title as the reader sees it; as written when the library read it otherwise. */
    String plain(String written) {
        return rendered.getOrDefault(written, written);
    }

    private static void collect(List<Element> elements, List<String> texts) {
        for (Element element : elements) {
            if (element instanceof Section section) {
                texts.add(text(section.title()).strip());
                collect(section.children(), texts);
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

    private static String written(String headingLine) {
        Matcher m = HEADING.matcher(headingLine);
        return m.matches() ? m.group(2).strip() : headingLine.strip();
    }
}
