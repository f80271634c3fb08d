package dev.rehearse.read.rst;

import dev.rehearse.guide.Finding;
import dev.rehearse.read.common.LiteralInclude;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sphinx's {@code literalinclude}: a file of the runbook (found as {@code include} finds it) shown as a block,
 * clipped as Sphinx clips it ({@link LiteralInclude}). The block stands in the included file, at the first line it shows, so that what {@code update}
 * writes goes there. A file that is not there is an error, as Sphinx shows nothing for it.
 */
final class LiteralIncludeDirective extends Directive {

    private static final Spec SPEC = new Spec(1, 0, true, OptionConverters.spec(
            "language", OptionConverters.UNCHANGED_REQUIRED,
            "lines", OptionConverters.UNCHANGED_REQUIRED,
            "start-after", OptionConverters.UNCHANGED_REQUIRED,
            "end-before", OptionConverters.UNCHANGED_REQUIRED,
            "start-at", OptionConverters.UNCHANGED_REQUIRED,
            "end-at", OptionConverters.UNCHANGED_REQUIRED,
            "dedent", OptionConverters.UNCHANGED,
            "prepend", OptionConverters.UNCHANGED_REQUIRED,
            "append", OptionConverters.UNCHANGED_REQUIRED,
            "caption", OptionConverters.UNCHANGED,
            "emphasize-lines", OptionConverters.UNCHANGED_REQUIRED,
            "linenos", OptionConverters.FLAG,
            "lineno-start", OptionConverters.INT,
            "lineno-match", OptionConverters.FLAG,
            "encoding", OptionConverters.ENCODING,
            "pyobject", OptionConverters.UNCHANGED_REQUIRED,
            "diff", OptionConverters.UNCHANGED_REQUIRED,
            "tab-width", OptionConverters.INT,
            "force", OptionConverters.FLAG,
            "class", OptionConverters.CLASS,
            "name", OptionConverters.UNCHANGED), false);

    LiteralIncludeDirective() {
        super(SPEC);
    }

    @Override
    List<Node> run(Call call) throws DirectiveError {
        String argument = (String) OptionConverters.PATH.convert(call.arguments().get(0));
        Path path = IncludeDirective.target(call, argument);
        List<String> file = IncludeDirective.load(call, path);
        if (file == null) {
            throw new DirectiveError(Memo.SEVERE, Finding.MISSING_INCLUDE, "Include file " + argument
                    + " not found or reading it failed");
        }
        Map<String, Object> options = call.options();
        LiteralInclude shown;
        try {
            shown = LiteralInclude.of(file, options);
        } catch (IllegalArgumentException e) {
            throw new DirectiveError(Memo.ERROR, "directive", e.getMessage());
        }
        String code = shown.text();
        Node node = Node.withText(NodeType.LITERAL_BLOCK, code, code);
        node.source = path.toString();
        node.line = shown.firstLine();
        node.set("kind", "literalinclude");
        node.set("content_line", node.line);
        if (options.containsKey("language")) {
            node.set("language", options.get("language").toString());
        }
        Map<String, String> written = new LinkedHashMap<>();
        options.forEach((k, v) -> written.put(k, v == null ? "true" : v.toString()));
        node.set("options", written);
        return List.of(node);
    }
}
