package dev.rehearse.read.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's headings, asked only about lines that can be one. flexmark's factory copies the whole paragraph
 * above (to be a setext heading's text) before it looks at the line, and every line of a paragraph that does not
 * begin with a letter reaches it: a paragraph of 40,000 link reference definitions took 9 s to read. This one lets
 * flexmark's ({@link Parser#HEADING_PARSER} off) see a line only when it opens an ATX heading ({@code #} to
 * {@code ######} and a space, or nothing) or is a setext underline ({@code ===} or {@code ---} alone).
 */
final class Headings extends InPlaceOfFlexmarks {

    private static final HeadingParser.Factory FLEXMARK = new HeadingParser.Factory();

    Headings() {
        super(FLEXMARK);
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory flexmark = FLEXMARK.apply(options);
        return new AbstractBlockParserFactory(options) {
            @Override
            public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                return mayBeHeading(state.getLine(), state.getNextNonSpaceIndex())
                        ? flexmark.tryStart(state, matched)
                        : BlockStart.none();
            }
        };
    }

    /** An ATX opening ({@code #} to {@code ######}, then a blank or the end) or a run of one of {@code = -}, then blanks. */
    static boolean mayBeHeading(CharSequence line, int from) {
        int end = line.length();
        if (from >= end) {
            return false;
        }
        char marker = line.charAt(from);
        int i = from;
        while (i < end && line.charAt(i) == marker) {
            i++;
        }
        if (marker == '#') {
            return i - from <= 6 && (i == end || isBlank(line.charAt(i)));
        }
        if (marker != '=' && marker != '-') {
            return false;
        }
        while (i < end && isBlank(line.charAt(i))) {
            i++;
        }
        return i == end;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
