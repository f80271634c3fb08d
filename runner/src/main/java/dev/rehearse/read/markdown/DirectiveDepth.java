package dev.rehearse.read.markdown;

import dev.rehearse.guide.BadInput;
import dev.rehearse.read.common.SourceText;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Refuses MyST directives and MkDocs admonitions (and content tabs) nested deeper than {@link ContainerDepth#LIMIT}
 * before any is read: the reader parses each body as a document of its own, so each level parses all that is
 * nested in it again, and a guide nested thousands deep took half a minute to reach the level that is refused.
 *
 * <p>In one pass without parsing: a directive's fence ({@code ```{note}}, {@code ~~~{tab-item} x}) opens one more
 * level inside a fence longer than itself, and a bare fence of its kind at least as long closes it; an admonition
 * ({@code !!! note}, {@code ??? tip}, {@code === "Tab"}) stands one level deeper than its indentation's fours.
 */
final class DirectiveDepth {

    private DirectiveDepth() {
    }

    static void check(String text, Path file) {
        Deque<String> fences = new ArrayDeque<>();
        int lineNumber = 0;
        for (int at = 0; at < text.length(); ) {
            int end = text.indexOf('\n', at);
            String line = text.substring(at, end < 0 ? text.length() : end);
            at = end < 0 ? text.length() : end + 1;
            lineNumber++;
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            String rest = line.substring(indent);
            String fence = fence(rest);
            if (fence != null && rest.startsWith("{", fence.length())) {
                // inside a fence, only a shorter one (or one of the other character) is content that opens a level
                if (fences.isEmpty() || fences.peek().charAt(0) != fence.charAt(0)
                        || fences.peek().length() > fence.length()) {
                    fences.push(fence);
                }
            } else if (fence != null && !fences.isEmpty() && closes(rest.strip(), fences.peek())) {
                fences.pop();
            }
            int admonition = isAdmonition(rest) ? indent / 4 + 1 : 0;
            if (fences.size() > ContainerDepth.LIMIT || admonition > ContainerDepth.LIMIT) {
                throw new BadInput(SourceText.display(file), lineNumber, "directives nested deeper than "
                        + ContainerDepth.LIMIT + " levels");
            }
        }
    }

    /** the run of three or more backticks or tildes the line starts with, or null */
    private static String fence(String line) {
        if (line.isEmpty() || line.charAt(0) != '`' && line.charAt(0) != '~') {
            return null;
        }
        int n = 1;
        while (n < line.length() && line.charAt(n) == line.charAt(0)) {
            n++;
        }
        return n >= 3 ? line.substring(0, n) : null;
    }

    /** a bare fence of the same character, at least as long */
    private static boolean closes(String line, String open) {
        String fence = fence(line);
        return fence != null && fence.length() == line.length() && fence.charAt(0) == open.charAt(0)
                && fence.length() >= open.length();
    }

    private static boolean isAdmonition(String line) {
        return line.startsWith("!!! ") || line.startsWith("??? ") || line.startsWith("???+ ")
                || line.startsWith("=== ");
    }
}
