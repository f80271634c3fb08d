package dev.rehearse.update;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Output lines that say something of the machine a run happened on rather than of the software: a path of the test
 * host (its package folder, its system's site packages; the user's home is the guide's own example and stays), a
 * package source ({@code file://}), a timing ({@code in 2626ms}), a value the run was given ({@code --bind}).
 * {@code update} writes such a line as an elision ({@code [...]}): true for any reader, and it still matches the
 * output of the host it came from.
 */
final class HostSpecific {
    /** an absolute path standing on its own (not the path of a URL), other than under a home folder */
    private static final Pattern HOST_PATH = Pattern.compile("(?<![\\w.:/~-])/(?!home/)[\\w.+-]+(?:/[\\w.+-]*)*");
    private static final Pattern PACKAGE_SOURCE = Pattern.compile("\\bfile:/");
    private static final Pattern TIMING = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\s?(?:ms|s|secs?|seconds?)\\b");

    private final Set<String> given;

    /** @param given values the run was given on its command line (secrets are hidden in the output anyway) */
    HostSpecific(Set<String> given) {
        this.given = Set.copyOf(given);
    }

    boolean test(String line) {
        if (HOST_PATH.matcher(line).find() || PACKAGE_SOURCE.matcher(line).find() || TIMING.matcher(line).find()) {
            return true;
        }
        for (String value : given) {
            if (!value.isBlank() && Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "(?![\\w])").matcher(line).find()) {
                return true;
            }
        }
        return false;
    }
}
