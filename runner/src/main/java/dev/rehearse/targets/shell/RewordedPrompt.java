package dev.rehearse.targets.shell;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The question the plan waits for, asked in other words: a guide that paraphrases its program ({@code Enter a file
 * in which to save the key (/home/YOU/.ssh/id_ed25519):} where ssh-keygen asks {@code Enter file in which to save
 * the key (/home/isabell/.ssh/id_ed25519):}), or a new release that rewords it. Most of the words of the two must be
 * the same (at least two, and three in five of all the words either has): a prompt that asks something else shares
 * a word or two at most ({@code Password:} against {@code Password for synapse:} is not taken for it).
 */
final class RewordedPrompt {
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");
    private static final double MOST = 0.6;
    private static final int FEWEST_SHARED = 2;
    /** what stands for a path among the words: no word of a line is empty */
    private static final String PATH = "";

    private RewordedPrompt() {
    }

    /** Whether {@code shown}, where the program waits, asks what {@code planned} asks in the guide. */
    static boolean asks(String planned, String shown) {
        Set<String> guide = words(planned);
        Set<String> real = words(shown);
        Set<String> all = new HashSet<>(guide);
        all.addAll(real);
        guide.retainAll(real);
        return guide.size() >= FEWEST_SHARED && guide.size() >= MOST * all.size();
    }

    /** The words of a line; a path is one, whatever it names (the guide's home is not the target's). */
    private static Set<String> words(String line) {
        Set<String> words = new HashSet<>();
        for (String token : line.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.indexOf('/') >= 0) {
                words.add(PATH);
                continue;
            }
            for (String word : NOT_A_WORD.split(token)) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}
