package dev.rehearse.read.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Inline markup parsed only where the reader looks at it: headings (their text names sections) and paragraphs that
 * show an image (the missing-image check); every other paragraph stays one text node. flexmark's inline parser
 * copies the whole paragraph on every regular-expression match it makes (a code span, an entity, an autolink), so a
 * paragraph of n code spans costs n times its length: a 96 KB paragraph of them took seconds. Within one document the
 * work is also capped: a text's cost is taken as its length times the characters that start a match, and once the
 * document has spent {@link #BUDGET} the rest is left as text (a heading then keeps its markup in its name). A
 * text whose patterns run the stack out is left as text too.
 */
final class InlinesOnDemand implements InlineParserFactory {

    /** length x match starts, summed over a document: some hundred milliseconds of copying at most */
    static final long BUDGET = 200_000_000L;

    @Override
    public InlineParser inlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                                     Map<Character, DelimiterProcessor> delimiterProcessors,
                                     LinkRefProcessorData linkRefProcessors,
                                     List<InlineParserExtensionFactory> inlineParserExtensions) {
        return new InlineParserImpl(options, specialCharacters, delimiterCharacters, delimiterProcessors,
                linkRefProcessors, inlineParserExtensions) {
            private long spent;

            @Override
            public void parse(BasedSequence input, Node node) {
                boolean wanted = node instanceof Heading || input.indexOf("![") >= 0;
                long cost = wanted ? cost(input) : 0;
                if (!wanted || spent + cost > BUDGET) {
                    node.appendChild(new Text(input));
                    return;
                }
                spent += cost;
                try {
                    super.parse(input, node);
                } catch (StackOverflowError tooDeep) {
                    // some of flexmark's inline patterns (an HTML comment's) recurse once per character they
                    // span: such a text is left as it is written, like a text past the budget
                    node.removeChildren();
                    node.appendChild(new Text(input));
                }
            }
        };
    }

    private static long cost(BasedSequence input) {
        long starts = 1;
        for (int i = 0; i < input.length(); i++) {
            switch (input.charAt(i)) {
                case '`', '<', '&', '[', ']', '!', '\\', '(', '*', '_' -> starts++;
                default -> {
                }
            }
        }
        return starts * input.length();
    }
}
