package dev.rehearse.plan;

import dev.rehearse.guide.Block;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block the prose before it tells the reader not to type: a warning ("**Do not run the following command.** It
 * deletes your notes:", "Never run this:"), or a counter-example ("Wrong:", "(bad, do not copy)", "❌"). The guide
 * shows it to be recognised, so running it is the one misreading that can destroy what the reader has. Or one it
 * offers in place of the way just shown ("Or build from source:", "Alternatively, you can download the full
 * default configuration:"): a reader takes one of the two, and running both does the work twice or undoes the
 * first (the default configuration downloaded over the one just written); an option on top of the way shown
 * ("Optionally, verify the download:", "You can also ...") is no other way. Their steps are skipped with the
 * reason, and a sidecar rule with {@code skip: false} runs them anyway.
 */
final class NotToRun {
    /**
     * "do not run" with what follows as its object, or none, and then the sentence's end: never "Do not run it as
     * root", "Don't run the following before the backup", "Do not run `npm audit fix`", which tell how or what else
     */
    private static final Pattern WARNING = Pattern.compile("(?i)\\b(?:do not|don't|don’t|never)\\s+(?:run|execute|type"
            + "|copy|paste|enter|do|try)(?:\\s+(?:the following|this|these|that|it|them)(?:\\s+(?:command|commands"
            + "|line|lines|code|example|snippet|block))?|\\s+the (?:command|commands|line|lines|code) below)?"
            + "\\s*(?=[.:!;,)\\u2014]|$)");
    /** a counter-example's label: "Wrong:", "**Bad example:**", "(incorrect)", a cross mark */
    private static final Pattern COUNTER_EXAMPLE = Pattern.compile("(?i)(?:^|\\()\\W*(?:wrong|bad|incorrect|don't"
            + "|do not)(?: (?:example|way|usage))?\\W*(?:[:)]|,\\s+do not)|[\\u274C\\u2717\\u2718]|\\uD83D\\uDEAB");

    /**
     * the paragraph opens with "Or" or "Alternatively" as its first word (after markup), the words up to its first
     * stop quoted: never "Order the list:", "Or later, ...", nor an "or" inside a sentence
     */
    private static final Pattern ANOTHER_WAY = Pattern.compile("(?i)^[^\\p{L}\\p{N}]*((?:or|alternatively|as an "
            + "alternative)\\b(?!\\s+(?:later|else|so|more|less|not)\\b)[^.:!?\\n]*)");

    private NotToRun() {
    }

    /** Why the prose just before the block says not to type it, or offers it as another way, or empty. */
    static Optional<String> byProse(Block block) {
        String prose = block.precedingText();
        if (prose == null) {
            return Optional.empty();
        }
        Matcher warning = WARNING.matcher(prose);
        if (warning.find()) {
            return Optional.of("the guide says not to run it: \"" + warning.group().strip() + "\"");
        }
        Matcher counter = COUNTER_EXAMPLE.matcher(prose.strip());
        if (counter.find()) {
            return Optional.of("the guide shows it as what not to do: \"" + counter.group().strip() + "\"");
        }
        Matcher another = ANOTHER_WAY.matcher(prose.strip());
        // quoted without the emphasis around its first word (**Or**, with yarn)
        return another.find()
                ? Optional.of("the guide offers it as another way: \"" + another.group(1).replace("*", "").strip()
                        + "\"")
                : Optional.empty();
    }
}
