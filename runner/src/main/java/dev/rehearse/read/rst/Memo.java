package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every state machine of one parse shares (docutils' {@code memo} plus the parts of its {@code document} and
 * {@code reporter} we need): the section bookkeeping, the current position, the include chain, the messages, and
 * the names and references the structural checks look at afterwards.
 */
final class Memo {

    /** A source file (absolute path) and a 1-based line; either may be unknown. */
    record Position(String source, Integer line) {
    }

    /** A diagnostic the parser emitted, docutils' level (1 info .. 4 severe) and the rule it belongs to. */
    record Message(int level, String rule, String source, Integer line, String text) {
    }

    /** A reference by name ({@code name_}, {@code `text <name_>`_}, {@code :ref:`label`}, {@code :lab:`page`}). */
    record Reference(String kind, String name, String raw, Position at) {
    }

    /** An include directive: its argument, where it stands, the file it resolved to, whether that exists. */
    record Include(String argument, Position at, String path, boolean exists) {
    }

    /** An image or figure: its URI and where it stands. */
    record Image(String uri, Position at) {
    }

    static final int INFO = 1;
    static final int WARNING = 2;
    static final int ERROR = 3;
    static final int SEVERE = 4;

    final ParseSettings settings;
    final Node document;
    final Inliner inliner;
    final List<String> titleStyles = new ArrayList<>();
    int sectionLevel;
    boolean sectionBubbleUpKludge;
    /** The machine that moved last, and where to: docutils' "current source and line", resolved when needed. */
    StateMachine lastMoved;
    int lastMovedOffset;
    /** The top machine; it turns absolute line numbers into file and line. */
    StateMachine root;
    /** How many machines are running inside each other. */
    int depth;
    /** Files being included, innermost last, to refuse circular inclusion. */
    final List<String> includeLog = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    final List<Reference> references = new ArrayList<>();
    final List<Include> includes = new ArrayList<>();
    final List<Image> images = new ArrayList<>();
    /** The names references may point at (targets, sections, footnotes, citations). */
    final TargetNames targets = new TargetNames();
    /** Reference nodes by name, which the transforms replace when their name leads nowhere. */
    final List<Node> namedReferences = new ArrayList<>();
    /** Authors the lab's {@code author} directive declared so far (for {@code author_list}). */
    final List<String> authors = new ArrayList<>();
    /** Whether any substitution reference was seen (the substitution transform has work). */
    boolean substitutionReferenced;
    /** Substitution definitions by name (whitespace-normalized), as inline nodes. */
    final Map<String, Node> substitutions = new HashMap<>();

    /** Sphinx's own substitutions for this project ({@link SphinxConfig}), read when a reference needs them */
    private Map<String, String> sphinxSubstitutions;

    /** {@code |version|} and {@code |release|} as the guide's Sphinx project sets them */
    Map<String, String> sphinxSubstitutions() {
        if (sphinxSubstitutions == null) {
            sphinxSubstitutions = SphinxConfig.substitutions(settings.topDirectory, settings.root);
        }
        return sphinxSubstitutions;
    }

    Memo(ParseSettings settings, String source) {
        this.settings = settings;
        this.document = Node.document(this, source);
        this.inliner = new Inliner(this);
    }

    /** The file and line of an absolute line number (the current line of the top machine when null). */
    Position position(Integer absLine) {
        if (root == null) {
            return current();
        }
        return root.sourceAndLine(absLine);
    }

    /** docutils' document.current_source / current_line: the position of the line a machine last moved to. */
    Position current() {
        if (lastMoved == null) {
            return new Position(null, null);
        }
        LineList.Origin o = lastMoved.inputLines.infoOrNull(lastMovedOffset);
        if (o == null) {
            return new Position(null, null);
        }
        return new Position(o.source(), o.offset() == null ? null : o.offset() + 1);
    }

    /**
     * Whether nothing follows the line at {@code at} in its file but blank lines (and, when {@code indentedToo},
     * lines indented deeper than it: a directive's options).
     */
    boolean endsAfter(Position at, boolean indentedToo) {
        List<String> lines = at.source() == null ? null : settings.linesOf(at.source());
        if (lines == null || at.line() == null || at.line() < 1 || at.line() > lines.size()) {
            return false;
        }
        String own = lines.get(at.line() - 1);
        int indent = own.length() - Py.lstrip(own).length();
        for (int i = at.line(); i < lines.size(); i++) {
            String line = lines.get(i);
            boolean deeper = line.length() - Py.lstrip(line).length() > indent;
            if (!Py.isBlank(line) && !(indentedToo && deeper)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Record a message for the findings (under {@code rule}; null: not a finding) and make the system message node
     * docutils would make, which callers place in the tree where docutils places it.
     */
    Node report(int level, String rule, String text, Integer absLine) {
        return report(level, rule, text, text, absLine);
    }

    /** As {@link #report}, with the finding worded our way and the tree's message worded docutils' way. */
    Node report(int level, String rule, String finding, String docutilsText, Integer absLine) {
        Position p = position(absLine);
        messages.add(new Message(level, rule, p.source() == null ? document.source : p.source(), p.line(), finding));
        return systemMessage(level, docutilsText);
    }

    Node reportAt(int level, String rule, String text, Position at) {
        return reportAt(level, rule, text, text, at);
    }

    Node reportAt(int level, String rule, String finding, String docutilsText, Position at) {
        messages.add(new Message(level, rule, at.source() == null ? document.source : at.source(), at.line(),
                finding));
        return systemMessage(level, docutilsText);
    }

    /** docutils' system_message: a paragraph with the message (raw source empty, as docutils makes it). */
    static Node systemMessage(int level, String text) {
        Node message = new Node(NodeType.SYSTEM_MESSAGE, "");
        message.set("level", level);
        message.append(Node.withText(NodeType.PARAGRAPH, "", text));
        return message;
    }

    /** An implicit target (a section title). */
    void noteTarget(String normalizedName, Position at) {
        targets.implicit(normalizedName, at);
    }

    /** An explicit target ({@code .. _name: uri}, an embedded URI, an inline target, a footnote). */
    void noteExplicitTarget(String normalizedName, Position at, String uri) {
        targets.explicit(normalizedName, at, uri);
    }

    void noteReference(String kind, String name, String raw, Position at) {
        references.add(new Reference(kind, name, raw, at));
    }
}
