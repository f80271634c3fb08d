package dev.rehearse.read.rst;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A node of the document tree, shaped like docutils' (so that positions, section paths and "the paragraph before"
 * come out exactly as the oracle computes them). A text node has {@link #text}; an element has children.
 */
final class Node {

    final NodeType type;
    /**
     * The raw source the element was built from where something reads it (paragraphs: their lines joined by
     * newlines); empty for containers, whose raw text nothing needs.
     */
    String rawsource;
    /** Text of a TEXT node (inline escapes as NUL + character). */
    final String text;
    /** Absolute path of the file this node came from, or null. */
    String source;
    /** 1-based line in {@link #source}, or null. */
    Integer line;
    Node parent;
    /** Children in order; a text node's list is empty and fixed. */
    final List<Node> children;
    private Map<String, Object> attributes;
    /** Set on the document node: the parse whose current position fills in children's source and line. */
    private Memo memo;

    Node(NodeType type, String rawsource) {
        this(type, rawsource, null);
    }

    private Node(NodeType type, String rawsource, String text) {
        this.type = type;
        this.rawsource = rawsource;
        this.text = text;
        this.children = type == NodeType.TEXT ? List.of() : new ArrayList<>(2);
    }

    static Node text(String text) {
        return new Node(NodeType.TEXT, text, text);
    }

    /** An element with one text child, like docutils' {@code nodes.X(rawsource, text)}. */
    static Node withText(NodeType type, String rawsource, String text) {
        Node n = new Node(type, rawsource);
        if (!text.isEmpty()) {
            n.append(text(text));
        }
        return n;
    }

    static Node document(Memo memo, String source) {
        Node n = new Node(NodeType.DOCUMENT, "");
        n.memo = memo;
        n.source = source;
        return n;
    }

    boolean is(NodeType t) {
        return type == t;
    }

    // ------------------------------------------------------------------ attributes

    Object get(String key) {
        return attributes == null ? null : attributes.get(key);
    }

    String getString(String key) {
        Object v = get(key);
        return v == null ? null : v.toString();
    }

    void set(String key, Object value) {
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        attributes.put(key, value);
    }

    boolean has(String key) {
        return attributes != null && attributes.containsKey(key);
    }

    @SuppressWarnings("unchecked")
    List<String> list(String key) {
        Object v = get(key);
        if (v == null) {
            List<String> l = new ArrayList<>(1);
            set(key, l);
            return l;
        }
        return (List<String>) v;
    }

    List<String> classes() {
        return list("classes");
    }

    List<String> names() {
        return list("names");
    }

    // ------------------------------------------------------------------ tree

    /** The document this node belongs to (through its parents), or null while detached. */
    Node document() {
        Node n = this;
        while (n.parent != null) {
            n = n.parent;
        }
        return n.type == NodeType.DOCUMENT ? n : null;
    }

    /**
     * Append a child. As in docutils, a child added to a node that is already in the document takes the parse's
     * current source and line when it has none of its own.
     */
    void append(Node child) {
        child.parent = this;
        if (child.source == null || child.line == null) {
            Node doc = document();
            // docutils tests the document's truth value, which is false while it has no children
            if (doc != null && doc.memo != null && !doc.children.isEmpty()) {
                Memo.Position current = doc.memo.current();
                if (child.source == null) {
                    child.source = current.source();
                }
                if (child.line == null) {
                    child.line = current.line();
                }
            }
        }
        children.add(child);
    }

    void appendAll(List<Node> nodes) {
        for (Node n : nodes) {
            append(n);
        }
    }

    void insert(int index, Node child) {
        child.parent = this;
        children.add(index, child);
    }

    int indexOf(Node child) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) == child) {
                return i;
            }
        }
        return -1;
    }

    /** Text content without markup, as docutils' {@code astext()}. */
    String astext() {
        if (type == NodeType.TEXT) {
            return Inliner.unescape(text, false);
        }
        if (type == NodeType.IMAGE) {
            Object alt = get("alt");
            return alt == null ? "" : alt.toString();
        }
        StringBuilder b = new StringBuilder();
        String sep = type.isTextElement() ? "" : "\n\n";
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(children.get(i).astext());
        }
        return b.toString();
    }

    /** This node and its descendants in document order. */
    void walk(Consumer<Node> visitor) {
        visitor.accept(this);
        for (int i = 0; i < children.size(); i++) {
            children.get(i).walk(visitor);
        }
    }

    /** This node and its descendant elements in document order, not looking inside text elements (inline only). */
    void walkElements(Consumer<Node> visitor) {
        visitor.accept(this);
        if (!type.isTextElement()) {
            for (int i = 0; i < children.size(); i++) {
                children.get(i).walkElements(visitor);
            }
        }
    }

    /** Descendants (and this node) of one type, in document order. */
    List<Node> findAll(NodeType t) {
        List<Node> out = new ArrayList<>();
        walk(n -> {
            if (n.type == t) {
                out.add(n);
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return type.tag() + (line == null ? "" : "@" + line);
    }
}
