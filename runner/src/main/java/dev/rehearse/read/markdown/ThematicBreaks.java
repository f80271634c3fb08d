package dev.rehearse.read.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's thematic breaks ({@code ***}, {@code ---}, {@code ___}) found without its regular expression: that one
 * repeats a group per marker, and Java's regex engine recurses once per repetition, so a line of 1,500 {@code -} ran
 * the stack out. This is the same rule (CommonMark: three or more of one marker, spaces and tabs between, nothing
 * else, indented less than four columns) read in one loop; it takes the place of flexmark's own
 * ({@link Parser#THEMATIC_BREAK_PARSER} off) and builds flexmark's own node.
 */
final class ThematicBreaks extends InPlaceOfFlexmarks {

    private static final ThematicBreakParser.Factory FLEXMARK = new ThematicBreakParser.Factory();

    ThematicBreaks() {
        super(FLEXMARK);
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        boolean relaxedStart = Parser.THEMATIC_BREAK_RELAXED_START.get(options);
        return new AbstractBlockParserFactory(options) {
            @Override
            public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                if (state.getIndent() >= 4 || matched.getBlockParser().isParagraphParser() && !relaxedStart) {
                    return BlockStart.none();
                }
                BasedSequence line = state.getLine();
                if (!isBreak(line, state.getNextNonSpaceIndex())) {
                    return BlockStart.none();
                }
                return BlockStart.of(new ThematicBreakParser(line.subSequence(state.getIndex())))
                        .atIndex(line.length());
            }
        };
    }

    /** Three or more of one of {@code * - _}, with only spaces and tabs around and between them, to the line's end. */
    static boolean isBreak(CharSequence line, int from) {
        int end = line.length();
        while (end > from && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        if (from >= end) {
            return false;
        }
        char marker = line.charAt(from);
        if (marker != '*' && marker != '-' && marker != '_') {
            return false;
        }
        int markers = 0;
        for (int i = from; i < end; i++) {
            char c = line.charAt(i);
            if (c == marker) {
                markers++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return markers >= 3;
    }
}
