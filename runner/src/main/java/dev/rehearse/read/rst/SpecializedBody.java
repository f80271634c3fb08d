package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;
import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * States for the items after the first of a list-like construct (docutils' {@code SpecializedBody}): anything but
 * the next item of the same kind ends the construct, and the line is handed back to the enclosing machine.
 */
abstract class SpecializedBody extends Body {

    SpecializedBody(StateMachine sm, StateName name) {
        super(sm, name, TRANSITIONS);
    }

    /** Not part of this construct: back up one line and end this machine. */
    final Step invalidInput() {
        sm.previousLine(1);
        return END;
    }

    @Override
    Step indent(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step bullet(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step enumerator(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step fieldMarker(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step optionMarker(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step doctest(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step lineBlock(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step gridTableTop(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step simpleTableTop(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step explicitMarkup(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step anonymous(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step line(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    @Override
    Step text(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return invalidInput();
    }

    /** The construct goes on: add its next item and remember whether a blank line ended it. */
    final Step add(ListItem item, StateName next) {
        parent().append(item.node());
        blankFinish = item.blankFinish();
        return State.empty(next);
    }

    final Step add(Constructed c, StateName next) {
        parent().appendAll(c.nodes());
        blankFinish = c.blankFinish();
        return State.empty(next);
    }

    /** Second and later items of a bullet list (same bullet character). */
    static final class BulletList extends SpecializedBody {
        BulletList(StateMachine sm) {
            super(sm, StateName.BULLET_LIST);
        }

        @Override
        Step bullet(Matcher m, List<String> context, StateName next) throws EndOfInput {
            if (!m.group().substring(0, 1).equals(parent().getString("bullet"))) {
                return invalidInput();
            }
            return add(listItem(m.end()), next);
        }
    }

    /** Second and later items of a definition list: a term line leads to the Definition state. */
    static final class DefinitionList extends SpecializedBody {
        DefinitionList(StateMachine sm) {
            super(sm, StateName.DEFINITION_LIST);
        }

        @Override
        Step text(Matcher m, List<String> context, StateName next) {
            List<String> ctx = new ArrayList<>();
            ctx.add(sm.line);
            return new Step(ctx, StateName.DEFINITION);
        }
    }

    /** Second and later items of an enumerated list: same format, next ordinal. */
    static final class EnumeratedList extends SpecializedBody {
        int lastOrdinal;
        String format;
        boolean auto;

        EnumeratedList(StateMachine sm) {
            super(sm, StateName.ENUMERATED_LIST);
        }

        @Override
        Step enumerator(Matcher m, List<String> context, StateName next) throws EndOfInput {
            Enumerator e = parseEnumerator(m, parent().getString("enumtype"));
            boolean same = e.format().equals(format) && (e.sequence().equals("#")
                    || (e.sequence().equals(parent().getString("enumtype")) && !auto && e.ordinal() != null
                    && e.ordinal() == lastOrdinal + 1));
            if (!same || !isEnumeratedListItem(e.ordinal(), e.sequence(), e.format())) {
                return invalidInput();
            }
            if (e.sequence().equals("#")) {
                auto = true;
            }
            lastOrdinal = e.ordinal();
            return add(listItem(m.end()), next);
        }
    }

    /** Second and later fields of a field list. */
    static class FieldList extends SpecializedBody {
        FieldList(StateMachine sm) {
            this(sm, StateName.FIELD_LIST);
        }

        FieldList(StateMachine sm, StateName name) {
            super(sm, name);
        }

        @Override
        Step fieldMarker(Matcher m, List<String> context, StateName next) throws EndOfInput {
            return add(field(m), next);
        }
    }

    /** Second and later options of an option list. */
    static final class OptionList extends SpecializedBody {
        OptionList(StateMachine sm) {
            super(sm, StateName.OPTION_LIST);
        }

        @Override
        Step optionMarker(Matcher m, List<String> context, StateName next) throws EndOfInput {
            ListItem item;
            try {
                item = optionListItem(m);
            } catch (BadOptionMarker e) {
                return invalidInput();
            }
            return add(item, next);
        }
    }

    /** A directive's option lines: field bodies become plain paragraphs, no markup. */
    static final class ExtensionOptions extends FieldList {
        ExtensionOptions(StateMachine sm) {
            super(sm, StateName.EXTENSION_OPTIONS);
        }

        @Override
        void parseFieldBody(LineList indented, int offset, Node node) {
            List<String> lines = new ArrayList<>();
            List<String> all = new ArrayList<>(indented.lines());
            all.add("");
            for (String line : all) {
                if (!Py.isBlank(line)) {
                    lines.add(line);
                } else if (!lines.isEmpty()) {
                    String text = String.join("\n", lines);
                    node.append(Node.withText(NodeType.PARAGRAPH, text, text));
                    lines = new ArrayList<>();
                }
            }
        }
    }

    /** Second and later lines of a line block; a blank line ends it. */
    static final class LineBlock extends SpecializedBody {
        LineBlock(StateMachine sm) {
            super(sm, StateName.LINE_BLOCK);
        }

        @Override
        Step blank(Matcher m, List<String> context, StateName next) throws EndOfInput {
            return invalidInput();
        }

        @Override
        Step lineBlock(Matcher m, List<String> context, StateName next) throws EndOfInput {
            Step step = add(lineBlockLine(m, sm.absLineNumber()), next);
            // docutils puts a line's messages beside the line block, not in it
            parent().parent.appendAll(inlineMessages());
            return step;
        }
    }

    /** Explicit markup right after explicit markup (no blank line needed between them). */
    static final class Explicit extends SpecializedBody {
        Explicit(StateMachine sm) {
            super(sm, StateName.EXPLICIT);
        }

        @Override
        Step blank(Matcher m, List<String> context, StateName next) throws EndOfInput {
            return invalidInput();
        }

        @Override
        Step explicitMarkup(Matcher m, List<String> context, StateName next) throws EndOfInput {
            return add(explicitConstruct(m), next);
        }

        @Override
        Step anonymous(Matcher m, List<String> context, StateName next) throws EndOfInput {
            return add(anonymousTarget(m), next);
        }
    }
}
