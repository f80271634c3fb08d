package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;
import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * A parser state: its transitions and what each does (docutils' {@code RSTState} and {@code StateWS}). Subclasses
 * override the transition methods they handle; the shared machinery (nested parses, sections, paragraphs) lives
 * here.
 */
abstract class State {

    /** What a transition method returns: the context for the next line and the next state (null: unchanged). */
    record Step(List<String> context, StateName next) {
    }

    /**
     * Returned instead of throwing {@link EndOfInput} where a construct simply ends (docutils raises EOFError there):
     * the machine runs its end-of-input transition and stops. Most nested machines end this way, and returning is
     * much cheaper than unwinding.
     */
    static final Step END = new Step(List.of(), null);

    private static final Step[] EMPTY = new Step[StateName.values().length];

    static {
        for (StateName n : StateName.values()) {
            EMPTY[n.ordinal()] = new Step(List.of(), n);
        }
    }

    /**
     * Go on in {@code next} with no context (docutils returns a fresh empty list; nothing ever adds to an empty
     * context, so one shared immutable list does).
     */
    static Step empty(StateName next) {
        return next == null ? new Step(List.of(), null) : EMPTY[next.ordinal()];
    }

    final StateMachine sm;
    final Memo memo;
    /** For list-like states: whether the construct ended with a blank line (set by the caller, read back). */
    boolean blankFinish;

    private final StateName name;
    private final TransitionTable transitions;

    State(StateMachine sm, StateName name, TransitionTable transitions) {
        this.sm = sm;
        this.memo = sm.memo;
        this.name = name;
        this.transitions = transitions;
    }

    final StateName name() {
        return name;
    }

    /** The transitions in the order they are tried. */
    TransitionTable transitions() {
        return transitions;
    }

    /** The node this machine adds to. */
    Node parent() {
        return sm.node;
    }

    List<String> bof() {
        return List.of();
    }

    void eof(List<String> context) throws EndOfInput {
    }

    Step noMatch(List<String> context) {
        memo.report(Memo.SEVERE, "internal", "Internal error: no transition pattern match in " + name(), null);
        return new Step(context, null);
    }

    Step handle(Transition t, Matcher m, List<String> context) throws EndOfInput {
        StateName next = t.next() == null ? name() : t.next();
        return switch (t.kind()) {
            case BLANK -> blank(m, context, next);
            case INDENT -> indent(m, context, next);
            case BULLET -> bullet(m, context, next);
            case ENUMERATOR -> enumerator(m, context, next);
            case FIELD_MARKER -> fieldMarker(m, context, next);
            case OPTION_MARKER -> optionMarker(m, context, next);
            case DOCTEST -> doctest(m, context, next);
            case LINE_BLOCK -> lineBlock(m, context, next);
            case GRID_TABLE_TOP -> gridTableTop(m, context, next);
            case SIMPLE_TABLE_TOP -> simpleTableTop(m, context, next);
            case EXPLICIT_MARKUP -> explicitMarkup(m, context, next);
            case ANONYMOUS -> anonymous(m, context, next);
            case LINE -> line(m, context, next);
            case TEXT -> text(m, context, next);
            case UNDERLINE -> underline(m, context, next);
            case INITIAL_QUOTED -> initialQuoted(m, context, next);
            case QUOTED -> quoted(m, context, next);
            case EMBEDDED_DIRECTIVE -> embeddedDirective(m, context, next);
        };
    }

    Step blank(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return new Step(context, next);
    }

    Step indent(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step bullet(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step enumerator(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step fieldMarker(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step optionMarker(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step doctest(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step lineBlock(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step gridTableTop(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step simpleTableTop(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step explicitMarkup(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step anonymous(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step line(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step text(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step underline(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step initialQuoted(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step quoted(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    Step embeddedDirective(Matcher m, List<String> context, StateName next) throws EndOfInput {
        throw unsupported();
    }

    private IllegalStateException unsupported() {
        return new IllegalStateException("state " + name() + " has no such transition");
    }

    // ------------------------------------------------------------------ shared machinery

    /** Move to an absolute line; the end of the input is not an error here (docutils' RSTState.goto_line). */
    void gotoLine(int absOffset) {
        try {
            sm.gotoLine(absOffset);
        } catch (EndOfInput ignored) {
            // the next read reports the end
        }
    }

    /** Parse {@code block} into {@code node} with a fresh machine; returns the absolute offset it stopped at. */
    int nestedParse(LineList block, int inputOffset, Node node, boolean matchTitles) throws EndOfInput {
        return nestedParse(block, inputOffset, node, matchTitles, StateName.BODY);
    }

    int nestedParse(LineList block, int inputOffset, Node node, boolean matchTitles, StateName initial)
            throws EndOfInput {
        int blockLength = block.size();
        StateMachine machine = new StateMachine(memo, node, matchTitles, initial);
        machine.run(block, inputOffset);
        int newOffset = machine.absLineOffset();
        // lines an include inserted into the block are lines this machine has to step over too
        if (block.hasParent() && block.size() != blockLength) {
            sm.nextLine(block.size() - blockLength);
        }
        return newOffset;
    }

    /** Result of {@link #nestedListParse}: where the list ended and whether a blank line ended it. */
    record ListEnd(int offset, boolean blankFinish) {
    }

    ListEnd nestedListParse(LineList block, int inputOffset, Node node, StateName initial, boolean blankFinish,
                            StateName blankFinishState, Consumer<State> extraSettings, boolean matchTitles) {
        StateMachine machine = new StateMachine(memo, node, matchTitles, initial);
        StateName finishState = blankFinishState == null ? initial : blankFinishState;
        machine.state(finishState).blankFinish = blankFinish;
        if (extraSettings != null) {
            extraSettings.accept(machine.state(initial));
        }
        machine.run(block, inputOffset);
        return new ListEnd(machine.absLineOffset(), machine.state(finishState).blankFinish);
    }

    ListEnd nestedListParse(LineList block, int inputOffset, Node node, StateName initial, boolean blankFinish) {
        return nestedListParse(block, inputOffset, node, initial, blankFinish, null, null, false);
    }

    /** A section title was found; open the section when its level fits. */
    /** {@code messages}: what the adornment check said, placed in the section after its title. */
    void section(String title, String source, String style, int lineno, List<Node> messages) throws EndOfInput {
        if (checkSubsection(source, style, lineno)) {
            newSubsection(title, lineno, messages);
        }
    }

    private boolean checkSubsection(String source, String style, int lineno) throws EndOfInput {
        List<String> styles = memo.titleStyles;
        int mylevel = memo.sectionLevel;
        int index = styles.indexOf(style);
        if (index < 0) {
            if (styles.size() == memo.sectionLevel) {
                styles.add(style);
                return true;
            }
            titleInconsistent(lineno);
            return false;
        }
        int level = index + 1;
        if (level <= mylevel) {
            // a sibling or an ancestor's sibling: end the sections up to that level
            memo.sectionLevel = level;
            if (style.length() == 2) {
                memo.sectionBubbleUpKludge = true;
            }
            sm.previousLine(style.length() + 1);
            throw EndOfInput.INSTANCE;
        }
        if (level == mylevel + 1) {
            return true;
        }
        titleInconsistent(lineno);
        return false;
    }

    private void titleInconsistent(int lineno) {
        parent().append(memo.report(Memo.SEVERE, "title-level", "Title level inconsistent", "Title level "
                + "inconsistent:", lineno));
    }

    private void newSubsection(String title, int lineno, List<Node> messages) throws EndOfInput {
        int mylevel = memo.sectionLevel;
        memo.sectionLevel++;
        Node section = new Node(NodeType.SECTION, "");
        parent().append(section);
        Node titleNode = new Node(NodeType.TITLE, title);
        titleNode.appendAll(inlineText(title, lineno));
        Memo.Position at = memo.position(lineno);
        titleNode.source = at.source();
        titleNode.line = at.line();
        String name = Names.fullyNormalize(titleNode.astext());
        section.names().add(name);
        section.append(titleNode);
        section.appendAll(messages);
        section.appendAll(inlineMessages());
        memo.noteTarget(name, at);
        int offset = sm.lineOffset + 1;
        int absOffset = sm.absLineOffset() + 1;
        int newAbsOffset = nestedParse(sm.inputLines.slice(offset), absOffset, section, true);
        gotoLine(newAbsOffset);
        if (memo.sectionLevel <= mylevel) {
            throw EndOfInput.INSTANCE;
        }
        memo.sectionLevel = mylevel;
    }

    /** A paragraph and whether a literal block follows it (it ended with {@code ::}). */
    /** A paragraph, the messages its inline markup produced, and whether a literal block follows it. */
    record Paragraph(Node node, List<Node> messages, boolean literalNext) {

        /** docutils' {@code [p] + messages}. */
        List<Node> nodes() {
            List<Node> out = new ArrayList<>(messages.size() + 1);
            if (node != null) {
                out.add(node);
            }
            out.addAll(messages);
            return out;
        }
    }

    /** Build a paragraph from its lines; null node for a paragraph that is only {@code ::}. */
    Paragraph paragraph(List<String> lines, int lineno) {
        String data = Py.rstrip(String.join("\n", lines));
        String text;
        boolean literalNext;
        if (endsWithUnescapedDoubleColon(data)) {
            if (data.length() == 2) {
                return new Paragraph(null, List.of(), true);
            }
            char beforeColons = data.charAt(data.length() - 3);
            text = beforeColons == ' ' || beforeColons == '\n'
                    ? Py.rstrip(data.substring(0, data.length() - 3))
                    : data.substring(0, data.length() - 1);
            literalNext = true;
        } else {
            text = data;
            literalNext = false;
        }
        Node p = new Node(NodeType.PARAGRAPH, data);
        p.appendAll(inlineText(text, lineno));
        Memo.Position at = sm.sourceAndLine(lineno);
        p.source = at.source();
        p.line = at.line();
        return new Paragraph(p, inlineMessages(), literalNext);
    }

    /** {@code re.search(r'(?<!\\)(\\\\)*::$', data)}. */
    static boolean endsWithUnescapedDoubleColon(String data) {
        if (!data.endsWith("::")) {
            return false;
        }
        int backslashes = 0;
        for (int i = data.length() - 3; i >= 0 && data.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }

    /** Inline markup of {@code text} starting at absolute line {@code lineno}. */
    List<Node> inlineText(String text, int lineno) {
        return memo.inliner.parse(text, lineno, sm);
    }

    /** The system messages the inline parses since the last call produced (docutils returns them alongside). */
    List<Node> inlineMessages() {
        return memo.inliner.takeMessages();
    }

    Node unindentWarning(String nodeName) {
        return memo.report(Memo.WARNING, "unindent", nodeName + " ends without a blank line; unexpected unindent.",
                sm.absLineNumber() + 1);
    }
}
