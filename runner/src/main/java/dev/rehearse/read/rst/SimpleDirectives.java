package dev.rehearse.read.rst;

import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The remaining docutils directives. None holds literal blocks except {@code parsed-literal}; the others are read so
 * that their blocks end where docutils ends them and leave the nodes the "paragraph before a block" logic sees.
 */
final class SimpleDirectives {

    private SimpleDirectives() {
    }

    private static final Map<String, Directive.Option> CLASS_AND_NAME = OptionConverters.spec(
            "class", OptionConverters.CLASS, "name", OptionConverters.UNCHANGED);

    /** {@code parsed-literal}: a literal block whose inline markup is parsed. */
    static final class ParsedLiteral extends Directive {
        private static final Spec SPEC = new Spec(0, 0, false, CLASS_AND_NAME, true);

        ParsedLiteral() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) throws DirectiveError {
            call.requireContent();
            String text = call.content().join("\n");
            Node node = new Node(NodeType.LITERAL_BLOCK, text);
            node.appendAll(call.state().inlineText(text, call.lineno()));
            call.applyClasses(node);
            // docutils sets the line to the absolute content line (no include mapping) and leaves the source unset
            node.line = call.contentOffset() + 1;
            List<Node> nodes = new ArrayList<>(List.of(node));
            nodes.addAll(call.state().inlineMessages());
            return nodes;
        }
    }

    /** A directive that makes one node of a fixed type holding its text (rubric, math, raw). */
    static final class TextNode extends Directive {
        private final NodeType type;
        private final boolean fromArgument;

        TextNode(Spec spec, NodeType type, boolean fromArgument) {
            super(spec);
            this.type = type;
            this.fromArgument = fromArgument;
        }

        @Override
        List<Node> run(Call call) throws DirectiveError {
            if (!fromArgument && type != NodeType.RAW) {
                call.requireContent();
            }
            String text = fromArgument ? call.arguments().get(0) : call.content().join("\n");
            Node node = new Node(type, text);
            if (fromArgument) {
                node.appendAll(call.state().inlineText(text, call.lineno()));
            } else if (!text.isEmpty()) {
                node.append(Node.text(text));
            }
            call.applyClasses(node);
            List<Node> nodes = new ArrayList<>(List.of(node));
            nodes.addAll(call.state().inlineMessages());
            return nodes;
        }
    }

    /** A directive that leaves one childless node: a placeholder docutils fills in later, or metadata. */
    static final class Placeholder extends Directive {
        private final NodeType type;

        Placeholder(Spec spec, NodeType type) {
            super(spec);
            this.type = type;
        }

        @Override
        List<Node> run(Call call) {
            Node node = new Node(type, "");
            if (type == NodeType.TOPIC) {
                node.append(new Node(NodeType.PENDING, ""));
            }
            return List.of(node);
        }
    }

    /** A directive that leaves nothing in the document (settings, decoration). */
    static final class NoNode extends Directive {
        NoNode(Spec spec) {
            super(spec);
        }

        @Override
        List<Node> run(Call call) {
            return List.of();
        }
    }

    /** {@code title}: the document's title metadata. */
    static final class Title extends Directive {
        private static final Spec SPEC = new Spec(1, 0, true, null, false);

        Title() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) {
            call.memo().document.set("title", call.arguments().get(0));
            return List.of();
        }
    }

    /** {@code role}: a custom role, after which {@code :name:`text`} is known. */
    static final class Role extends Directive {
        private static final Spec SPEC = new Spec(0, 0, false, null, true);

        Role() {
            super(SPEC);
        }
        private static final Pattern ARGUMENT = Pattern.compile("(" + Inliner.SIMPLENAME
                + ")\\s*(\\(\\s*(" + Inliner.SIMPLENAME + ")\\s*\\)\\s*)?$", Pattern.UNICODE_CHARACTER_CLASS);

        @Override
        List<Node> run(Call call) throws DirectiveError {
            if (call.contentOffset() > call.lineno() || call.content().isEmpty()) {
                throw call.error("\"" + call.name() + "\" directive requires arguments on the first line.");
            }
            Matcher m = ARGUMENT.matcher(call.content().get(0));
            if (!m.lookingAt()) {
                throw call.error("\"" + call.name() + "\" directive arguments not valid role names: \""
                        + call.content().get(0) + "\".");
            }
            call.memo().inliner.defineRole(m.group(1));
            return List.of();
        }
    }

    /** {@code replace}, {@code unicode}, {@code date}: text for a substitution definition. */
    static final class SubstitutionText extends Directive {
        private final String kind;

        SubstitutionText(Spec spec, String kind) {
            super(spec);
            this.kind = kind;
        }

        @Override
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            if (!(call.state() instanceof SubstitutionDef)) {
                throw call.error("Invalid context: the \"" + call.name() + "\" directive can only be used within a "
                        + "substitution definition.");
            }
            if (kind.equals("unicode")) {
                return List.of(Node.text(call.arguments().get(0)));
            }
            if (kind.equals("date")) {
                return List.of(Node.text(call.content().isEmpty() ? "" : call.content().join("\n")));
            }
            call.requireContent();
            // one paragraph, and the messages its parse left beside it (docutils': ";" alone is "so short" a line
            // of punctuation that an info says it is read as text)
            Node paragraph = null;
            List<Node> messages = new ArrayList<>();
            for (Node node : call.parseContent()) {
                if (paragraph == null && node.is(NodeType.PARAGRAPH)) {
                    paragraph = node;
                } else if (node.is(NodeType.SYSTEM_MESSAGE)) {
                    messages.add(node);
                } else {
                    throw call.error("Error in \"" + call.name() + "\" directive: may contain a single paragraph only.");
                }
            }
            if (paragraph != null) {
                messages.addAll(paragraph.children);
            }
            return messages;
        }
    }
}
