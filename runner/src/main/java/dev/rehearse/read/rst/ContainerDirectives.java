package dev.rehearse.read.rst;

import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Directives whose content is parsed as body elements into one node: admonitions ({@code note}, {@code warning}
 * ...), {@code sidebar} and {@code topic}, {@code container}, {@code compound}, the block-quote family
 * ({@code epigraph} ...), and the Sphinx directives docutils does not know, kept generic as containers.
 */
final class ContainerDirectives {

    private ContainerDirectives() {
    }

    private static final Map<String, Directive.Option> CLASS_AND_NAME = OptionConverters.spec(
            "class", OptionConverters.CLASS, "name", OptionConverters.UNCHANGED);

    /** The first argument as class names ({@code container}, {@code class}). */
    @SuppressWarnings("unchecked")
    private static List<String> classesOf(Directive.Call call) throws Directive.DirectiveError {
        try {
            return (List<String>) OptionConverters.CLASS.convert(call.arguments().get(0));
        } catch (IllegalArgumentException e) {
            throw call.error("Invalid class attribute value for \"" + call.name() + "\" directive: \""
                    + call.arguments().get(0) + "\".");
        }
    }

    /**
     * {@code note}, {@code warning}, {@code hint} ... and {@code admonition} (which takes a title); also
     * {@code compound}, which has the same shape: content required, parsed into one node.
     */
    static final class Admonition extends Directive {
        private final NodeType type;

        Admonition(NodeType type) {
            super(new Spec(type == NodeType.ADMONITION ? 1 : 0, 0, true, CLASS_AND_NAME, true));
            this.type = type;
        }

