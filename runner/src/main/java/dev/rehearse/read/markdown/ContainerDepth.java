package dev.rehearse.read.markdown;

import dev.rehearse.guide.BadInput;
import dev.rehearse.read.common.SourceText;

import java.nio.file.Path;

/**
 * Refuses Markdown nested deeper than {@link #LIMIT} lists and block quotes before flexmark sees it: flexmark walks
 * every open container on every line and recurses once per level when it closes them, so a list nested 2,000 deep
 * took over a minute and a line of 3,500 {@code >} ran the stack out. No guide nests like that; a line that would is
 * bad input naming it.
 *
 * <p>The depth is over-estimated in one pass without parsing: a line stays inside at most as many containers as were
 * open before it and as its prefix can continue (one per {@code >}, one per two columns of indentation), and opens one
 * more per {@code >} and list marker in its prefix. A blank line keeps what is open.
 */
final class ContainerDepth {

    static final int LIMIT = 64;

    private ContainerDepth() {
    }

    static void check(String text, Path file) {
        int open = 0;
        int lineNumber = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int columns = 0;
            int quotes = 0;
            int markers = 0;
            int j = i;
            prefix:
            while (j < n) {
                char c = text.charAt(j);
                switch (c) {
                    case ' ' -> columns++;
                    case '\t' -> columns += 4 - columns % 4;
                    case '>' -> quotes++;
                    case '-', '+', '*' -> {
                        if (!blankOrEnd(text, j + 1)) {
                            break prefix;
                        }
                        markers++;
                    }
                    default -> {
                        int k = j;
                        while (k < n && k - j < 10 && Character.isDigit(text.charAt(k))) {
                            k++;
                        }
                        if (k == j || k - j > 9 || k >= n || text.charAt(k) != '.' && text.charAt(k) != ')'
                                || !blankOrEnd(text, k + 1)) {
                            break prefix;
                        }
                        markers++;
                        j = k;
                    }
                }
                j++;
            }
            boolean blank = j >= n || text.charAt(j) == '\n';
            if (!blank || quotes + markers > 0) {
                open = Math.min(open, quotes + columns / 2) + quotes + markers;
            }
            if (open > LIMIT) {
                throw new BadInput(SourceText.display(file), lineNumber, "lists and block quotes nested deeper than "
                        + LIMIT + " levels: Rehearse reads at most " + LIMIT);
            }
            int end = text.indexOf('\n', j);
            i = end < 0 ? n : end + 1;
            lineNumber++;
        }
    }

    private static boolean blankOrEnd(String text, int at) {
        return at >= text.length() || text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\n';
    }
}
