package dev.rehearse.read.rst;

import dev.rehearse.guide.BadInput;
import dev.rehearse.read.common.Py;
import dev.rehearse.read.common.SourceText;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** This machine's state objects by ordinal, made on first use (most machines use one or two). */
    private final State[] states = new State[StateName.COUNT];
    /** Matchers by pattern, made on first use (a machine uses a handful of patterns). */
    private Pattern[] matcherPatterns = new Pattern[4];
    private Matcher[] matchers = new Matcher[4];
    private int matcherCount;

    StateMachine(Memo memo, Node node, boolean matchTitles, StateName initialState) {
        this.memo = memo;
        this.node = node;
        this.matchTitles = matchTitles;
        this.currentState = initialState;
    }

    /** The state object of this machine for a name, created on first use. */
    State state(StateName name) {
        State s = states[name.ordinal()];
        if (s == null) {
            s = name.create(this);
            states[name.ordinal()] = s;
        }
        return s;
    }

    /** Run over {@code lines}; {@code offset} is the absolute offset of the first of them. */
    void run(LineList lines, int offset) {
        if (++memo.depth > MAX_DEPTH) {
            Memo.Position at = lines.isEmpty() ? memo.current() : sourceAndLineOf(lines, 0);
            throw new BadInput(SourceText.display(Path.of(
                    at.source() == null ? memo.document.source : at.source())), at.line() == null ? 0 : at.line(),
                    "structure nested too deeply to read (more than " + MAX_DEPTH + " levels)");
        }
        try {
            runLines(lines, offset);
        } finally {
            memo.depth--;
        }
    }

    /**
     * Lists inside lists inside quotes ... deeper than any guide needs (the corpus nests a few levels). Each level
     * copies its indented block, so reaching the limit costs the limit times the text: kept low enough that a 10 MB
     * guide nested without end is refused in seconds.
     */
    static final int MAX_DEPTH = 64;

    private static Memo.Position sourceAndLineOf(LineList lines, int i) {
        LineList.Origin o = lines.info(i);
        return new Memo.Position(o.source(), o.offset() == null ? null : o.offset() + 1);
    }

    private void runLines(LineList lines, int offset) {
        inputLines = lines;
        inputOffset = offset;
        lineOffset = -1;
        State state = state(currentState);
        List<Transition.Kind> only = null;
        List<String> context = state.bof();
        while (true) {
            StateName next;
            try {
                State.Step step;
                try {
                    step = advance(1) ? checkLine(context, state, only) : State.END;
                } catch (EndOfInput eof) {
                    step = State.END;
                }
                if (step == State.END) {
                    endOfInput(state, context);
                    break;
                }
                context = step.context();
                next = step.next();
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

    /** The end-of-input transition. It may itself ask for a correction, which the run loop then handles. */
    private void endOfInput(State state, List<String> context) {
        try {
            state.eof(context);
        } catch (EndOfInput alsoAtEnd) {
            // the end-of-input work itself hit the end: nothing more to do
        }
    }

    private State.Step checkLine(List<String> context, State state, List<Transition.Kind> only)
            throws EndOfInput {
        for (Transition t : state.transitions().candidates(line)) {
            if (only != null && !only.contains(t.kind())) {
                continue;
            }
            // the whitespace, adornment and catch-all transitions need no regex (their methods do not read the match)
            switch (t.kind()) {
                case BLANK -> {
                    if (isSpaces(line)) {
                        return state.handle(t, null, context);
                    }
                    continue;
                }
                case INDENT -> {
                    if (!line.isEmpty() && line.charAt(0) == ' ') {
                        return state.handle(t, null, context);
                    }
                    continue;
                }
                case TEXT -> {
                    return state.handle(t, null, context);
                }
                case LINE, UNDERLINE -> {
                    // their pattern is always Body.LINE, and no state's method for them reads the match
                    if (Body.isAdornment(line)) {
                        return state.handle(t, null, context);
                    }
                    continue;
                }
                default -> {
                }
            }
            if (!t.mayMatch(line)) {
                continue;
            }
            Matcher m = matcher(t);
            if (m.lookingAt()) {
                return state.handle(t, m, context);
            }
        }
        return state.noMatch(context);
    }

    private static boolean isSpaces(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * A matcher for a transition's pattern on the current line. Each machine keeps its own (a nested parse runs
     * its own machine, so a transition method may keep using its match while the content is parsed).
     */
    private Matcher matcher(Transition t) {
        for (int i = 0; i < matcherCount; i++) {
            if (matcherPatterns[i] == t.pattern()) {
                return matchers[i].reset(line);
            }
        }
        if (matcherCount == matchers.length) {
            matcherPatterns = Arrays.copyOf(matcherPatterns, matcherCount * 2);
            matchers = Arrays.copyOf(matchers, matcherCount * 2);
        }
        Matcher m = t.pattern().matcher(line);
        matcherPatterns[matcherCount] = t.pattern();
        matchers[matcherCount++] = m;
        return m;
    }

    // ------------------------------------------------------------------ position

    String nextLine() throws EndOfInput {
        return nextLine(1);
    }

    String nextLine(int n) throws EndOfInput {
        if (!advance(n)) {
            throw EndOfInput.INSTANCE;
        }
        return line;
    }

    /**
     * Move {@code n} lines on; false past the end of the input (where docutils' next_line raises EOFError), the
     * position then left past the end as docutils leaves it.
     */
    private boolean advance(int n) {
        lineOffset += n;
        // a negative offset indexes from the end, as in Python
        boolean inside = lineOffset >= 0 ? lineOffset < inputLines.size() : -lineOffset <= inputLines.size();
        line = inside ? inputLines.get(lineOffset) : null;
        noteSource();
        return inside;
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
        LineList.Origin o = inputLines.infoOrNull(offset);
        if (o == null) {
            return new Memo.Position(null, null);
        }
        if (o.offset() == null) {
            Memo.Position p = sourceAndLine(offset + inputOffset);
            return new Memo.Position(p.source(), p.line() == null ? null : p.line() + 1);
        }
        return new Memo.Position(o.source(), o.offset() + 1);
    }

    private void noteSource() {
        memo.lastMoved = this;
        memo.lastMovedOffset = lineOffset;
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
        // docutils inserts three times (padding, lines, padding); one insertion of all three is the same list
        String[] data = new String[lines.size() + 2];
        LineList.Origin[] items = new LineList.Origin[data.length];
        data[0] = "";
        items[0] = new LineList.Origin("internal padding before " + source, -1);
        for (int i = 0; i < lines.size(); i++) {
            data[i + 1] = lines.get(i);
            items[i + 1] = new LineList.Origin(source, i);
        }
        data[data.length - 1] = "";
        items[data.length - 1] = new LineList.Origin("internal padding after " + source, lines.size());
        inputLines.insert(lineOffset + 1, LineList.of(data, items));
    }
}
