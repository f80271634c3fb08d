package dev.rehearse.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prose that ends by telling the reader to run what follows: "Run:", "Run the following commands:", "In a terminal,
 * type:", "To install it, run:", Sphinx's "Run::". The block after it is commands whatever its language says, or where it says none (an
 * unlabelled fence, an indented block, a literal block), as the reader types them. Only where the sentence names no
 * command of its own and points at nothing else: "Run `app --version`, which prints:" and "Run the command above;
 * it should say:" are followed by output.
 */
final class RunInstruction {
    /**
     * the last sentence, from its first word (after a lead-in, and a place or a clause of its own: "To install it,")
     * to the colon that ends the prose
     */
    private static final Pattern ENDS_ASKING = Pattern.compile("(?i)(?:^|[.!?]\\s)\\s*"
            + "(?:(?:now|then|next|first|finally|simply|just|also|so|and)\\b,?\\s*)*"
            + "(?:(?:in|from|on|inside)\\s+(?:a|an|the|your|another|that)\\s+[\\w-]+(?:\\s+[\\w-]+)?\\s*,?\\s*"
            + "|[^,.!?:`]{1,60},\\s*)?"
            + "(?:run|type|execute|enter|issue|paste)\\b([^`.!?:]*)::?\\s*$");
    /** what in the rest of that sentence points at another command or at output */
    private static final Pattern ELSEWHERE = Pattern.compile("(?i)\\b(?:above|previous|earlier|before|again|which"
            + "|you(?:'ll| will| should)|should|output|prints?)\\b");

    private RunInstruction() {
    }

    /** The prose ends asking the reader to run the block that follows it. */
    static boolean asksToRunWhatFollows(String prose) {
        if (prose == null) {
            return false;
        }
        Matcher asks = ENDS_ASKING.matcher(prose.strip());
        return asks.find() && !ELSEWHERE.matcher(asks.group(1)).find();
    }
}
