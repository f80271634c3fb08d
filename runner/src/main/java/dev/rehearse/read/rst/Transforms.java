package dev.rehearse.read.rst;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The docutils transforms that change what the reader reports: substitution references are replaced by their
 * definitions (titles show the replacement text), and a lone top-level section becomes the document title (its
 * title then no longer heads a section path).
 */
final class Transforms {

    private Transforms() {
    }

    /** sphinx-substitution-extensions' option: the block's {@code |name|} are replaced as in prose */
    static final String SUBSTITUTIONS = "substitutions";
    private static final Pattern REFERENCE = Pattern.compile("\\|([^|\\s](?:[^|]*[^|\\s])?)\\|");

    static void apply(Memo memo) {
        if (memo.substitutionReferenced) {
            substitute(memo);
        }
        substituteInCode(memo);
        danglingReferences(memo);
        promoteTitle(memo.document);
        if (!memo.document.has("title") && !memo.document.children.isEmpty()
                && memo.document.children.get(0).is(NodeType.TITLE)) {
            memo.document.set("title", memo.document.children.get(0).astext());
        }
    }

    private static void substitute(Memo memo) {
        for (Node ref : memo.document.findAll(NodeType.SUBSTITUTION_REFERENCE)) {
            String name = ref.getString("refname");
            Node definition = memo.substitutions.get(name);
            if (definition == null) {
                for (var e : memo.substitutions.entrySet()) {
                    if (Names.fullyNormalize(e.getKey()).equals(Names.fullyNormalize(name))) {
                        definition = e.getValue();
                        break;
                    }
                }
            }
            Node parent = ref.parent;
            int index = parent.indexOf(ref);
            parent.children.remove(index);
            String fromSphinx = definition == null ? memo.sphinxSubstitutions().get(name) : null;
            if (fromSphinx != null) {
                // Sphinx's own |version| and |release|, from the project's conf.py
                parent.insert(index, Node.text(fromSphinx));
            } else if (definition == null) {
                memo.reportAt(Memo.ERROR, "substitution", "Undefined substitution referenced: \"" + name + "\".",
                        new Memo.Position(positioned(ref).source, positioned(ref).line));
                Node problematic = Node.withText(NodeType.PROBLEMATIC, ref.rawsource, ref.rawsource);
                parent.insert(index, problematic);
            } else {
                List<Node> copies = new ArrayList<>();
                for (Node child : definition.children) {
                    copies.add(copy(child));
                }
                for (int i = copies.size() - 1; i >= 0; i--) {
                    parent.insert(index, copies.get(i));
                }
            }
        }
    }

    /**
     * A code block with sphinx-substitution-extensions' {@code :substitutions:} option (on {@code code-block} and
     * {@code prompt}) shows its {@code |name|} as the guide's definitions, or Sphinx's own, replace them; an
     * unknown name stays as written.
     */
    private static void substituteInCode(Memo memo) {
        for (Node block : memo.document.findAll(NodeType.LITERAL_BLOCK)) {
            Object options = block.get("options");
            if (!(options instanceof Map<?, ?> map) || !map.containsKey(SUBSTITUTIONS)) {
                continue;
            }
            Matcher reference = REFERENCE.matcher(block.astext());
            String text = reference.replaceAll(m -> {
                Node definition = memo.substitutions.get(Names.whitespaceNormalize(m.group(1)));
                String value = definition != null ? definition.astext() : memo.sphinxSubstitutions().get(m.group(1));
                return Matcher.quoteReplacement(value != null ? value : m.group());
            });
            block.children.clear();
            block.append(Node.text(text));
        }
    }

    /**
     * docutils' DanglingReferences: a reference whose name leads nowhere (undefined, or defined ambiguously) is
     * replaced by its raw text, so a title that holds one reads "name_".
     */
    private static void danglingReferences(Memo memo) {
        for (Node ref : memo.namedReferences) {
            if (ref.parent == null || memo.targets.resolves(ref.getString("refname"))) {
                continue;
            }
            Node parent = ref.parent;
            int index = parent.indexOf(ref);
            if (index >= 0) {
                parent.children.set(index, Node.withText(NodeType.PROBLEMATIC, ref.rawsource, ref.rawsource));
                parent.children.get(index).parent = parent;
            }
        }
    }

    /** The nearest node, this one or an ancestor, that knows its position. */
    private static Node positioned(Node n) {
        Node p = n;
        while (p.parent != null && (p.source == null || p.line == null)) {
            p = p.parent;
        }
        return p;
    }

    private static Node copy(Node n) {
        if (n.is(NodeType.TEXT)) {
            return Node.text(n.text);
        }
        Node c = new Node(n.type, n.rawsource);
        for (Node child : n.children) {
            c.insert(c.children.size(), copy(child));
        }
        return c;
    }

    /** docutils' DocTitle: a document that is one section (after invisible things) takes its title. */
    private static void promoteTitle(Node document) {
        int index = candidate(document);
        if (index < 0) {
            return;
        }
        Node section = document.children.get(index);
        List<Node> children = new ArrayList<>();
        children.add(section.children.get(0));
        children.addAll(document.children.subList(0, index));
        children.addAll(section.children.subList(1, section.children.size()));
        replaceChildren(document, children);
        int subIndex = candidate(document);
        if (subIndex < 0) {
            return;
        }
        Node subsection = document.children.get(subIndex);
        Node subtitle = new Node(NodeType.SUBTITLE, "");
        for (Node c : List.copyOf(subsection.children.get(0).children)) {
            subtitle.insert(subtitle.children.size(), c);
        }
        List<Node> now = new ArrayList<>();
        now.add(document.children.get(0));
        now.add(subtitle);
        now.addAll(document.children.subList(1, subIndex));
        now.addAll(subsection.children.subList(1, subsection.children.size()));
        replaceChildren(document, now);
    }

    private static int candidate(Node node) {
        int index = -1;
        for (int i = 0; i < node.children.size(); i++) {
            if (!node.children.get(i).type.isPreBibliographic()) {
                index = i;
                break;
            }
        }
        if (index < 0 || node.children.size() > index + 1 || !node.children.get(index).is(NodeType.SECTION)) {
            return -1;
        }
        return index;
    }

    private static void replaceChildren(Node parent, List<Node> children) {
        parent.children.clear();
        for (Node c : children) {
            parent.insert(parent.children.size(), c);
        }
    }
}
