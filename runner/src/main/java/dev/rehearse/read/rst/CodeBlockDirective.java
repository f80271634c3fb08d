package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sphinx's {@code code-block} / {@code code} / {@code sourcecode}: an optional language argument, Sphinx's options,
 * the content kept as written. {@code :emphasize-lines:} is checked as Sphinx checks it.
 */
final class CodeBlockDirective extends Directive {

    /** Sphinx's options of a code block, which sphinx-tabs' {@code code-tab} takes too */
    static final Map<String, Option> OPTIONS = OptionConverters.spec(
            "force", OptionConverters.FLAG,
            "linenos", OptionConverters.FLAG,
            "dedent", OptionConverters.UNCHANGED,
            "lineno-start", OptionConverters.INT,
            "emphasize-lines", OptionConverters.UNCHANGED_REQUIRED,
            "caption", OptionConverters.UNCHANGED_REQUIRED,
            "class", OptionConverters.CLASS,
            "name", OptionConverters.UNCHANGED,
            Transforms.SUBSTITUTIONS, OptionConverters.FLAG);
    private static final Spec SPEC = new Spec(0, 1, false, OPTIONS, true);

    /** the language of a block that names none: null, or Django's {@code console} directive's */
    private final String defaultLanguage;

    CodeBlockDirective() {
        this(null);
    }

    /** Django's docs' {@code .. console::}: a terminal session (Sphinx shows it for Unix and for Windows) */
    static CodeBlockDirective console() {
        return new CodeBlockDirective("console");
    }

    private CodeBlockDirective(String defaultLanguage) {
        super(SPEC);
        this.defaultLanguage = defaultLanguage;
    }

    @Override
    List<Node> run(Call call) {
        Memo.Position at = call.position();
        Node node = literalBlock(call, call.name().toLowerCase());
        if (!call.arguments().isEmpty()) {
            node.set("language", call.arguments().get(0));
        } else if (defaultLanguage != null) {
            node.set("language", defaultLanguage);
        }
        Map<String, String> options = new LinkedHashMap<>();
        call.options().forEach((k, v) -> options.put(k, optionText(v)));
        node.set("options", options);
        // the messages follow the block in the tree, worded as the oracle words them
        List<Node> nodes = new ArrayList<>(List.of(node));
        if (call.content().isEmpty()) {
            call.refuseIfUnterminated();
            nodes.add(call.memo().reportAt(Memo.WARNING, "directive", "Content block expected for the \""
                    + call.name() + "\" directive; none found.", at));
        }
        Object spec = call.options().get("emphasize-lines");
        if (spec != null) {
            EmphasizeLines e = EmphasizeLines.parse(spec.toString(), call.content().size());
            node.set("emphasize", e);
            if (e.error() != null) {
                nodes.add(call.memo().reportAt(Memo.WARNING, "emphasize-lines", ":emphasize-lines: " + e.error()
                        + " (Sphinx drops this block)", "[sphinx] code-block :emphasize-lines: " + e.error()
                        + " (Sphinx drops this block)", at));
            } else if (e.outOfRange() != null) {
                String range = "line number spec is out of range(1-" + call.content().size() + "): "
                        + Py.repr(spec.toString());
                nodes.add(call.memo().reportAt(Memo.WARNING, "emphasize-lines", ":emphasize-lines: " + range,
                        "[sphinx] " + range, at));
            }
        }
        return nodes;
    }

    /** The content as written, in a literal block of the given kind that knows its lines. */
    static Node literalBlock(Call call, String kind) {
        Memo.Position at = call.position();
        String code = call.content().join("\n");
        Node node = Node.withText(NodeType.LITERAL_BLOCK, code, code);
        node.source = at.source();
        node.line = at.line();
        node.set("kind", kind);
        node.set("content_line", call.sm().sourceAndLine(call.contentOffset() + 1).line());
        return node;
    }

    /** An option value as text: flags become "true", class lists are joined. */
    private static String optionText(Object value) {
        if (value == null) {
            return "true";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(o -> parts.add(o.toString()));
            return String.join(" ", parts);
        }
        return value.toString();
    }
}
