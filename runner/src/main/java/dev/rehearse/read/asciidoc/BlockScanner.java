package dev.rehearse.read.asciidoc;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Tab;
import dev.rehearse.read.common.HeadingLedger;
import dev.rehearse.read.common.LiteralBlocks;
import dev.rehearse.read.common.MissingImages;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line scanner over a preprocessed AsciiDoc guide that finds its verbatim blocks with their exact source lines.
 * asciidoc-java gives no positions (and loses some blocks, see {@link AsciidocReader}), so the block structure
 * that matters for lines is recognised here, following Asciidoctor's rules: delimited blocks close on the same
 * delimiter; a delimiter or an attribute line ends a paragraph, a section title does not; attribute lines and
 * a {@code .Title} attach to the next block; {@code +} attaches a block to the list item above.
 *
 * <p>Blocks: {@code ----} listings and {@code ```} fences (kind {@code listing}), {@code ....} literal blocks
 * and indented literal paragraphs (kind {@code literal}), and paragraphs styled {@code [source]},
 * {@code [listing]} or {@code [literal]}. Findings: unclosed delimiters, listings without a language,
 * duplicate headings, images that do not exist.
 */
final class BlockScanner {
    private static final Pattern HEADING = Pattern.compile("^(={1,6}|#{1,6})[ \\t]+(\\S.*?)(?:[ \\t]+\\1)?[ \\t]*$");
    private static final Pattern ATTRIBUTE_LINE = Pattern.compile("^\\[(?!\\[)(.*)]$");
    private static final Pattern ANCHOR_LINE = Pattern.compile("^\\[\\[.*]]$");
    private static final Pattern BLOCK_TITLE = Pattern.compile("^\\.([^.\\s].*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^[ \\t]*(\\*{1,5}|-|\\.{1,5}|\\d+\\.|[a-zA-Z]\\.)[ \\t]+(.*)$");
    private static final Pattern DESCRIPTION_ITEM = Pattern.compile("^(?!\\s)(.*?\\S)(:{2,4}|;;)(?:[ \\t]+(.*))?$");
    private static final Pattern BLOCK_MACRO = Pattern.compile("^\\w[\\w-]*::\\S*\\[.*]$");
    private static final Pattern FENCE = Pattern.compile("^```[ \\t]*([\\w+#.-]*)[ \\t]*$");
    private static final Pattern COMPOUND = Pattern.compile("^(={4,}|\\*{4,}|_{4,}|--)$");
    private static final Pattern VERBATIM = Pattern.compile("^(-{4,}|\\.{4,}|\\+{4,}|/{4,}|[|,:!]={3,})$");
    /** Asciidoctor's callout markers at the end of a verbatim line: {@code <1>}, {@code <.>}, {@code // <1>}, {@code # <2>} */
    private static final Pattern ESCAPED_DIRECTIVE = Pattern.compile("^\\\\((?:include|ifdef|ifndef|ifeval|endif)::.*)$");
    /** {@code image::x.png[]} on its own line, or {@code image:x.png[]} inline */
    private static final Pattern IMAGE = Pattern.compile("(?<![\\w:])image::?([^\\s\\[:][^\\s\\[]*)\\[");
    private static final Set<String> ADMONITIONS = Set.of("NOTE", "TIP", "IMPORTANT", "CAUTION", "WARNING");

    private final List<SourceLine> lines;
    private final Path docdir;
    private final Path root;
    private final List<Finding> findings;
    private final HeadingLedger ledger;
    /** every heading line as written (discrete ones too), in document order */
    private final List<String> headingLines = new ArrayList<>();
    private final Map<String, String> attributes = new LinkedHashMap<>(AttributeEntry.BUILT_IN);
    private final List<Block> blocks = new ArrayList<>();
    /** open sections, outermost first: level and title; the document title is level 0 */
    private final List<Map.Entry<Integer, String>> sections = new ArrayList<>();
    private final Deque<Compound> compounds = new ArrayDeque<>();

    /** Attribute lines and a title waiting for the block they belong to. */
    private AttributeList pendingAttributes;
    private SourceLine pendingAttributeLine;
    private String pendingTitle;
    /** The text of the paragraph a block would name as the one before it (docutils' preceding_text), or null. */
    private String lastProse;
    /** The list the scan is in (bullet_list ...), or null; and whether a {@code +} attached the next block to it. */
    private String list;
    private boolean attached;
    private boolean afterBlank = true;
    /** in the document header: the lines right under {@code = Title} up to the first blank line */
    private boolean inHeader;

    /** An open example, sidebar, quote or open block: its delimiter and the context name blocks inside get. */
    private static final class Compound {
        final String delimiter;
        final String context;
        final SourceLine opened;
        String lastParagraph;
        /** in a {@code [tabs]} block (asciidoctor-tabs, Antora): the tab whose term came last, else null */
        Tab tab;

        Compound(String delimiter, String context, SourceLine opened) {
            this.delimiter = delimiter;
            this.context = context;
            this.opened = opened;
        }
    }

    /**
     * @param lines  the preprocessed guide
     * @param docdir the guide's own folder, which images resolve against (through {@code :imagesdir:})
     * @param root   the source root
     */
    BlockScanner(List<SourceLine> lines, Path docdir, Path root, List<Finding> findings) {
        this.lines = lines;
        this.docdir = docdir;
        this.root = root;
        this.findings = findings;
        this.ledger = new HeadingLedger(findings);
    }

    /** Blocks with their section titles as written (see {@link SectionTitles} for their rendered text). */
    List<Block> scan() {
        int i = 0;
        while (i < lines.size()) {
            i = step(i);
        }
        for (Compound open : compounds) {
            finding(open.opened, Finding.Level.ERROR, "unclosed-delimiter",
                    "unclosed " + open.delimiter + " delimiter: the block runs to the end of the document");
        }
        return blocks;
    }

    /** Reads the construct that starts at line {@code i}; returns the index after it. */
    private int step(int i) {
        SourceLine line = lines.get(i);
        String text = line.text();
        if (text.isBlank()) {
            afterBlank = true;
            inHeader = false;
            return i + 1;
        }
        if (inHeader) {
            // the author and revision lines under the document title are no prose; attribute entries still count
            AttributeEntry.apply(text, attributes);
            return i + 1;
        }
        if (text.startsWith("//") && !text.startsWith("////")) {
            return i + 1;
        }
        boolean blank = afterBlank;
        afterBlank = false;
        if (AttributeEntry.apply(text, attributes) || ANCHOR_LINE.matcher(text).matches()) {
            return i + 1;
        }
        Matcher m;
        if ((m = ATTRIBUTE_LINE.matcher(text)).matches()) {
            AttributeList parsed = AttributeList.parse(m.group(1));
            pendingAttributeLine = pendingAttributes == null ? line : pendingAttributeLine;
            pendingAttributes = pendingAttributes == null ? parsed : pendingAttributes.with(parsed);
            return i + 1;
        }
        if ((m = BLOCK_TITLE.matcher(text)).matches()) {
            pendingTitle = m.group(1).strip();
            return i + 1;
        }
        if ((m = HEADING.matcher(text)).matches()) {
            heading(m.group(1).length() - 1, m.group(2), line);
            return i + 1;
        }
        if (text.equals("+") && list != null) {
            attached = true;
            return i + 1;
        }
        if (compounds.peek() != null && text.equals(compounds.peek().delimiter)) {
            Compound closed = compounds.pop();
            lastProse = closed.lastParagraph;
            return i + 1;
        }
        boolean listItem = LIST_ITEM.matcher(text).matches();
        if (blank && list != null && !attached && !listItem) {
            // after a blank line, an indented paragraph still belongs to the item above; anything else ends the list
            attached = indented(text);
            list = attached ? list : null;
        }
        if (COMPOUND.matcher(text).matches()) {
            openCompound(line);
            return i + 1;
        }
        if (VERBATIM.matcher(text).matches() || FENCE.matcher(text).matches()) {
            return delimited(i);
        }
        if (BLOCK_MACRO.matcher(text).matches()) {
            images(line);
            clearPending();
            lastProse = null;
            return i + 1;
        }
        String style = pendingAttributes == null ? "" : pendingAttributes.style();
        boolean verbatimStyle = style.equals("source") || style.equals("listing") || style.equals("literal");
        if (verbatimStyle || (!listItem && indented(text))) {
            return styledParagraph(i);
        }
        return paragraph(i);
    }

    private static boolean indented(String text) {
        return text.startsWith(" ") || text.startsWith("\t");
    }

    /** The heading lines the scan met, as written ({@code == Install *now*}), in document order. */
    List<String> headingLines() {
        return headingLines;
    }

    private void heading(int level, String written, SourceLine line) {
        String title = written.strip();
        headingLines.add(line.text());
        boolean discrete = pendingAttributes != null
                && (pendingAttributes.style().equals("discrete") || pendingAttributes.style().equals("float"));
        clearPending();
        lastProse = null;
        list = null;
        ledger.heading(title, line.source(), line.line());
        // the document title ("= Title" on top) heads the document, not a section (Guide.title has it), as
        // docutils treats a lone top title; a level-0 title further down (a book's part) is a section
        inHeader = level == 0 && headingLines.size() == 1;
        if (!discrete && !inHeader) {
            while (!sections.isEmpty() && sections.get(sections.size() - 1).getKey() >= level) {
                sections.remove(sections.size() - 1);
            }
            sections.add(Map.entry(level, title));
        }
    }

    private void openCompound(SourceLine line) {
        String style = pendingAttributes == null ? "" : pendingAttributes.style();
        String context = style.equals("tabs") ? "tabs" : ADMONITIONS.contains(style) ? style.toLowerCase()
                : switch (line.text().charAt(0)) {
                    case '=' -> "example";
                    case '*' -> "sidebar";
                    case '_' -> "block_quote";
                    default -> null;
                };
        compounds.push(new Compound(line.text(), context, line));
        clearPending();
        attached = false;
    }

    /** A delimited verbatim block: listing, literal, fence, and the ones we step over (comment, pass, table). */
    private int delimited(int open) {
        SourceLine opening = lines.get(open);
        Matcher fence = FENCE.matcher(opening.text());
        boolean fenced = fence.matches();
        String closer = fenced ? "```" : opening.text();
        int close = open + 1;
        while (close < lines.size() && !lines.get(close).text().equals(closer)) {
            close++;
        }
        char kind = opening.text().charAt(0);
        if (close == lines.size()) {
            finding(opening, Finding.Level.ERROR, "unclosed-delimiter", "unclosed " + closer
                    + " delimiter: everything after it to the end of the document is read as its content");
        }
        if (fenced || kind == '-' || kind == '.') {
            String style = pendingAttributes == null ? "" : pendingAttributes.style();
            boolean literal = style.equals("literal") || (kind == '.' && !style.equals("source") && !style.equals("listing"));
            String fenceLanguage = fenced && !fence.group(1).isEmpty() ? fence.group(1) : null;
            emit(literal ? "literal" : "listing", style, fenceLanguage, opening, lines.subList(open + 1, close), 0);
        } else if (kind != '/') {
            clearPending();
            lastProse = null;
        }
        return Math.min(close + 1, lines.size());
    }

    /** A paragraph styled as a verbatim block ({@code [source,console]} above it), or an indented literal paragraph. */
    private int styledParagraph(int start) {
        int end = start;
        while (end < lines.size() && !lines.get(end).text().isBlank()) {
            end++;
        }
        List<SourceLine> content = lines.subList(start, end);
        int indent = content.stream().mapToInt(l -> l.text().length() - l.text().stripLeading().length()).min().orElse(0);
        String style = pendingAttributes == null ? "" : pendingAttributes.style();
        emit(style.equals("source") || style.equals("listing") ? "listing" : "literal", style, null,
                null, content, indent);
        return end;
    }

    /** Prose: its raw lines become the text blocks after it name as preceding. */
    private int paragraph(int start) {
        List<String> raw = new ArrayList<>();
        String first = lines.get(start).text();
        Matcher item = LIST_ITEM.matcher(first);
        Matcher term = DESCRIPTION_ITEM.matcher(first);
        if (item.matches()) {
            list = item.group(1).matches("[*-]+") ? "bullet_list" : "enumerated_list";
            raw.add(item.group(2));
        } else if (term.matches()) {
            Compound tabs = compounds.peek();
            if (tabs != null && "tabs".equals(tabs.context)) {
                // in [tabs], each term is a tab's label and what is attached to it the tab's content
                tabs.tab = new Tab(tabs.opened.line(), term.group(1).strip());
            }
            // the prose of a description is its definition; the term alone only when nothing else follows
            list = "definition_list";
            if (term.group(3) != null) {
                raw.add(term.group(3));
            }
        } else {
            raw.add(first);
        }
        attached = false;
        images(lines.get(start));
        int i = start + 1;
        while (i < lines.size()) {
            String text = lines.get(i).text();
            boolean ends = text.isBlank() || text.equals("+") || ATTRIBUTE_LINE.matcher(text).matches()
                    || VERBATIM.matcher(text).matches() || COMPOUND.matcher(text).matches()
                    || FENCE.matcher(text).matches() || (list != null && LIST_ITEM.matcher(text).matches());
            if (ends) {
                break;
            }
            if (!text.startsWith("//")) {
                raw.add(text.strip());
                images(lines.get(i));
            }
            i++;
        }
        clearPending();
        lastProse = raw.isEmpty() ? term.group(1) : String.join("\n", raw);
        if (compounds.peek() != null) {
            compounds.peek().lastParagraph = lastProse;
        }
        return i;
    }

    /**
     * @param opening the delimiter line, or null for a paragraph-form block (whose content starts at once)
     * @param indent  columns stripped from every content line
     */
    private void emit(String kind, String style, String fenceLanguage, SourceLine opening, List<SourceLine> content,
                      int indent) {
        AttributeList attrs = pendingAttributes;
        SourceLine first = pendingAttributeLine != null ? pendingAttributeLine : opening != null ? opening : content.get(0);
        String language = fenceLanguage != null ? fenceLanguage : attrs == null ? null : attrs.language();
        String origin = fenceLanguage != null ? "info-string" : "attribute";
        boolean sourceLike = kind.equals("listing") && !style.equals("listing");
        if (language == null && sourceLike && attributes.containsKey("source-language")) {
            // Asciidoctor 2: [source] without a language, and a listing without a style, take :source-language:
            language = attributes.get("source-language");
            origin = "highlight";
        }
        if (language == null) {
            origin = "default";
            if (kind.equals("listing")) {
                finding(first, Finding.Level.WARNING, "missing-language",
                        "listing without a language: write [source,console] above it for a terminal session, "
                                + "[source,text] for what a command printed (or the file's format)");
            }
        }
        Map<String, String> options = new LinkedHashMap<>(attrs == null ? Map.of() : attrs.named());
        if (pendingTitle != null) {
            options.put("title", pendingTitle);
        }
        int skip = 0;
        while (skip < content.size() && content.get(skip).text().isBlank()) {
            skip++;
        }
        // an include inside the block may bring its content from another file: then count lines in the block's own
        SourceLine firstContent = skip < content.size() ? content.get(skip) : null;
        int contentLine = firstContent != null && firstContent.source().equals(first.source()) ? firstContent.line()
                : opening != null ? opening.line() + 1 : first.line();
        String subs = options.getOrDefault("subs", "");
        String text = text(content.subList(skip, content.size()), indent, subs);
        String preceding = pendingTitle == null ? lastProse
                : lastProse == null ? pendingTitle : lastProse + "\n" + pendingTitle;
        blocks.add(LiteralBlocks.block(kind, language, origin, first.source(), first.line(), contentLine, indent,
                options, sections.stream().map(Map.Entry::getValue).toList(), context(), preceding, text));
        clearPending();
        attached = false;
        lastProse = null;
    }

    /**
     * The block's text as Asciidoctor shows it: indentation and trailing blank lines removed, escaped preprocessor
     * directives unescaped, callout markers dropped (they are pointers, not content: a {@code <1>} left on a
     * command would be a shell redirection), attribute references substituted when {@code subs} asks for it, and
     * bold and italic markup taken away when it asks for quotes (Red Hat's {@code $ *oc login*}).
     */
    private String text(List<SourceLine> content, int indent, String subs) {
        List<String> out = new ArrayList<>();
        boolean callouts = calloutsOn(subs);
        for (SourceLine line : content) {
            String text = line.text().length() >= indent ? line.text().substring(indent) : line.text().stripLeading();
            Matcher escaped = ESCAPED_DIRECTIVE.matcher(text);
            text = escaped.matches() ? escaped.group(1) : text;
            text = callouts ? withoutCallouts(text) : text;
            text = subs.contains("attributes") ? AttributeEntry.substitute(text, attributes) : text;
            text = subs.contains("quotes") ? QuotesMarkup.strip(text) : text;
            out.add(text);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    /**
     * The line without its trailing callouts, {@code (?:[ \t]*(?://|#|--|;;)?[ \t]*<(?:\d+|\.)>)+[ \t]*$} as
     * Asciidoctor finds them (and its XML form, {@code <!--1-->}), read from the end: as a regular expression its two
     * blank runs could split a long run of blanks every way, which took minutes on one line of tabs and spaces.
     */
    static String withoutCallouts(String line) {
        int end = skipBlanks(line, line.length());
        int start = -1;
        int at = end;
        while (at > 0 && line.charAt(at - 1) == '>') {
            int xml = xmlCallout(line, at);
            if (xml >= 0) {
                at = skipBlanks(line, xml);
                start = at;
                continue;
            }
            int open = at - 2;
            while (open >= 0 && Character.isDigit(line.charAt(open)) && line.charAt(open) < 0x80) {
                open--;
            }
            boolean number = open < at - 2;
            boolean dot = !number && open == at - 2 && open >= 1 && line.charAt(open) == '.';
            if (dot) {
                open--;
            }
            if (open < 0 || line.charAt(open) != '<' || !number && !dot) {
                break;
            }
            at = skipBlanks(line, open);
            for (String comment : List.of("//", "#", "--", ";;")) {
                if (line.startsWith(comment, at - comment.length()) && at - comment.length() >= 0) {
                    at = skipBlanks(line, at - comment.length());
                    break;
                }
            }
            start = at;
        }
        return start < 0 ? line : line.substring(0, start);
    }

    /** Where an XML-style callout ({@code <!--1-->}, {@code <!--.-->}) ending at {@code end} starts; else -1. */
    private static int xmlCallout(String line, int end) {
        if (!line.startsWith("-->", end - 3)) {
            return -1;
        }
        int open = end - 4;
        while (open >= 0 && Character.isDigit(line.charAt(open)) && line.charAt(open) < 0x80) {
            open--;
        }
        boolean number = open < end - 4;
        if (!number && open >= 0 && line.charAt(open) == '.') {
            open--;
            number = true;
        }
        return number && open >= 3 && line.startsWith("<!--", open - 3) ? open - 3 : -1;
    }

    private static int skipBlanks(String line, int end) {
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    /**
     * Whether a verbatim block's {@code subs} keep the callouts substitution: the default, an incremental list
     * ({@code attributes+}, {@code +quotes}) without {@code -callouts}, or a list naming callouts or verbatim.
     */
    private static boolean calloutsOn(String subs) {
        if (subs.isBlank()) {
            return true;
        }
        if (subs.contains("-callouts")) {
            return false;
        }
        boolean incremental = Arrays.stream(subs.split(",")).map(String::strip)
                .allMatch(s -> s.startsWith("+") || s.startsWith("-") || s.endsWith("+"));
        return incremental || subs.contains("callouts") || subs.contains("verbatim");
    }

    private List<String> context() {
        List<String> context = new ArrayList<>();
        compounds.descendingIterator().forEachRemaining(c -> {
            if (c.context != null) {
                context.add(c.context);
            }
            if (c.tab != null) {
                context.add(c.tab.context());
            }
        });
        if (attached && list != null) {
            context.add(list);
            context.add(list.equals("definition_list") ? "definition_list_item" : "list_item");
        }
        return context;
    }

    /** Reports images on a line whose file does not exist (relative to {@code :imagesdir:} under the guide's folder). */
    private void images(SourceLine line) {
        Matcher m = IMAGE.matcher(line.text());
        while (m.find()) {
            Path folder = docdir.resolve(attributes.getOrDefault("imagesdir", ""));
            MissingImages.check(m.group(1), folder, root, line.source(), line.line(), findings);
        }
    }

    private void clearPending() {
        pendingAttributes = null;
        pendingAttributeLine = null;
        pendingTitle = null;
    }

    private void finding(SourceLine where, Finding.Level level, String rule, String message) {
        findings.add(new Finding(where.source(), where.line(), level, rule, message));
    }
}
