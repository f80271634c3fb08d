package dev.rehearse.plan;

import dev.rehearse.guide.Block;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The file a fragment's prose points back to without naming it: "Modify the config file again to give synapse
 * access to the database:" over yaml, sections after the one that named {@code ~/synapse/homeserver.yaml}; "set it
 * to false in the supervisord ini:". It is the last yaml, ini or toml file of the fragment's kind the guide had the
 * reader write, change, copy or open in an editor before it.
 */
final class EarlierFiles {
    /** "the config file", "the configuration", "this file", "the same file", "the supervisord ini", "the yaml file" */
    private static final Pattern REFERS_BACK = Pattern.compile("(?i)\\b(?:the|this|that)\\s+(?:same\\s+)?"
            + "(?:[\\w.-]+\\s+)?(?:config(?:uration)?(?:\\s+file)?|settings\\s+file|ini(?:\\s+file)?|ya?ml(?:\\s+file)?"
            + "|toml(?:\\s+file)?|file)\\b");

    /** merge format ({@link FileTargets#mergeFormat}) -> the last file of it */
    private final Map<String, String> last = new HashMap<>();

    /** The reader worked on {@code path} (a file step, an editor, a copy): the last of its kind so far. */
    void worked(String path) {
        String format = FileTargets.mergeFormat(path);
        if (format != null) {
            last.put(format, path);
        }
    }

    /** The earlier file {@code prose} points back to for {@code block}'s fragment, if it does. */
    Optional<String> referredTo(Block block, String prose) {
        if (prose == null || block.language() == null || !REFERS_BACK.matcher(prose).find()) {
            return Optional.empty();
        }
        String format = FileTargets.mergeFormat("." + block.language().toLowerCase(Locale.ROOT));
        return format == null ? Optional.empty() : Optional.ofNullable(last.get(format));
    }
}
