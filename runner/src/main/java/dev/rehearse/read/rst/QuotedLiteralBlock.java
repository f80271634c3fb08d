package dev.rehearse.read.rst;

import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A literal block that is not indented but quoted: every line starts with the same punctuation character
 * (docutils' {@code QuotedLiteralBlock}).
 */
final class QuotedLiteralBlock extends State {

    private static final TransitionTable INITIAL = new TransitionTable(List.of(
            new Transition(Transition.Kind.BLANK, Body.BLANK, null, null),
            new Transition(Transition.Kind.INDENT, Body.INDENT, null, " "),
            new Transition(Transition.Kind.INITIAL_QUOTED, Pattern.compile("(" + Body.NONALPHANUM7BIT + ")"), null,
                    Body.PUNCTUATION_7BIT),
            new Transition(Transition.Kind.TEXT, Body.TEXT, null, null)));

    private TransitionTable transitions = INITIAL;
    private Integer initialLineno;
    /** Messages placed after the block. */
    private final List<Node> messages = new ArrayList<>();

    QuotedLiteralBlock(StateMachine sm) {
        super(sm, StateName.QUOTED_LITERAL_BLOCK, INITIAL);
    }

    /** Changes once the quote character is known. */
    @Override
    TransitionTable transitions() {
        return transitions;
    }

    @Override
    Step blank(Matcher m, List<String> context, StateName next) throws EndOfInput {
        if (!context.isEmpty()) {
            throw EndOfInput.INSTANCE;
        }
        return new Step(context, next);
    }

    @Override
    void eof(List<String> context) {
        if (!context.isEmpty()) {
            Memo.Position at = sm.sourceAndLine(initialLineno);
            String text = String.join("\n", context);
            Node block = Node.withText(NodeType.LITERAL_BLOCK, text, text);
            block.source = at.source();
            block.line = at.line();
            block.set("indent", 0);
            parent().append(block);
        } else {
            parent().append(memo.report(Memo.WARNING, "literal-block", "\"::\" is not followed by a literal block "
                    + "(indent it)", "Literal block expected; none found.", sm.absLineNumber()));
            sm.previousLine(1);
        }
        parent().appendAll(messages);
    }

    @Override
    Step indent(Matcher m, List<String> context, StateName next) throws EndOfInput {
        messages.add(memo.report(Memo.ERROR, "indentation", "Unexpected indentation.", sm.absLineNumber()));
        sm.previousLine(1);
        throw EndOfInput.INSTANCE;
    }

    @Override
    Step initialQuoted(Matcher m, List<String> context, StateName next) {
        // from now on only lines starting with this same character continue the block
        String quote = m.group().substring(0, 1);
        List<Transition> now = new ArrayList<>();
        now.add(new Transition(Transition.Kind.QUOTED, Pattern.compile(Pattern.quote(quote)), null, quote));
        for (Transition t : INITIAL.all()) {
            if (t.kind() != Transition.Kind.INITIAL_QUOTED) {
                now.add(t);
            }
        }
        transitions = new TransitionTable(now);
        initialLineno = sm.absLineNumber();
        List<String> ctx = new ArrayList<>();
        ctx.add(sm.line);
        return new Step(ctx, next);
    }

    @Override
    Step quoted(Matcher m, List<String> context, StateName next) {
        context.add(sm.line);
        return new Step(context, next);
    }

    @Override
    Step text(Matcher m, List<String> context, StateName next) throws EndOfInput {
        if (!context.isEmpty()) {
            messages.add(memo.report(Memo.ERROR, "literal-block", "Inconsistent literal block quoting.",
                    sm.absLineNumber()));
            sm.previousLine(1);
        }
        throw EndOfInput.INSTANCE;
    }
}
