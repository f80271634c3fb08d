package dev.rehearse.read.rst;

import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.util.ArrayList;
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

    /** {@code note}, {@code warning}, {@code hint} ... and {@code admonition} (which takes a title). */
    static final class Admonition extends Directive {
        private final NodeType type;
        private final Spec spec;

        Admonition(NodeType type) {
            this.type = type;
            this.spec = new Spec(type == NodeType.ADMONITION ? 1 : 0, 0, true, CLASS_AND_NAME, true);
        }

        @Override
        Spec spec() {
            return spec;
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
        private final Spec spec;

        PseudoSection(NodeType type) {
            this.type = type;
            Map<String, Directive.Option> options = new java.util.HashMap<>(CLASS_AND_NAME);
            if (type == NodeType.SIDEBAR) {
                options.put("subtitle", OptionConverters.UNCHANGED_REQUIRED);
            }
            this.spec = type == NodeType.SIDEBAR ? new Spec(0, 1, true, options, true)
                    : new Spec(1, 0, true, options, true);
        }

        @Override
        Spec spec() {
            return spec;
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

        @Override
        Spec spec() {
            return SPEC;
        }

        @Override
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            call.requireContent();
            Node node = new Node(NodeType.CONTAINER, "");
            if (!call.arguments().isEmpty()) {
                try {
                    @SuppressWarnings("unchecked")
                    List<String> classes = (List<String>) OptionConverters.CLASS.convert(call.arguments().get(0));
                    node.classes().addAll(classes);
                } catch (IllegalArgumentException e) {
                    throw call.error("Invalid class attribute value for \"" + call.name() + "\" directive: \""
                            + call.arguments().get(0) + "\".");
                }
            }
            call.parseContent(node);
            return List.of(node);
        }
    }

    /** {@code compound}. */
    static final class Compound extends Directive {
        private static final Spec SPEC = new Spec(0, 0, false, CLASS_AND_NAME, true);

        @Override
        Spec spec() {
            return SPEC;
        }

        @Override
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            call.requireContent();
            Node node = new Node(NodeType.COMPOUND, "");
            call.applyClasses(node);
            call.parseContent(node);
            return List.of(node);
        }
    }

    /** {@code epigraph}, {@code highlights}, {@code pull-quote}: a block quote with that class. */
    static final class ClassedBlockQuote extends Directive {
        private static final Spec SPEC = new Spec(0, 0, false, null, true);
        private final String className;

        ClassedBlockQuote(String className) {
            this.className = className;
        }

        @Override
        Spec spec() {
            return SPEC;
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
     * option lines are taken as written, the content is parsed into a container classed {@code oracle-NAME}.
     */
    static final class Generic extends Directive {
        private static final Spec SPEC = new Spec(0, 10, true, null, true);

        @Override
        Spec spec() {
            return SPEC;
        }

        @Override
        List<Node> run(Call call) throws EndOfInput {
            Node node = new Node(NodeType.CONTAINER, "");
            node.classes().add("oracle-" + call.name().replace(":", "-"));
            if (!call.content().isEmpty()) {
                call.parseContent(node);
            }
            return List.of(node);
        }
    }

    /** {@code class} with content: the content's elements get the classes. */
    static final class ClassDirective extends Directive {
        private static final Spec SPEC = new Spec(1, 0, true, null, true);

        @Override
        Spec spec() {
            return SPEC;
        }

        @Override
        @SuppressWarnings("unchecked")
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            List<String> classes;
            try {
                classes = (List<String>) OptionConverters.CLASS.convert(call.arguments().get(0));
            } catch (IllegalArgumentException e) {
                throw call.error("Invalid class attribute value for \"" + call.name() + "\" directive: \""
                        + call.arguments().get(0) + "\".");
            }
            if (call.content().isEmpty()) {
                return List.of();
            }
            Node holder = new Node(NodeType.CONTAINER, "");
            call.parseContent(holder);
            List<Node> out = new ArrayList<>(holder.children);
            holder.children.clear();
            for (Node n : out) {
                n.classes().addAll(classes);
            }
            return out;
        }
    }
}