        @Override
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            call.requireContent();
            Node node = new Node(type, "");
            call.applyClasses(node);
            if (type == NodeType.ADMONITION) {
                String titleText = call.arguments().get(0);
                Node title = new Node(NodeType.TITLE, titleText);
                title.appendAll(call.state().inlineText(titleText, call.lineno()));
                node.append(title);
                node.appendAll(call.state().inlineMessages());
                if (!call.options().containsKey("class")) {
                    node.classes().add("admonition-" + Names.makeId(titleText));
                }
            }
            call.parseContent(node);
            return List.of(node);
        }
    }

    /** {@code sidebar} and {@code topic}: only where a section could start (or a topic in a sidebar). */
    static final class PseudoSection extends Directive {
        private final NodeType type;

        PseudoSection(NodeType type) {
            super(type == NodeType.SIDEBAR ? new Spec(0, 1, true, sidebarOptions(), true)
                    : new Spec(1, 0, true, CLASS_AND_NAME, true));
            this.type = type;
        }

        private static Map<String, Directive.Option> sidebarOptions() {
            Map<String, Directive.Option> options = new HashMap<>(CLASS_AND_NAME);
            options.put("subtitle", OptionConverters.UNCHANGED_REQUIRED);
            return options;
        }

        @Override
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            Node here = call.sm().node;
            if (type == NodeType.SIDEBAR) {
                if (here.is(NodeType.SIDEBAR)) {
                    throw call.error("The \"" + call.name() + "\" directive may not be used within a sidebar "
                            + "element.");
                }
                if (call.options().containsKey("subtitle") && call.arguments().isEmpty()) {
                    throw call.error("The \"subtitle\" option may not be used without a title.");
                }
            }
            if (!(call.sm().matchTitles || here.is(NodeType.SIDEBAR))) {
                throw call.error("The \"" + call.name() + "\" directive may not be used within topics or body "
                        + "elements.");
            }
            call.requireContent();
            Node node = new Node(type, "");
            if (!call.arguments().isEmpty()) {
                String titleText = call.arguments().get(0);
                Node title = new Node(NodeType.TITLE, titleText);
                title.appendAll(call.state().inlineText(titleText, call.lineno()));
                node.append(title);
                Object subtitle = call.options().get("subtitle");
                if (subtitle != null) {
                    Node sub = new Node(NodeType.SUBTITLE, subtitle.toString());
                    sub.appendAll(call.state().inlineText(subtitle.toString(), call.lineno()));
                    node.append(sub);
                }
                node.appendAll(call.state().inlineMessages());
            }
            call.applyClasses(node);
            if (!call.content().isEmpty()) {
                call.parseContent(node);
            }
            return List.of(node);
        }
    }

    /** {@code container}: classes from its argument. */
    static final class Container extends Directive {
        private static final Spec SPEC = new Spec(0, 1, true, OptionConverters.spec("name",
                OptionConverters.UNCHANGED), true);

        Container() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            call.requireContent();
            Node node = new Node(NodeType.CONTAINER, "");
            if (!call.arguments().isEmpty()) {
                node.classes().addAll(classesOf(call));
            }
            call.parseContent(node);
            return List.of(node);
        }
    }

    /** {@code epigraph}, {@code highlights}, {@code pull-quote}: a block quote with that class. */
    static final class ClassedBlockQuote extends Directive {
        private final String className;

        ClassedBlockQuote(String className) {
            super(new Spec(0, 0, false, null, true));
            this.className = className;
        }

        @Override
        List<Node> run(Call call) throws EndOfInput {
            List<Node> elements = call.state().blockQuote(call.content(), call.contentOffset());
            for (Node e : elements) {
                if (e.is(NodeType.BLOCK_QUOTE)) {
                    e.classes().add(className);
                }
            }
            return elements;
        }
    }

    /**
     * A Sphinx directive docutils does not know ({@code only}, {@code seealso}, {@code tabs} ...): arguments and
     * option lines are taken as written, the content is parsed into a container classed {@code oracle-NAME}. A tab
     * of a set (sphinx-design's {@code tab-item}, sphinx-tabs' {@code tab} and {@code group-tab}) keeps its label
     * and line, so that a block inside knows which tab of which set it stands in.
     */
    static final class Generic extends Directive {
        private static final Spec SPEC = new Spec(0, 10, true, null, true);
        private final boolean tab;

        Generic(boolean tab) {
            super(SPEC);
            this.tab = tab;
        }

        @Override
        List<Node> run(Call call) throws EndOfInput {
            Node node = new Node(NodeType.CONTAINER, "");
            node.classes().add("oracle-" + call.name().replace(":", "-"));
            if (tab) {
                node.set(TAB_LABEL, String.join(" ", call.arguments()));
                node.set(TAB_LINE, call.lineno());
            }
            if (!call.content().isEmpty()) {
                call.parseContent(node);
            }
            return List.of(node);
        }
    }

    /**
     * sphinx-tabs' {@code code-tab}: a tab of its set ({@code .. tabs::}) holding one code block, in the language
     * its first argument names, labelled by the words after it or else by that language.
     */
    static final class CodeTab extends Directive {
        private static final Spec SPEC = new Spec(1, 1, true, CodeBlockDirective.OPTIONS, true);

        CodeTab() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) {
            Node tab = new Node(NodeType.CONTAINER, "");
            tab.classes().add("oracle-code-tab");
            tab.set(TAB_LABEL, call.arguments().get(call.arguments().size() - 1));
            tab.set(TAB_LINE, call.lineno());
            Node code = CodeBlockDirective.literalBlock(call, "code-tab");
            code.set("language", call.arguments().get(0));
            tab.append(code);
            return List.of(tab);
        }
    }

    /** the attributes that hold a tab's label and the line of its directive */
    static final String TAB_LABEL = "tab_label";
    static final String TAB_LINE = "tab_line";

    /** {@code class} with content: the content's elements get the classes. */
    static final class ClassDirective extends Directive {
        private static final Spec SPEC = new Spec(1, 0, true, null, true);

        ClassDirective() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            List<String> classes = classesOf(call);
            if (call.content().isEmpty()) {
                return List.of();
            }
            List<Node> out = call.parseContent();
            for (Node n : out) {
                n.classes().addAll(classes);
            }
            return out;
        }
    }
}
