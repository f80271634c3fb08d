package dev.rehearse.read.rst;

import dev.rehearse.guide.BadInput;
import dev.rehearse.read.common.Py;
import dev.rehearse.read.common.SourceText;
import dev.rehearse.read.rst.StateMachine.EndOfInput;
import dev.rehearse.read.rst.StateMachine.StateCorrection;
import dev.rehearse.read.rst.StateMachine.TransitionCorrection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state after a line of text (docutils' {@code Text}): the next line decides whether it was a paragraph, a
 * section title (an underline follows), a definition list term (an indented block follows) or the start of a
 * literal block ({@code ::}).
 */
class TextState extends State {

    private static final TransitionTable TRANSITIONS = new TransitionTable(List.of(
            new Transition(Transition.Kind.BLANK, Body.BLANK, null, null),
            new Transition(Transition.Kind.INDENT, Body.INDENT, null, " "),
            new Transition(Transition.Kind.UNDERLINE, Body.LINE, StateName.BODY, Body.PUNCTUATION_7BIT),
            new Transition(Transition.Kind.TEXT, Body.TEXT, StateName.BODY, null)));

    TextState(StateMachine sm) {
        this(sm, StateName.TEXT);
    }

    TextState(StateMachine sm, StateName name) {
        super(sm, name, TRANSITIONS);
    }

    @Override
    Step blank(Matcher m, List<String> context, StateName next) throws EndOfInput {
        Paragraph p = paragraph(context, sm.absLineNumber() - 1);
        parent().appendAll(p.nodes());
        if (p.literalNext()) {
            refuseIfFileEnds(sm.absLineNumber() - 1);
            parent().appendAll(literalBlock());
        }
        return State.empty(StateName.BODY);
    }

    @Override
    void eof(List<String> context) throws EndOfInput {
        if (!context.isEmpty()) {
            blank(null, context, null);
        }
    }

    @Override
    Step indent(Matcher m, List<String> context, StateName next) throws EndOfInput {
        Node list = new Node(NodeType.DEFINITION_LIST, "");
        DefinitionItem item = definitionListItem(context);
        list.append(item.node);
        parent().append(list);
        ListEnd end = nestedListParse(sm.inputLines.slice(sm.lineOffset + 1), sm.absLineOffset() + 1, list,
                StateName.DEFINITION_LIST, item.blankFinish, StateName.DEFINITION, null, false);
        gotoLine(end.offset());
        if (!end.blankFinish()) {
            parent().append(unindentWarning("Definition list"));
        }
        return State.empty(StateName.BODY);
    }

    @Override
    Step underline(Matcher m, List<String> context, StateName next) throws EndOfInput {
        int lineno = sm.absLineNumber();
        String title = Py.rstrip(context.get(0));
        String underline = Py.rstrip(sm.line);
        String source = title + "\n" + underline;
        List<Node> messages = new ArrayList<>();
        if (UnicodeTables.columnWidth(title) > underline.length()) {
            if (underline.length() < 4) {
                if (sm.matchTitles) {
                    // "::" under a line of text ends a paragraph, it is no adornment
                    parent().append(memo.report(Memo.INFO, underline.equals("::") ? null : "title-underline",
                            "title underline of " + underline.length() + " characters is too short for its title of "
                                    + UnicodeTables.columnWidth(title) + ": Sphinx reads both lines as text",
                            "Possible title underline, too short for the title.\nTreating it as ordinary text "
                                    + "because it's so short.", lineno));
                }
                throw new TransitionCorrection(Transition.Kind.TEXT);
            }
            messages.add(memo.report(Memo.WARNING, "title-underline", "title underline is too short ("
                    + underline.length() + " characters for a title of " + UnicodeTables.columnWidth(title) + ")",
                    "Title underline too short.", lineno));
        }
        if (!sm.matchTitles) {
            Memo.Position at = sm.sourceAndLine(null);
            parent().appendAll(messages);
            parent().append(memo.reportAt(Memo.SEVERE, "title-level", "Unexpected section title.", at));
            return State.empty(next);
        }
        String style = underline.substring(0, 1);
        context.clear();
        section(title, source, style, lineno - 1, messages);
        return new Step(context, next);
    }

    @Override
    Step text(Matcher m, List<String> context, StateName next) throws EndOfInput {
        int startLine = sm.absLineNumber() - 1;
        LineList block;
        boolean unexpectedIndentation = false;
        Memo.Position indentAt = null;
        try {
            block = sm.getTextBlock(true);
        } catch (LineList.UnexpectedIndentation e) {
            block = e.block;
            unexpectedIndentation = true;
            indentAt = new Memo.Position(e.source, e.line);
        }
        List<String> lines = new ArrayList<>(context);
        lines.addAll(block.lines());
        Paragraph p = paragraph(lines, startLine);
        parent().appendAll(p.nodes());
        if (unexpectedIndentation) {
            parent().append(memo.reportAt(Memo.ERROR, "indentation", "Unexpected indentation.", indentAt));
        }
        if (p.literalNext()) {
            refuseIfFileEnds(sm.absLineNumber());
            try {
                sm.nextLine();
            } catch (EndOfInput ignored) {
                // the literal block check below reports the missing block
            }
            parent().appendAll(literalBlock());
        }
        return State.empty(next);
    }

    /** A paragraph announcing a literal block ({@code ::}) as the last thing in its file: the file is cut short. */
    private void refuseIfFileEnds(int lastLine) {
        Memo.Position at = sm.sourceAndLine(lastLine);
        if (memo.endsAfter(at, false)) {
            throw new BadInput(SourceText.display(Path.of(
                    at.source())), at.line(), "the file ends after \"::\": the literal block it announces is missing");
        }
    }

    /** The indented (or quoted) block after a paragraph ending in {@code ::}. */
    List<Node> literalBlock() throws EndOfInput {
        StateMachine.Indented in = sm.getIndented(false, true);
        LineList indented = in.block();
        while (!indented.isEmpty() && Py.isBlank(indented.last())) {
            indented.trimEnd(1);
        }
        if (indented.isEmpty()) {
            return quotedLiteralBlock();
        }
        String data = indented.join("\n");
        Node block = Node.withText(NodeType.LITERAL_BLOCK, data, data);
        Memo.Position at = sm.sourceAndLine(in.offset() + 1);
        block.source = at.source();
        block.line = at.line();
        block.set("indent", in.indent());
        if (!in.blankFinish()) {
            return List.of(block, unindentWarning("Literal block"));
        }
        return List.of(block);
    }

    private List<Node> quotedLiteralBlock() throws EndOfInput {
        int absLineOffset = sm.absLineOffset();
        int offset = sm.lineOffset;
        Node holder = new Node(NodeType.CONTAINER, "");
        int newAbsOffset = nestedParse(sm.inputLines.slice(offset), absLineOffset, holder, false,
                StateName.QUOTED_LITERAL_BLOCK);
        gotoLine(newAbsOffset);
        List<Node> nodes = List.copyOf(holder.children);
        holder.children.clear();
        return nodes;
    }

    record DefinitionItem(Node node, boolean blankFinish) {
    }

    DefinitionItem definitionListItem(List<String> termLine) throws EndOfInput {
        StateMachine.Indented in = sm.getIndented(false, true);
        List<String> all = new ArrayList<>(termLine);
        all.addAll(in.block().lines());
        Node item = new Node(NodeType.DEFINITION_LIST_ITEM, String.join("\n", all));
        int lineno = sm.absLineNumber() - 1;
        Memo.Position at = sm.sourceAndLine(lineno);
        item.source = at.source();
        item.line = at.line();
        item.appendAll(term(termLine, lineno));
        Node definition = new Node(NodeType.DEFINITION, "");
        definition.appendAll(inlineMessages());
        item.append(definition);
        if (termLine.get(0).endsWith("::")) {
            // docutils points past the block; the line that needs the blank line after it is the term's
            definition.append(memo.report(Memo.INFO, "literal-block", "\"::\" needs a blank line before its literal "
                    + "block: Sphinx reads the block as a definition list, not as code", "Blank line missing before "
                    + "literal block (after the \"::\")? Interpreted as a definition list item.", in.offset()));
        }
        nestedParse(in.block(), in.offset(), definition, false);
        return new DefinitionItem(item, in.blankFinish());
    }

    private static final Pattern CLASSIFIER_DELIMITER = Pattern.compile(" +: +");

    private List<Node> term(List<String> lines, int lineno) {
        List<Node> textNodes = inlineText(lines.get(0), lineno);
        Node term = new Node(NodeType.TERM, lines.get(0));
        Memo.Position at = sm.sourceAndLine(lineno);
        term.source = at.source();
        term.line = at.line();
        List<Node> out = new ArrayList<>();
        out.add(term);
        for (Node n : textNodes) {
            if (n.is(NodeType.TEXT)) {
                String[] parts = CLASSIFIER_DELIMITER.split(n.text, -1);
                if (parts.length == 1) {
                    out.get(out.size() - 1).append(n);
                } else {
                    out.get(out.size() - 1).append(Node.text(Py.rstrip(parts[0])));
                    for (int i = 1; i < parts.length; i++) {
                        out.add(Node.withText(NodeType.CLASSIFIER, Inliner.unescape(parts[i], true), parts[i]));
                    }
                }
            } else {
                out.get(out.size() - 1).append(n);
            }
        }
        return out;
    }

    /** Text states that end their construct on anything unexpected (docutils' {@code SpecializedText}). */
    abstract static class Specialized extends TextState {
        Specialized(StateMachine sm, StateName name) {
            super(sm, name);
        }

        @Override
        void eof(List<String> context) throws EndOfInput {
        }

        @Override
        Step blank(Matcher m, List<String> context, StateName next) throws EndOfInput {
            return END;
        }

        @Override
        Step indent(Matcher m, List<String> context, StateName next) throws EndOfInput {
            return END;
        }

        @Override
        Step underline(Matcher m, List<String> context, StateName next) throws EndOfInput {
            return END;
        }

        @Override
        Step text(Matcher m, List<String> context, StateName next) throws EndOfInput {
            return END;
        }
    }

    /** After a term line inside a definition list: an indented block makes the next item. */
    static final class Definition extends Specialized {
        Definition(StateMachine sm) {
            super(sm, StateName.DEFINITION);
        }

        @Override
        void eof(List<String> context) {
            sm.previousLine(2);
        }

        @Override
        Step indent(Matcher m, List<String> context, StateName next) throws EndOfInput {
            DefinitionItem item = definitionListItem(context);
            parent().append(item.node());
            blankFinish = item.blankFinish();
            return State.empty(StateName.DEFINITION_LIST);
        }
    }

    /** After a line of punctuation: a transition, or the overline of a section title. */
    static final class Line extends Specialized {
        /** False while a section started here is parsed, so that its end is not taken for a transition. */
        private boolean eofCheck = true;

        Line(StateMachine sm) {
            super(sm, StateName.LINE);
        }

        @Override
        void eof(List<String> context) {
            String marker = Py.strip(context.get(0));
            if (memo.sectionBubbleUpKludge) {
                memo.sectionBubbleUpKludge = false;
            } else if (marker.length() < 4) {
                stateCorrection(context, 1);
            }
            if (eofCheck) {
                Node transition = new Node(NodeType.TRANSITION, context.get(0));
                Memo.Position at = sm.sourceAndLine(null);
                transition.source = at.source();
                transition.line = at.line() == null ? null : at.line() - 1;
                parent().append(transition);
            }
            eofCheck = true;
        }

        @Override
        Step blank(Matcher m, List<String> context, StateName next) {
            Memo.Position at = sm.sourceAndLine(null);
            String marker = Py.strip(context.get(0));
            if (marker.length() < 4) {
                stateCorrection(context, 1);
            }
            Node transition = new Node(NodeType.TRANSITION, marker);
            transition.source = at.source();
            transition.line = at.line() == null ? null : at.line() - 1;
            parent().append(transition);
            return State.empty(StateName.BODY);
        }

        @Override
        Step text(Matcher m, List<String> context, StateName next) throws EndOfInput {
            int lineno = sm.absLineNumber() - 1;
            String overline = context.get(0);
            String title = sm.line;
            String underline = "";
            try {
                underline = sm.nextLine();
            } catch (EndOfInput e) {
                if (Py.rstrip(overline).length() < 4) {
                    shortOverline(context, lineno, 2);
                } else {
                    parent().append(memo.report(Memo.SEVERE, "title-overline", "Incomplete section title.", lineno));
                    return State.empty(StateName.BODY);
                }
            }
            String source = overline + "\n" + title + "\n" + underline;
            overline = Py.rstrip(overline);
            underline = Py.rstrip(underline);
            if (!Body.isAdornment(underline)) {
                if (overline.length() < 4) {
                    shortOverline(context, lineno, 2);
                } else {
                    parent().append(memo.report(Memo.SEVERE, "title-overline", "Missing matching underline for "
                            + "section title overline.", lineno));
                    return State.empty(StateName.BODY);
                }
            } else if (!overline.equals(underline)) {
                if (overline.length() < 4) {
                    shortOverline(context, lineno, 2);
                } else {
                    parent().append(memo.report(Memo.SEVERE, "title-overline", "title overline and underline "
                            + "differ (\"" + overline + "\" and \"" + underline + "\"): Sphinx drops the title",
                            "Title overline & underline mismatch.", lineno));
                    return State.empty(StateName.BODY);
                }
            }
            title = Py.rstrip(title);
            List<Node> messages = new ArrayList<>();
            if (UnicodeTables.columnWidth(title) > overline.length()) {
                if (overline.length() < 4) {
                    shortOverline(context, lineno, 2);
                } else {
                    messages.add(memo.report(Memo.WARNING, "title-underline", "title overline is too short ("
                            + overline.length() + " characters for a title of " + UnicodeTables.columnWidth(title) + ")",
                            "Title overline too short.", lineno));
                }
            }
            String style = overline.substring(0, 1) + underline.charAt(0);
            eofCheck = false;
            section(Py.lstrip(title), source, style, lineno + 1, messages);
            eofCheck = true;
            return State.empty(StateName.BODY);
        }

        @Override
        Step indent(Matcher m, List<String> context, StateName next) throws EndOfInput {
            return text(m, context, next);
        }

        @Override
        Step underline(Matcher m, List<String> context, StateName next) {
            String overline = context.get(0);
            int lineno = sm.absLineNumber() - 1;
            if (Py.rstrip(overline).length() < 4) {
                shortOverline(context, lineno, 1);
            }
            parent().append(memo.report(Memo.ERROR, "title-overline", "Invalid section title or transition "
                    + "marker.", lineno));
            return State.empty(StateName.BODY);
        }

        private void shortOverline(List<String> context, int lineno, int lines) {
            parent().append(memo.report(Memo.INFO, "title-overline", "Possible incomplete section title.\n"
                    + "Treating the overline as ordinary text because it's so short.", lineno));
            stateCorrection(context, lines);
        }

        private void stateCorrection(List<String> context, int lines) {
            sm.previousLine(lines);
            context.clear();
            throw new StateCorrection(StateName.BODY, Transition.Kind.TEXT);
        }
    }
}
