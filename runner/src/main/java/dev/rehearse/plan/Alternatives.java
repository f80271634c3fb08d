package dev.rehearse.plan;

import dev.rehearse.guide.Block;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block the prose before it offers in place of the way just shown ("Or build from source:", "Alternatively, you
 * can download the full default configuration:"): a reader takes one of the two, and running both does the work
 * twice or undoes the first (the default configuration downloaded over the one just written). Its steps are
 * skipped with the reason, as {@link NotToRun}'s are; a sidecar rule with {@code skip: false} runs them too.
 * An option on top of the way shown ("Optionally, verify the download:", "You can also ...") is no alternative.
 */
final class Alternatives {
    /**
     * the paragraph opens with "Or" or "Alternatively" as its first word (after markup), the words up to its first
     * stop quoted: never "Order the list:", "Or later, ...", nor an "or" inside a sentence
     */
    private static final Pattern OFFERED = Pattern.compile("(?i)^[^\\p{L}\\p{N}]*((?:or|alternatively|as an "
            + "alternative)\\b(?!\\s+(?:later|else|so|more|less|not)\\b)[^.:!?\\n]*)");

    private Alternatives() {
    }

    /** Why the prose just before the block offers it as another way than the one before it, or empty. */
    static Optional<String> byProse(Block block) {
        String prose = block.precedingText();
        if (prose == null) {
            return Optional.empty();
        }
        Matcher offered = OFFERED.matcher(prose.strip());
        return offered.find()
                // quoted without the emphasis around its first word (**Or**, with yarn)
                ? Optional.of("the guide offers it as another way: \"" + offered.group(1).replace("*", "").strip()
                        + "\"")
                : Optional.empty();
    }
}
