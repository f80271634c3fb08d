package dev.rehearse.read.rst;

import dev.rehearse.guide.BadInput;
import dev.rehearse.read.common.SourceText;
import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A directive ({@code .. name:: arguments}, options, content): how its block is split up ({@link Spec}) and what
 * nodes it makes. Mirrors docutils' {@code Directive} so that errors (which make docutils drop the whole directive,
 * content included) happen in the same places.
 */
abstract class Directive {

    /** Converts one option's value (null for a flag written without one); throws on an invalid value. */
    interface Option {
        Object convert(String value);
    }

    /**
     * How a directive's block is read.
     *
     * @param options the option specification; null or empty means options are not parsed at all
     */
    record Spec(int requiredArguments, int optionalArguments, boolean finalArgumentWhitespace,
                Map<String, Option> options, boolean hasContent) {

        boolean hasOptions() {
            return options != null && !options.isEmpty();
        }

        Option option(String name) {
            return options == null ? null : options.get(name);
        }
    }

    /** One use of a directive: everything docutils hands a directive instance. */
    record Call(String name, List<String> arguments, Map<String, Object> options, LineList content, int lineno,
                int contentOffset, Body state) {

        StateMachine sm() {
            return state.sm;
        }

        Memo memo() {
            return state.memo;
        }

        /** Where the directive stands. */
        Memo.Position position() {
            return sm().sourceAndLine(lineno);
        }

        DirectiveError error(String message) {
            return new DirectiveError(Memo.ERROR, "directive", message);
        }

        /** docutils' {@code assert_has_content}. */
        void requireContent() throws DirectiveError {
            if (content.isEmpty()) {
                refuseIfUnterminated();
                throw error("Content block expected for the \"" + name + "\" directive; none found.");
            }
        }

        /**
         * A directive that expects content but stands last in its file, nothing after it: the file ends in the
         * middle of the directive, which is bad input rather than a defect to lint.
         */
        void refuseIfUnterminated() {
            Memo.Position at = position();
            if (memo().endsAfter(at, true)) {
                throw new BadInput(SourceText.display(
                        Path.of(at.source())), at.line(), "unterminated \"" + name
                        + "\" directive: the file ends before its content");
            }
        }

        /** Parse the content as body elements into {@code node}. */
        void parseContent(Node node) throws EndOfInput {
            state.nestedParse(content, contentOffset, node, false);
        }

        /** The content parsed as body elements, not yet placed anywhere. */
        List<Node> parseContent() throws EndOfInput {
            Node holder = new Node(NodeType.CONTAINER, "");
            parseContent(holder);
            List<Node> nodes = new ArrayList<>(holder.children);
            holder.children.clear();
            return nodes;
        }

        /** The {@code :class:} option as the node's classes. */
        void applyClasses(Node node) {
            Object classes = options.get("class");
            if (classes instanceof List<?> list) {
                for (Object c : list) {
                    node.classes().add(c.toString());
                }
            }
        }
    }

    /** A directive that fails: docutils reports it and drops the directive. */
    static final class DirectiveError extends Exception {
        final int level;
        final String rule;

        DirectiveError(int level, String rule, String message) {
            super(message, null, false, false);
            this.level = level;
            this.rule = rule;
        }
    }

    private final Spec spec;

    Directive(Spec spec) {
        this.spec = spec;
    }

    final Spec spec() {
        return spec;
    }

    abstract List<Node> run(Call call) throws DirectiveError, EndOfInput;
}
