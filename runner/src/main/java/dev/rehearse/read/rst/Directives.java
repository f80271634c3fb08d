package dev.rehearse.read.rst;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The directives the reader knows, by lower-case name: docutils' own, the Sphinx ones the Uberspace lab uses (as
 * the oracle stands them in), and Sphinx directives docutils lacks, kept generic. Anything else is an unknown
 * directive: reported, and (as in docutils) its content is not read.
 */
final class Directives {

    private Directives() {
    }

    private static final Map<String, Directive> REGISTRY = new HashMap<>();

    private static void register(Directive d, String... names) {
        for (String name : names) {
            REGISTRY.put(name, d);
        }
    }

    static {
        Map<String, Directive.Option> classAndName = OptionConverters.spec(
                "class", OptionConverters.CLASS, "name", OptionConverters.UNCHANGED);
        register(new CodeBlockDirective(), "code-block", "code", "sourcecode");
        register(CodeBlockDirective.console(), "console");
        register(new ContainerDirectives.CodeTab(), "code-tab");
        register(new PromptDirective(), "prompt");
        register(new LiteralIncludeDirective(), "literalinclude");
        register(new LabDirectives.Highlight(), "highlight");
        register(new LabDirectives.MetaItem("tag"), "tag");
        register(new LabDirectives.MetaItem("author"), "author");
        register(new LabDirectives.Generated(), "tag_list", "author_list", "allauthors");
        register(new LabDirectives.WordList(), "spelling:word-list");
        register(new IncludeDirective(), "include");
        register(new OnlyDirective(), "only");
        register(new ContainerDirectives.Generic(false), "mermaid", "toctree", "seealso", "versionadded",
                "versionchanged", "deprecated", "centered", "hlist", "glossary", "index", "tabs", "tab-set");
        register(new ContainerDirectives.Generic(true), "tab", "tab-item", "group-tab");
        register(new ContainerDirectives.Admonition(NodeType.ATTENTION), "attention");
        register(new ContainerDirectives.Admonition(NodeType.CAUTION), "caution");
        register(new ContainerDirectives.Admonition(NodeType.DANGER), "danger");
        register(new ContainerDirectives.Admonition(NodeType.ERROR), "error");
        register(new ContainerDirectives.Admonition(NodeType.HINT), "hint");
        register(new ContainerDirectives.Admonition(NodeType.IMPORTANT), "important");
        register(new ContainerDirectives.Admonition(NodeType.NOTE), "note");
        register(new ContainerDirectives.Admonition(NodeType.TIP), "tip");
        register(new ContainerDirectives.Admonition(NodeType.WARNING), "warning");
        register(new ContainerDirectives.Admonition(NodeType.ADMONITION), "admonition");
        register(new ContainerDirectives.PseudoSection(NodeType.SIDEBAR), "sidebar");
        register(new ContainerDirectives.PseudoSection(NodeType.TOPIC), "topic");
        register(new ContainerDirectives.Container(), "container");
        register(new ContainerDirectives.Admonition(NodeType.COMPOUND), "compound");
        register(new ContainerDirectives.ClassedBlockQuote("epigraph"), "epigraph");
        register(new ContainerDirectives.ClassedBlockQuote("highlights"), "highlights");
        register(new ContainerDirectives.ClassedBlockQuote("pull-quote"), "pull-quote");
        register(new ContainerDirectives.ClassDirective(), "class");
        register(new ImageDirectives.Image(), "image");
        register(new ImageDirectives.Figure(), "figure");
        register(new TableDirectives.Table(), "table");
        register(new TableDirectives.ListTable(), "list-table");
        register(new SimpleDirectives.ParsedLiteral(), "parsed-literal");
        register(new SimpleDirectives.TextNode(new Directive.Spec(1, 0, true, classAndName, false), NodeType.RUBRIC,
                true), "rubric");
        register(new SimpleDirectives.TextNode(new Directive.Spec(0, 0, false, classAndName, true),
                NodeType.MATH_BLOCK, false), "math");
        register(new SimpleDirectives.TextNode(new Directive.Spec(1, 0, true, OptionConverters.spec(
                "file", OptionConverters.PATH, "url", OptionConverters.URI, "encoding", OptionConverters.ENCODING,
                "class", OptionConverters.CLASS), true), NodeType.RAW, false), "raw");
        register(new SimpleDirectives.TextNode(new Directive.Spec(0, 0, false, classAndName, true),
                NodeType.LINE_BLOCK, false), "line-block");
        register(new SimpleDirectives.Placeholder(new Directive.Spec(0, 1, true, OptionConverters.spec(
                "depth", OptionConverters.NONNEGATIVE_INT, "local", OptionConverters.FLAG,
                "backlinks", OptionConverters.choice("top", "entry", "none"), "class", OptionConverters.CLASS),
                false), NodeType.TOPIC), "contents");
        register(new SimpleDirectives.Placeholder(new Directive.Spec(0, 0, false, OptionConverters.spec(
                "depth", OptionConverters.INT, "start", OptionConverters.INT, "prefix", OptionConverters.UNCHANGED,
                "suffix", OptionConverters.UNCHANGED), false), NodeType.PENDING), "sectnum", "section-numbering");
        register(new SimpleDirectives.Placeholder(new Directive.Spec(0, 0, false, classAndName, false),
                NodeType.PENDING), "target-notes");
        register(new SimpleDirectives.Placeholder(new Directive.Spec(0, 0, false, null, true), NodeType.META),
                "meta");
        register(new SimpleDirectives.Placeholder(new Directive.Spec(0, 1, true, null, true), NodeType.TABLE),
                "csv-table");
        register(new SimpleDirectives.NoNode(new Directive.Spec(0, 0, false, null, true)), "header", "footer");
        register(new SimpleDirectives.NoNode(new Directive.Spec(0, 1, false, null, false)), "default-role");
        register(new SimpleDirectives.NoNode(new Directive.Spec(0, 1, true, null, true)),
                "restructuredtext-test-directive");
        register(new SimpleDirectives.Title(), "title");
        register(new SimpleDirectives.Role(), "role");
        register(new SimpleDirectives.SubstitutionText(new Directive.Spec(0, 0, false, null, true), "replace"),
                "replace");
        register(new SimpleDirectives.SubstitutionText(new Directive.Spec(1, 0, true, OptionConverters.spec(
                "trim", OptionConverters.FLAG, "ltrim", OptionConverters.FLAG, "rtrim", OptionConverters.FLAG),
                false), "unicode"), "unicode");
        register(new SimpleDirectives.SubstitutionText(new Directive.Spec(0, 0, false, null, true), "date"), "date");
    }

    /** The directive for a name as written ({@code Note} is {@code note}), or null when unknown. */
    static Directive lookup(String name) {
        return REGISTRY.get(name.toLowerCase(Locale.ROOT));
    }
}
