package dev.rehearse.read.rst;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Finding;
import dev.rehearse.read.common.IncludeFence;
import dev.rehearse.read.common.SourceText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code include} with Sphinx's path rules: {@code /x} is relative to the source root, anything else to the top
 * document's folder (also inside included files). The included lines are parsed in place, keeping their own file
 * and line. A missing file is reported (and skipped, as Sphinx does); a file that exists but cannot be read as text
 * is bad input, and so is one outside the runbook's folder ({@link IncludeFence}).
 */
final class IncludeDirective extends Directive {

    private static final Spec SPEC = new Spec(1, 0, true, OptionConverters.spec(
            "literal", OptionConverters.FLAG,
            "code", OptionConverters.UNCHANGED,
            "encoding", OptionConverters.ENCODING,
            "parser", OptionConverters.UNCHANGED,
            "tab-width", OptionConverters.INT,
            "start-line", OptionConverters.INT,
            "end-line", OptionConverters.INT,
            "start-after", OptionConverters.UNCHANGED_REQUIRED,
            "end-before", OptionConverters.UNCHANGED_REQUIRED,
            "number-lines", OptionConverters.UNCHANGED,
            "class", OptionConverters.CLASS,
            "name", OptionConverters.UNCHANGED), false);

    IncludeDirective() {
        super(SPEC);
    }

    @Override
    List<Node> run(Call call) throws DirectiveError {
        Memo memo = call.memo();
        String argument = (String) OptionConverters.PATH.convert(call.arguments().get(0));
        if (argument.startsWith("<") && argument.endsWith(">")) {
            throw new DirectiveError(Memo.WARNING, Finding.MISSING_INCLUDE, "docutils' standard include files are not "
                    + "available: " + argument);
        }
        Memo.Position at = call.position();
        Path path = target(call, argument);
        List<String> included = load(call, path);
        memo.includes.add(new Memo.Include(argument, at, path.toString(), included != null));
        if (included == null) {
            // reported once, by the structural checks, from the include list
            throw new DirectiveError(Memo.SEVERE, null, "Problems with \"include\" directive path: no such file "
                    + argument);
        }
        List<String> lines;
        if (isClipped(call) || included.isEmpty()) {
            Object tabOption = call.options().get("tab-width");
            int tabWidth = tabOption == null ? ParseSettings.TAB_WIDTH : (Integer) tabOption;
            lines = ParseSettings.toLines(clip(call, String.join("\n", included) + "\n"), tabWidth);
        } else {
            // the whole file: its lines as loaded are what splitting their own join again would give (no line breaks
            // left in them, tabs already expanded, trailing whitespace already dropped); an empty file is the
            // exception, its "\n" splits into one empty line
            lines = included;
        }
        String key = path + clipKey(call);
        if (memo.includeLog.isEmpty()) {
            memo.includeLog.add(memo.document.source + "||||");
        }
        if (memo.includeLog.contains(key)) {
            throw new DirectiveError(Memo.WARNING, "include", "circular inclusion in \"include\" directive: "
                    + argument);
        }
        if (call.options().containsKey("literal") || call.options().containsKey("code")) {
            return List.of(literal(path, lines));
        }
        List<String> inserted = new ArrayList<>(lines);
        inserted.add("");
        inserted.add(".. end of inclusion from \"" + path + "\"");
        call.sm().insertInput(inserted, path.toString());
        memo.includeLog.add(key);
        return List.of();
    }

    /**
     * The file a path names with Sphinx's rules ({@code /x} from the source root, else from the top document's
     * folder), refused when it lies outside the runbook's folder.
     */
    static Path target(Call call, String argument) {
        Memo memo = call.memo();
        int slashes = 0;
        while (slashes < argument.length() && argument.charAt(slashes) == '/') {
            slashes++;
        }
        Path path = slashes > 0 ? memo.settings.root.resolve(argument.substring(slashes))
                : memo.settings.topDirectory.resolve(argument);
        Memo.Position at = call.position();
        return IncludeFence.check(path, memo.settings.roots, argument, Path.of(at.source()), at.line());
    }

    /** The file's lines, or null when there is no such file; a file that is not text is bad input. */
    static List<String> load(Call call, Path path) {
        Memo.Position at = call.position();
        try {
            return call.memo().settings.loadIncluded(path);
        } catch (BadInput e) {
            // an include that exists but is not text: the guide cannot be read
            throw new BadInput(e.file(), e.line(), e.problem() + " (included at "
                    + SourceText.display(Path.of(at.source())) + ":" + at.line() + ")");
        }
    }

    private static boolean isClipped(Call call) {
        Map<String, Object> options = call.options();
        return options.containsKey("start-line") || options.containsKey("end-line") || options.containsKey("start-after")
                || options.containsKey("end-before");
    }

    /** The start-line / end-line / start-after / end-before options. */
    private static String clip(Call call, String text) throws DirectiveError {
        Object startLine = call.options().get("start-line");
        Object endLine = call.options().get("end-line");
        if (startLine != null || endLine != null) {
            List<String> lines = new ArrayList<>(List.of(text.split("(?<=\n)", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            int n = lines.size();
            int from = startLine == null ? 0 : pyIndex((Integer) startLine, n);
            int to = endLine == null ? n : pyIndex((Integer) endLine, n);
            text = from < to ? String.join("", lines.subList(from, to)) : "";
        }
        Object after = call.options().get("start-after");
        if (after != null) {
            int i = text.indexOf(after.toString());
            if (i < 0) {
                throw new DirectiveError(Memo.SEVERE, "include", "Problem with \"start-after\" option of "
                        + "\"include\" directive:\nText not found.");
            }
            text = text.substring(i + after.toString().length());
        }
        Object before = call.options().get("end-before");
        if (before != null) {
            int i = text.indexOf(before.toString());
            if (i < 0) {
                throw new DirectiveError(Memo.SEVERE, "include", "Problem with \"end-before\" option of "
                        + "\"include\" directive:\nText not found.");
            }
            text = text.substring(0, i);
        }
        return text;
    }

    private static int pyIndex(int i, int n) {
        return i < 0 ? Math.max(0, i + n) : Math.min(i, n);
    }

    private static String clipKey(Call call) {
        return "|" + call.options().get("start-line") + "|" + call.options().get("end-line") + "|"
                + call.options().get("end-before") + "|" + call.options().get("start-after");
    }

    /** {@code :literal:} or {@code :code:}: the file becomes one literal block. */
    private static Node literal(Path path, List<String> lines) {
        String text = String.join("\n", lines);
        Node node = Node.withText(NodeType.LITERAL_BLOCK, text, text);
        node.source = path.toString();
        node.line = 1;
        // like docutils (and so the oracle), the block takes the highlight language, not the :code: argument
        return node;
    }
}
