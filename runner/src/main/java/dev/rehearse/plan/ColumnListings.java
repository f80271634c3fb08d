package dev.rehearse.plan;

import java.util.regex.Pattern;

/**
 * Commands whose output a terminal lays out in columns as wide as it is: {@code ls} (or {@code dir}) at the end of
 * a command line, its output not piped nor long. The same entries come in another grid on a terminal of another
 * width, or one a line where the author's was narrow or the output piped, so the guide's listing is no layout to
 * hold the target's to.
 */
public final class ColumnListings {
    /** the last command of a list ({@code cd app && ls}), as a person types it, {@code sudo} allowed */
    private static final Pattern LISTING = Pattern.compile("(?:.*(?:&&|;)\\s*)?(?:sudo\\s+)?(?:ls|dir)"
            + "(?:\\s+[^\\s;&|<>`$()]+)*\\s*");
    /** a long or one-a-line format: one entry a line already, whose columns are its fields */
    private static final Pattern ONE_A_LINE = Pattern.compile("\\s-[A-Za-z]*[lgon1][A-Za-z]*\\b|\\s--format=\\S+");

    private ColumnListings() {
    }

    /** The command lists entries in columns ({@code ls -a}, {@code cd ~/app && ls}), not {@code ls -l}. */
    public static boolean lists(String command) {
        if (!LISTING.matcher(command).matches()) {
            return false;
        }
        int last = Math.max(command.lastIndexOf("&&"), command.lastIndexOf(';'));
        return !ONE_A_LINE.matcher(" " + command.substring(last + 1)).find();
    }
}
