package dev.rehearse.read.rst;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Tab;

import dev.rehearse.read.common.Py;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the parsed document in order and turns every literal block into a {@link Block}, exactly as the docutils
 * oracle reports it: the highlight language in force, the file and line the block stands in, its section path, the
 * containers around it and the paragraph before it.
 */
final class BlockExtractor {

    private final Memo memo;
    private final Path root;
    /** The root's path and a separator: how the path of every source below it starts. */
    private final String rootPrefix;
    private String highlight;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, String> relativeSources = new HashMap<>();

    private BlockExtractor(Memo memo) {
        this.memo = memo;
        this.root = memo.settings.root;
        this.rootPrefix = root.toString().endsWith(root.getFileSystem().getSeparator()) ? root.toString()
                : root + root.getFileSystem().getSeparator();
    }

    static List<Block> extract(Memo memo) {
        BlockExtractor extractor = new BlockExtractor(memo);
        extractor.visit(memo.document);
        return extractor.blocks;
    }

    private void visit(Node node) {
        switch (node.type) {
            case HIGHLIGHTLANG -> highlight = node.getString("lang");
            case LITERAL_BLOCK, DOCTEST_BLOCK -> blocks.add(block(node));
            default -> {
                // text elements (paragraphs, titles) hold inline markup only: no blocks, no markers
                if (node.type.isTextElement()) {
                    return;
                }
                for (Node child : node.children) {
                    visit(child);
                }
            }
        }
    }

    private Block block(Node node) {
        String kind;
        String language;
        String origin;
        if (node.is(NodeType.DOCTEST_BLOCK)) {
            kind = "doctest";
            language = "pycon";
            origin = "doctest";
        } else {
            kind = node.getString("kind");
            if (kind == null) {
                boolean markup = node.children.stream().anyMatch(c -> !c.is(NodeType.TEXT));
                kind = node.has("classes") && node.classes().contains("parsed-literal") || markup
                        ? "parsed-literal" : "literal";
            }
            if (node.has("language")) {
                language = node.getString("language");
                origin = "explicit";
            } else if (highlight != null) {
                language = highlight;
                origin = "highlight";
            } else {
                language = null;
                origin = "default";
            }
        }
        String source = node.source != null ? node.source : memo.document.source;
        int line = node.line == null ? 0 : node.line;
        // docutils may know a directive's line but not its content's (content past the end of a nested block)
        Object contentLineAttr = node.get("content_line");
        int contentLine = node.has("content_line") ? (contentLineAttr instanceof Integer i ? i : 0) : line;
        String text = node.astext();
        EmphasizeLines emphasis = (EmphasizeLines) node.get("emphasize");
        @SuppressWarnings("unchecked")
        Map<String, String> options = node.has("options") ? (Map<String, String>) node.get("options") : Map.of();
        return new Block(kind, language, origin, relative(source), line, contentLine,
                indent(source, contentLine, text), Collections.unmodifiableMap(options),
                emphasis == null ? null : emphasis.lines(), emphasis == null ? null : emphasis.error(),
                emphasis == null ? null : emphasis.outOfRange(), emphasis != null && emphasis.error() != null,
                sectionPath(node), context(node), precedingText(node), text);
    }

    private String relative(String source) {
        return relativeSources.computeIfAbsent(source, s -> {
            // sources are absolute and normalized, as the root is: a file below the root is the rest of its path
            if (s.length() > rootPrefix.length() && s.startsWith(rootPrefix)) {
                return s.substring(rootPrefix.length()).replace('\\', '/');
            }
            try {
                return root.relativize(Path.of(s)).toString().replace('\\', '/');
            } catch (IllegalArgumentException e) {
                return s;
            }
        });
    }

    /** Columns between the start of the file's line and the block's first content line. */
    private int indent(String source, int contentLine, String text) {
        List<String> lines = memo.settings.linesOf(source);
        if (lines == null || contentLine < 1 || contentLine > lines.size() || text.isEmpty()) {
            return 0;
        }
        String raw = lines.get(contentLine - 1);
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        return raw.endsWith(first) ? Math.max(0, raw.length() - first.length()) : 0;
    }

    private static List<String> sectionPath(Node node) {
        List<String> path = new ArrayList<>();
        for (Node p = node.parent; p != null; p = p.parent) {
            if (p.is(NodeType.SECTION) && !p.children.isEmpty() && p.children.get(0).is(NodeType.TITLE)) {
                path.add(0, p.children.get(0).astext());
            }
        }
        return List.copyOf(path);
    }

    private static List<String> context(Node node) {
        List<String> out = new ArrayList<>();
        for (Node p = node.parent; p != null && !p.is(NodeType.DOCUMENT); p = p.parent) {
            if (p.has(ContainerDirectives.TAB_LABEL)) {
                out.add(0, new Tab(tabSet(p), (String) p.get(ContainerDirectives.TAB_LABEL)).context());
            } else if (!p.is(NodeType.SECTION)) {
                List<String> classes = p.has("classes") ? p.classes() : List.of();
                out.add(0, p.type.tag() + (classes.isEmpty() ? "" : "(" + String.join(",", classes) + ")"));
            }
        }
        return List.copyOf(out);
    }

    /** A set of tabs is known by the line of its first tab (its own container keeps no line). */
    private static int tabSet(Node tab) {
        Node first = tab.parent == null ? tab : tab.parent.children.stream()
                .filter(n -> n.has(ContainerDirectives.TAB_LINE)).findFirst().orElse(tab);
        return (Integer) first.get(ContainerDirectives.TAB_LINE);
    }

    /**
     * The raw text of the nearest paragraph before the block (a sibling, or, when the block comes first in its
     * container, the container's predecessor, up to three levels), at most 400 characters.
     */
    static String precedingText(Node node) {
        Node current = node;
        for (int level = 0; level < 3; level++) {
            Node parent = current.parent;
            if (parent == null) {
                return null;
            }
            int index = parent.indexOf(current);
            for (int i = index - 1; i >= 0; i--) {
                Node sibling = parent.children.get(i);
                switch (sibling.type) {
                    case TARGET, SYSTEM_MESSAGE, COMMENT, SUBSTITUTION_DEFINITION, HIGHLIGHTLANG, META_ITEM -> {
                        continue;
                    }
                    case PARAGRAPH -> {
                        return textOf(sibling);
                    }
                    default -> {
                        if (sibling.children.isEmpty()) {
                            return null;
                        }
                        Node last = lastParagraph(sibling);
                        return last == null ? null : textOf(last);
                    }
                }
            }
            current = parent;
        }
        return null;
    }

    /** The last paragraph of a subtree in document order (docutils' {@code list(findall(paragraph))[-1]}). */
    private static Node lastParagraph(Node node) {
        for (int i = node.children.size() - 1; i >= 0; i--) {
            Node found = lastParagraph(node.children.get(i));
            if (found != null) {
                return found;
            }
        }
        return node.is(NodeType.PARAGRAPH) ? node : null;
    }

    private static String textOf(Node paragraph) {
        String text = paragraph.rawsource == null || paragraph.rawsource.isEmpty() ? paragraph.astext()
                : paragraph.rawsource;
        return Py.prefix(text, 400);
    }
}
