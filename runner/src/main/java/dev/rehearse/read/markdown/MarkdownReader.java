package dev.rehearse.read.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterNode;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.rehearse.files.TextLines;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.guide.SourceRoots;
import dev.rehearse.guide.Tab;
import dev.rehearse.read.common.GuideText;
import dev.rehearse.read.common.HeadingLedger;
import dev.rehearse.read.common.IncludeFence;
import dev.rehearse.read.common.LiteralBlocks;
import dev.rehearse.read.common.LiteralInclude;
import dev.rehearse.read.common.MissingImages;
import dev.rehearse.read.common.QuotedText;
import dev.rehearse.read.common.SourceText;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Markdown guide (CommonMark as flexmark parses it, plus YAML front matter and MkDocs snippets) into the
 * guide model: every fenced and indented code block with its exact lines, the headings around it as its section
 * path and the paragraph before it as its preceding text.
 *
 * <p>Blocks get {@code kind} {@code fenced} or {@code indented}; a fenced block's language is the first word of
 * its info string ({@code langOrigin} {@code info-string}), its other attributes ({@code {file=~/etc/app.ini}},
 * {@code title="..."}) land in {@link Block#options()}. An indented block has no language ({@code default}).
 *
 * <p>Findings: an unclosed fence, a fence without a language, a tilde fence flexmark cannot read as one, a
 * snippet that does not exist (or includes itself), a duplicate heading, a local image that does not exist.
 */
public final class MarkdownReader implements GuideReader {

    /** flexmark's parser is immutable and safe to share; building one costs more than parsing a guide. */
    private static final Parser PARSER = Parser.builder(new MutableDataSet()
                    .set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create()))
                    .set(Parser.THEMATIC_BREAK_PARSER, false)
                    .set(Parser.HEADING_PARSER, false))
            .customBlockParserFactory(new ThematicBreaks())
            .customBlockParserFactory(new Headings())
            .customInlineParserFactory(new InlinesOnDemand())
            .build();

    /** MkDocs (pymdownx.snippets): {@code --8<-- "path"} on a line of its own, or a block of paths between two markers. */
    private static final Pattern SNIPPET_LINE = Pattern.compile("^\\s*--8<--\\s+([\"'])(.+?)\\1\\s*$");
    private static final String SNIPPET_MARKER = "--8<--";
    /** flexmark follows CommonMark 0.28 here: a {@code ~~~} fence whose info string holds a {@code ~} is no fence. */
    private static final Pattern TILDE_IN_TILDE_INFO = Pattern.compile("^ {0,3}(~{3,})[^~]*~.*");

    @Override
    public Guide read(Path file, SourceRoots roots) {
        Walk walk = new Walk(roots);
        walk.readFile(file, true);
        return new Guide(file, roots.root(), "markdown", walk.title, walk.blocks, walk.findings);
    }

    /** One reading of a guide and its snippets: the state that spans files. */
    private static final class Walk {
        private final SourceRoots roots;
        private final Path root;
        private final List<Block> blocks = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final HeadingLedger headings = new HeadingLedger(findings);
        /** the open headings, outermost first: level and text */
        private final List<Map.Entry<Integer, String>> sections = new ArrayList<>();
        private final Set<Path> including = new HashSet<>();
        private final TabSets tabs = new TabSets();
        /** the label of the {@code <details>} the walk stands in, for the next fenced block; null when none */
        private String summary;
        private String title;

        Walk(SourceRoots roots) {
            this.roots = roots;
            this.root = roots.root();
        }

        void readFile(Path file, boolean top) {
            String source = LiteralBlocks.relative(root, file);
            String text = GuideText.read(file);
            ContainerDepth.check(text, file);
            DirectiveDepth.check(text, file);
            Document doc = PARSER.parse(text);
            including.add(file.toAbsolutePath().normalize());
            visitChildren(doc, new Place(file, source, new TextLines(text), 0, 0), top, List.of());
            including.remove(file.toAbsolutePath().normalize());
        }

        /** The tree in document order, with a stack of its own: nesting is bounded, but not by the JVM's stack. */
        private void visitChildren(Node parent, Place place, boolean top, List<String> context) {
            Deque<Map.Entry<Node, List<String>>> pending = new ArrayDeque<>();
            push(parent, context, pending);
            int readTo = 0;
            while (!pending.isEmpty()) {
                Map.Entry<Node, List<String>> next = pending.pop();
                Node node = next.getKey();
                String container = containerName(node);
                if (place.lines.lineNumber(node.getStartOffset()) <= readTo) {
                    continue;
                }
                if (container == null) {
                    readTo = Math.max(readTo, visit(node, place, top, next.getValue()));
                } else {
                    List<String> inner = new ArrayList<>(next.getValue());
                    inner.add(container);
                    push(node, inner, pending);
                }
            }
        }

        private static void push(Node parent, List<String> context, Deque<Map.Entry<Node, List<String>>> pending) {
            for (Node node = parent.getLastChild(); node != null; node = node.getPrevious()) {
                pending.push(Map.entry(node, context));
            }
        }

        /** Reads one node; returns the last line of the text walked that it read beyond itself, else 0. */
        private int visit(Node node, Place place, boolean top, List<String> context) {
            if (node instanceof Paragraph paragraph) {
                int line = place.lines.lineNumber(paragraph.getStartOffset());
                Optional<IndentedBody> body = IndentedBody.at(place.lines, line,
                        place.lines.column(paragraph.getStartOffset()));
                if (body.isPresent()) {
                    indentedBody(body.get(), line, place, top, context);
                    return body.get().lastLine();
                }
                Optional<HighlightTag> tag = HighlightTag.at(place.lines, line);
                if (tag.isPresent()) {
                    return highlightTag(tag.get(), paragraph, place, context);
                }
            }
            if (node instanceof YamlFrontMatterBlock frontMatter) {
                if (top) {
                    title = frontMatterTitle(frontMatter);
                }
            } else if (node instanceof Heading heading) {
                heading(heading, place);
            } else if (node instanceof FencedCodeBlock fenced) {
                fenced(fenced, place, top, context);
            } else if (node instanceof IndentedCodeBlock indented) {
                blocks.add(indented(indented, place, context));
            } else if (node instanceof Paragraph paragraph) {
                summary = null;
                paragraph(paragraph, place);
            } else if (node instanceof HtmlBlock html) {
                Optional<HtmlPre> pre = HtmlPre.of(html.getChars().toString());
                if (pre.isPresent()) {
                    int line = place.line(html.getStartOffset());
                    blocks.add(LiteralBlocks.block("html-pre", pre.get().language(), pre.get().language() == null
                            ? "default" : "attribute", place.source, line, line + pre.get().lineShift(),
                            place.column(html.getStartOffset()), Map.of(), sectionPath(), tabs.withHtmlTab(context),
                            precedingText(html), pre.get().text()));
                } else {
                    tabs.html(html.getChars().toString(), place.line(html.getStartOffset()));
                    summary = Disclosure.summaryIn(html.getChars().toString(), summary);
                }
            }
            return 0;
        }

        /** A Jekyll or Hugo highlight tag's block; returns the line of its closing tag (the text's last when none). */
        private int highlightTag(HighlightTag tag, Paragraph opening, Place place, List<String> context) {
            int line = place.line(opening.getStartOffset());
            if (tag.lastLine() < 0) {
                findings.add(new Finding(place.source, line, Finding.Level.ERROR, "unclosed-fence",
                        "highlight tag never closed: everything after it is read as code"));
            }
            blocks.add(LiteralBlocks.block("highlight", tag.language(), "info-string", place.source, line, line + 1,
                    place.column(opening.getStartOffset()), Map.of(), sectionPath(), tabs.withHtmlTab(context),
                    precedingText(opening), tag.text()));
            return tag.lastLine() < 0 ? place.lines.lineCount() : tag.lastLine();
        }

        /** An MkDocs admonition's or content tab's body, read as a document of its own. */
        private void indentedBody(IndentedBody body, int markerLine, Place place, boolean top, List<String> context) {
            String entry = body.context();
            if (body.isTab()) {
                entry = tabs.contentTab(place, markerLine, place.lineShift + markerLine, body,
                        l -> place.lines.line(l - 1).isBlank()).context();
            }
            readBody(body.text(), place.within(body.text(), place.lineShift + body.firstLine(),
                    place.columnShift + body.column()), top, context, entry, place.lineShift + markerLine);
        }

        /**
         * MyST's {@code literalinclude}: the lines of a file below the runbook (relative to this file's folder, or
         * with a leading {@code /} to the source root), clipped by the options at the top of the body as Sphinx
         * clips them; the block stands in that file, where {@code update} would write.
         */
        private void literalInclude(FencedCodeBlock fenced, Place place, List<String> context, String argument) {
            int line = place.line(fenced.getStartOffset());
            if (argument == null) {
                findings.add(new Finding(place.source, line, Finding.Level.ERROR, Finding.MISSING_INCLUDE,
                        "literalinclude names no file"));
                return;
            }
            Path target = argument.startsWith("/") ? root.resolve(argument.replaceFirst("^/+", "")).normalize()
                    : place.file.toAbsolutePath().getParent().resolve(argument).normalize();
            target = IncludeFence.check(target, roots, argument, place.file, line);
            if (!target.toFile().isFile()) {
                findings.add(new Finding(place.source, line, Finding.Level.ERROR, Finding.MISSING_INCLUDE,
                        "literalinclude \"" + argument + "\" does not exist"));
                return;
            }
            Map<String, String> options = MystDirective.body(text(fenced.getContentChars())).options();
            LiteralInclude shown;
            try {
                shown = LiteralInclude.of(fileLines(GuideText.read(target)), options);
            } catch (IllegalArgumentException e) {
                findings.add(new Finding(place.source, line, Finding.Level.ERROR, "directive",
                        "literalinclude \"" + argument + "\": " + e.getMessage()));
                return;
            }
            blocks.add(LiteralBlocks.block("literalinclude", options.get("language"),
                    options.containsKey("language") ? "info-string" : "default", LiteralBlocks.relative(root, target),
                    shown.firstLine(), shown.firstLine(), 0, options, sectionPath(), tabs.withHtmlTab(context),
                    precedingText(fenced), shown.text()));
        }

        /** A directive's body as a document of its own, {@code entry} added to the context of its blocks. */
        private void readBody(String text, Place inner, boolean top, List<String> context, String entry, int line) {
            if (context.size() >= ContainerDepth.LIMIT) {
                throw new BadInput(SourceText.display(inner.file), line,
                        "directives nested deeper than " + ContainerDepth.LIMIT + " levels");
            }
            List<String> within = new ArrayList<>(context);
            within.add(entry);
            visitChildren(PARSER.parse(text), inner, top, within);
        }


        private void heading(Heading heading, Place place) {
            String text = new TextCollectingVisitor().collectAndGetText(heading).strip();
            int line = place.line(heading.getStartOffset());
            while (!sections.isEmpty() && sections.get(sections.size() - 1).getKey() >= heading.getLevel()) {
                sections.remove(sections.size() - 1);
            }
            sections.add(Map.entry(heading.getLevel(), text));
            headings.heading(text, place.source, line);
            if (title == null && heading.getLevel() == 1) {
                title = text;
            }
        }

        private void fenced(FencedCodeBlock fenced, Place place, boolean top, List<String> context) {
            String source = place.source;
            int line = place.line(fenced.getStartOffset());
            String fence = fenced.getOpeningMarker().toString();
            if (fenced.getClosingMarker().isEmpty()) {
                findings.add(new Finding(source, line, Finding.Level.ERROR, "unclosed-fence",
                        "unclosed " + fence + " fence: everything after it to the end of its "
                                + (context.isEmpty() ? "document" : "container") + " is read as code"));
            }
            Optional<MystDirective> directive = MystDirective.of(fenced.getInfo().toString());
            if (directive.isPresent() && directive.get().markdown()) {
                nested(fenced, place, top, context, directive.get());
                return;
            }
            if (directive.isPresent() && directive.get().isLiteralInclude()) {
                literalInclude(fenced, place, context, directive.get().argument());
                return;
            }
            InfoString info = directive.map(d -> new InfoString(d.language(), d.attributes()))
                    .orElseGet(() -> InfoString.parse(fenced.getInfo().toString()));
            MystDirective.Body body = directive.isPresent() ? MystDirective.body(text(fenced.getContentChars()))
                    : DigitalOceanLabels.body(text(fenced.getContentChars()));
            Map<String, String> attributes = new LinkedHashMap<>(body.options());
            attributes.putAll(info.attributes());
            if (summary != null) {
                // the label GitHub shows over a folded block: <details><summary>Output</summary>
                attributes.putIfAbsent("caption", summary);
                summary = null;
            }
            if (info.language() == null) {
                findings.add(new Finding(source, line, Finding.Level.WARNING, "missing-language",
                        "fenced block without a language: name it after the " + fence
                                + " (console for a terminal session, text for what a command printed, or the file's "
                                + "format)"));
            }
            blocks.add(LiteralBlocks.block(directive.map(MystDirective::kind).orElse("fenced"), info.language(),
                    info.language() == null ? "default" : "info-string", source, line, line + 1 + body.lines(),
                    place.column(fenced.getOpeningMarker().getStartOffset()), attributes, sectionPath(),
                    tabs.withFenceTab(context, fenced.getInfo().toString()), precedingText(fenced), body.text()));
        }

        /**
         * A MyST directive's Markdown body, read as a document of its own whose lines are the fence's: the blocks
         * an admonition or a tab holds are the guide's as any other.
         */
        private void nested(FencedCodeBlock fenced, Place place, boolean top, List<String> context,
                            MystDirective directive) {
            MystDirective.Body body = MystDirective.body(fenced.getContentChars().toString());
            int line = place.line(fenced.getStartOffset());
            Place inner = place.within(body.text(), line + 1 + body.lines(),
                    place.column(fenced.getOpeningMarker().getStartOffset()));
            if (directive.isTabSet()) {
                tabs.openSet(line);
                readBody(body.text(), inner, top, context, directive.name(), line);
                tabs.closeSet();
            } else if (directive.isTab()) {
                Tab tab = tabs.tab(line, directive.argument() == null ? "" : directive.argument());
                readBody(body.text(), inner, top, context, tab.context(), line);
            } else {
                readBody(body.text(), inner, top, context, directive.context(), line);
            }
        }

        private Block indented(IndentedCodeBlock indented, Place place, List<String> context) {
            int line = place.line(indented.getStartOffset());
            return LiteralBlocks.block("indented", null, "default", place.source, line, line,
                    place.column(indented.getContentLines().get(0).getStartOffset()), Map.of(), sectionPath(),
                    tabs.withHtmlTab(context), precedingText(indented), text(indented.getContentChars()));
        }

        private void paragraph(Paragraph paragraph, Place place) {
            List<String> lines = paragraphLines(paragraph);
            int line = place.line(paragraph.getStartOffset());
            tabs.paragraph(lines, line);
            if (TILDE_IN_TILDE_INFO.matcher(lines.get(0)).matches()) {
                findings.add(new Finding(place.source, line, Finding.Level.WARNING, "fence-info-tilde",
                        "a ~~~ fence whose info string holds a '~' is read as a paragraph by CommonMark 0.28 "
                                + "parsers (flexmark among them): open it with ``` instead"));
            }
            List<Map.Entry<Integer, String>> snippets = snippets(lines, line);
            for (Map.Entry<Integer, String> snippet : snippets) {
                include(snippet.getValue(), place, snippet.getKey());
            }
            for (Node inline : paragraph.getDescendants()) {
                if (inline instanceof Image image) {
                    MissingImages.check(image.getUrl().toString(), place.file.toAbsolutePath().getParent(),
                            root.toAbsolutePath(), place.source, place.line(image.getStartOffset()), findings);
                }
            }
        }

        /** The snippet paths a paragraph holds with their lines, or none when it is ordinary prose. */
        private static List<Map.Entry<Integer, String>> snippets(List<String> lines, int firstLine) {
            List<Map.Entry<Integer, String>> paths = new ArrayList<>();
            boolean block = lines.size() >= 2 && lines.get(0).strip().equals(SNIPPET_MARKER)
                    && lines.get(lines.size() - 1).strip().equals(SNIPPET_MARKER);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = SNIPPET_LINE.matcher(lines.get(i));
                if (block && i > 0 && i < lines.size() - 1 && !lines.get(i).isBlank()) {
                    paths.add(Map.entry(firstLine + i, lines.get(i).strip()));
                } else if (m.matches()) {
                    paths.add(Map.entry(firstLine + i, m.group(2)));
                } else if (!block) {
                    return List.of();
                }
            }
            return paths;
        }

        /** Inlines a snippet: relative to the including file, else to the root (MkDocs' base_path). */
        private void include(String target, Place place, int line) {
            String source = place.source;
            Path parent = place.file.toAbsolutePath().getParent();
            Path candidate = parent.resolve(target).normalize();
            if (!candidate.toFile().isFile()) {
                Path fromRoot = root.resolve(target).normalize();
                candidate = fromRoot.toFile().isFile() ? fromRoot : candidate;
            }
            candidate = IncludeFence.check(candidate, roots, target, place.file, line);
            if (!candidate.toFile().isFile()) {
                findings.add(new Finding(source, line, Finding.Level.ERROR, Finding.MISSING_INCLUDE,
                        "snippet \"" + target + "\" does not exist"));
            } else if (including.contains(candidate)) {
                findings.add(new Finding(source, line, Finding.Level.ERROR, "include-cycle",
                        "snippet \"" + target + "\" includes itself"));
            } else {
                readFile(candidate, false);
            }
        }

        private List<String> sectionPath() {
            return sections.stream().map(Map.Entry::getValue).toList();
        }
    }

    /**
     * The text being walked, the file's or a directive's body: where it is, how blocks name it, its line index, and
     * where its first line and column are in the file.
     */
    private record Place(Path file, String source, TextLines lines, int lineShift, int columnShift) {

        int line(int offset) {
            return lines.lineNumber(offset) + lineShift;
        }

        int column(int offset) {
            return lines.column(offset) + columnShift;
        }

        /** A directive's body, whose first line is {@code firstLine} of the file, indented by {@code column}. */
        Place within(String body, int firstLine, int column) {
            return new Place(file, source, new TextLines(body), firstLine - 1, column);
        }
    }

    private static String frontMatterTitle(YamlFrontMatterBlock frontMatter) {
        for (Node node = frontMatter.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof YamlFrontMatterNode entry && entry.getKey().equals("title")
                    && !entry.getValues().isEmpty()) {
                return QuotedText.unquote(entry.getValues().get(0).strip());
            }
        }
        return null;
    }

    /** The names docutils gives the same containers, so that Block.context reads alike in every format. */
    private static String containerName(Node node) {
        if (node instanceof BulletList) {
            return "bullet_list";
        }
        if (node instanceof OrderedList) {
            return "enumerated_list";
        }
        if (node instanceof ListItem) {
            return "list_item";
        }
        if (node instanceof BlockQuote) {
            return "block_quote";
        }
        return null;
    }

    /**
     * The paragraph just before a block, as docutils' oracle finds it: the nearest earlier sibling that is a
     * paragraph (or the last paragraph inside an earlier container), climbing up to three levels when the block
     * opens its container. A heading in between means there is none.
     */
    private static String precedingText(Node block) {
        Node current = block;
        for (int level = 0; level < 3 && current.getParent() != null; level++) {
            for (Node sibling = current.getPrevious(); sibling != null; sibling = sibling.getPrevious()) {
                if (sibling instanceof BlankLine || sibling instanceof HtmlCommentBlock || sibling instanceof Reference) {
                    continue;
                }
                if (sibling instanceof Paragraph paragraph) {
                    return String.join("\n", paragraphLines(paragraph));
                }
                if (containerName(sibling) != null) {
                    Paragraph last = lastParagraph(sibling);
                    return last == null ? null : String.join("\n", paragraphLines(last));
                }
                return null;
            }
            current = current.getParent();
            if (current instanceof Document) {
                return null;
            }
        }
        return null;
    }

    /** The last paragraph inside a node: its children from the last, each searched before the one before it. */
    private static Paragraph lastParagraph(Node node) {
        Deque<Node> pending = new ArrayDeque<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            pending.push(child);
        }
        while (!pending.isEmpty()) {
            Node child = pending.pop();
            if (child instanceof Paragraph paragraph) {
                return paragraph;
            }
            for (Node inner = child.getFirstChild(); inner != null; inner = inner.getNext()) {
                pending.push(inner);
            }
        }
        return null;
    }

    /** A paragraph's source lines without container prefixes ({@code > }, list indentation) or line ends. */
    private static List<String> paragraphLines(Paragraph paragraph) {
        List<String> lines = new ArrayList<>();
        for (BasedSequence line : paragraph.getContentLines()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** A file's lines, without the empty one after its last line end. */
    private static List<String> fileLines(String content) {
        List<String> lines = new ArrayList<>(List.of(content.split("\r?\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Block content without the final line end and without trailing blank lines (docutils drops those too). */
    private static String text(BasedSequence content) {
        String text = content.toString();
        int end = text.length();
        while (true) {
            int lineStart = text.lastIndexOf('\n', end - 1) + 1;
            if (!text.substring(lineStart, end).isBlank()) {
                return text.substring(0, end);
            }
            if (lineStart == 0) {
                return "";
            }
            end = lineStart - 1;
        }
    }
}
