package dev.rehearse.read.rst;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The line-by-line state machine of docutils' reStructuredText parser ({@code StateMachineWS} with the
 * {@code RSTStateMachine} / {@code NestedStateMachine} additions). Each nested construct (a section, a list, a
 * directive's content) runs its own machine over a slice of the lines; absolute line offsets stay those of the top
 * document, so positions agree at every depth.
 */
final class StateMachine {

    /** docutils' {@code EOFError}: the input, or the construct being parsed, ends here. */
    static final class EndOfInput extends Exception {
        static final EndOfInput INSTANCE = new EndOfInput();

        private EndOfInput() {
            super(null, null, false, false);
        }
    }

    /** Retry the current line with one named transition. */
    static final class TransitionCorrection extends RuntimeException {
        final Transition.Kind transition;

        TransitionCorrection(Transition.Kind transition) {
            super(null, null, false, false);
            this.transition = transition;
        }
    }

    /** Retry the current line in another state (and optionally with one named transition). */
    static final class StateCorrection extends RuntimeException {
        final StateName state;
        final Transition.Kind transition;

        StateCorrection(StateName state, Transition.Kind transition) {
            super(null, null, false, false);
            this.state = state;
            this.transition = transition;
        }
    }

    final Memo memo;
    final Node node;
    final boolean matchTitles;
    LineList inputLines;
    int inputOffset;
    String line;
    int lineOffset = -1;
    private StateName currentState;
    private final Map<StateName, State> states = new EnumMap<>(StateName.class);

    StateMachine(Memo memo, Node node, boolean matchTitles, StateName initialState) {
        this.memo = memo;
        this.node = node;
        this.matchTitles = matchTitles;
        this.currentState = initialState;
    }

    /** The state object of this machine for a name, created on first use. */
    State state(StateName name) {
        return states.computeIfAbsent(name, n -> n.create(this));
    }

    /** Run over {@code lines}; {@code offset} is the absolute offset of the first of them. */
    void run(LineList lines, int offset) {
        inputLines = lines;
        inputOffset = offset;
        lineOffset = -1;
        State state = state(currentState);
        List<Transition.Kind> only = null;
        List<String> context = state.bof();
        while (true) {
            StateName next;
            try {
                try {
                    nextLine();
                    State.Step step = checkLine(context, state, only);
                    context = step.context();
                    next = step.next();
                } catch (EndOfInput eof) {
                    try {
                        state.eof(context);
                    } catch (EndOfInput alsoAtEnd) {
                        // the end-of-input work itself hit the end: nothing more to do
                    }
                    break;
                }
                only = null;
            } catch (TransitionCorrection correction) {
                previousLine(1);
                only = List.of(correction.transition);
                continue;
            } catch (StateCorrection correction) {
                previousLine(1);
                next = correction.state;
                only = correction.transition == null ? null : List.of(correction.transition);
            }
            if (next != null) {
                currentState = next;
            }
            state = state(currentState);
        }
    }

    private State.Step checkLine(List<String> context, State state, List<Transition.Kind> only)
            throws EndOfInput {
        for (Transition t : state.transitions()) {
            if (only != null && !only.contains(t.kind())) {
                continue;
            }
            if (!t.mayMatch(line)) {
                continue;
            }
            Matcher m = t.pattern().matcher(line);
            if (m.lookingAt()) {
                return state.handle(t, m, context);
            }
        }
        return state.noMatch(context);
    }

    // ------------------------------------------------------------------ position

    String nextLine() throws EndOfInput {
        return nextLine(1);
    }

    String nextLine(int n) throws EndOfInput {
        lineOffset += n;
        if (lineOffset >= 0 && lineOffset < inputLines.size()) {
            line = inputLines.get(lineOffset);
            noteSource();
            return line;
        }
        if (lineOffset < 0 && -lineOffset <= inputLines.size()) {
            // Python indexes from the end
            line = inputLines.get(lineOffset);
            noteSource();
            return line;
        }
        line = null;
        noteSource();
        throw EndOfInput.INSTANCE;
    }

    /** Advance without caring whether the input ends there. */
    void skipLines(int n) {
        try {
            nextLine(n);
        } catch (EndOfInput ignored) {
            // the caller only moves the position
        }
    }

    boolean isNextLineBlank() {
        int i = lineOffset + 1;
        if (i >= inputLines.size()) {
            return true;
        }
        return Py.isBlank(inputLines.get(i));
    }

    boolean atEof() {
        return lineOffset >= inputLines.size() - 1;
    }

    String previousLine(int n) {
        lineOffset -= n;
        if (lineOffset < 0) {
            line = null;
        } else {
            line = lineOffset < inputLines.size() ? inputLines.get(lineOffset) : null;
        }
        noteSource();
        return line;
    }

    void gotoLine(int absOffset) throws EndOfInput {
        lineOffset = absOffset - inputOffset;
        if (lineOffset >= 0 && lineOffset < inputLines.size()) {
            line = inputLines.get(lineOffset);
            noteSource();
            return;
        }
        line = null;
        noteSource();
        throw EndOfInput.INSTANCE;
    }

    int absLineOffset() {
        return lineOffset + inputOffset;
    }

    int absLineNumber() {
        return lineOffset + inputOffset + 1;
    }

    /** Source and 1-based line of an absolute line number (current line when null); docutils' semantics. */
    Memo.Position sourceAndLine(Integer lineno) {
        int offset = lineno == null ? lineOffset : lineno - inputOffset - 1;
        LineList.Origin o;
        try {
            o = inputLines.info(offset);
        } catch (IndexOutOfBoundsException e) {
            return new Memo.Position(null, null);
        }
        if (o.offset() == null) {
            Memo.Position p = sourceAndLine(offset + inputOffset);
            return new Memo.Position(p.source(), p.line() == null ? null : p.line() + 1);
        }
        return new Memo.Position(o.source(), o.offset() + 1);
    }

    private void noteSource() {
        LineList.Origin o;
        try {
            o = inputLines.info(lineOffset);
        } catch (IndexOutOfBoundsException e) {
            o = null;
        }
        memo.currentSource = o == null ? null : o.source();
        memo.currentLine = o == null || o.offset() == null ? null : o.offset() + 1;
    }

    // ------------------------------------------------------------------ blocks

    LineList getTextBlock(boolean flushLeft) throws LineList.UnexpectedIndentation {
        try {
            LineList block = inputLines.getTextBlock(lineOffset, flushLeft);
            skipLines(block.size() - 1);
            return block;
        } catch (LineList.UnexpectedIndentation e) {
            skipLines(e.block.size() - 1);
            throw e;
        }
    }

    /** docutils' {@code get_indented}: indent unknown. */
    Indented getIndented(boolean untilBlank, boolean stripIndent) {
        int offset = absLineOffset();
        LineList.Indented r = inputLines.getIndented(lineOffset, untilBlank, stripIndent, -1, -1);
        if (!r.block().isEmpty()) {
            skipLines(r.block().size() - 1);
        }
        LineList block = r.block();
        while (!block.isEmpty() && Py.isBlank(block.get(0))) {
            block.trimStart(1);
            offset++;
        }
        return new Indented(block, r.indent(), offset, r.blankFinish());
    }

    /** docutils' {@code get_known_indented}: every line has at least {@code indent}. */
    Indented getKnownIndented(int indent, boolean untilBlank, boolean stripIndent) {
        int offset = absLineOffset();
        LineList.Indented r = inputLines.getIndented(lineOffset, untilBlank, stripIndent, indent, -1);
        skipLines(r.block().size() - 1);
        LineList block = r.block();
        while (!block.isEmpty() && Py.isBlank(block.get(0))) {
            block.trimStart(1);
            offset++;
        }
        return new Indented(block, indent, offset, r.blankFinish());
    }

    /** docutils' {@code get_first_known_indented}: only the first line's indent is known. */
    Indented getFirstKnownIndented(int indent, boolean untilBlank, boolean stripIndent, boolean stripTop) {
        int offset = absLineOffset();
        LineList.Indented r = inputLines.getIndented(lineOffset, untilBlank, stripIndent, -1, indent);
        skipLines(r.block().size() - 1);
        LineList block = r.block();
        if (stripTop) {
            while (!block.isEmpty() && Py.isBlank(block.get(0))) {
                block.trimStart(1);
                offset++;
            }
        }
        return new Indented(block, r.indent(), offset, r.blankFinish());
    }

    /** An indented block: its lines, indent, absolute offset of its first line, and whether a blank line ended it. */
    record Indented(LineList block, int indent, int offset, boolean blankFinish) {
    }

    /** Insert an included file's lines after the current line, padded with blank lines (docutils' insert_input). */
    void insertInput(List<String> lines, String source) {
        inputLines.insert(lineOffset + 1, "", new LineList.Origin("internal padding after " + source, lines.size()));
        inputLines.insert(lineOffset + 1, "", new LineList.Origin("internal padding before " + source, -1));
        inputLines.insert(lineOffset + 2, LineList.of(lines, source));
    }
}
