package dev.rehearse.plan;

import dev.rehearse.guide.Block;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a block that is not a terminal session does, from the prose just before it: content for a
 * file the prose tells the reader to create ("Create ``~/etc/services.d/synapse.ini`` with the following
 * content") is a write; a YAML fragment for a file the prose names ("the config file
 * ``~/synapse/homeserver.yaml``") is an edit merged into it. Anything else is shown, not run.
 */
final class FileTargets {

    /** What to do with a block: write the whole file, or merge the fragment into it. */
    record FileTarget(String kind, String path, String format) {
    }

    private static final Pattern INLINE_LITERAL = Pattern.compile("``([^`]+)``|`([^`]+)`");
    private static final Pattern CREATE = Pattern.compile(
            "(?i)\\b(create|creating|new file|with the following content|following content|save (?:it|this) (?:as|to))\\b");
    private static final Pattern EDIT = Pattern.compile("(?i)\\b(edit|editing|config file|configuration file|file|add|change|include|in)\\b");
    private static final Pattern FILE_NAME = Pattern.compile("\\.?[\\w.-]*\\.[A-Za-z0-9]{1,8}|\\.[\\w-]+");
    private static final Set<String> MERGEABLE = Set.of("yaml", "yml");

    private FileTargets() {
    }

    static Optional<FileTarget> of(Block block) {
        String prose = block.precedingText();
        // A block may name its file itself (Markdown {file=~/etc/app.ini}, AsciiDoc [source,ini,file=...]): that
        // name beats the prose's, and with no prose around it the block is the whole file.
        String named = block.options() == null ? null : block.options().get("file");
        if (prose == null) {
            return Optional.ofNullable(named).map(p -> new FileTarget("write", p, language(block)));
        }
        Matcher create = CREATE.matcher(prose);
        if (create.find()) {
            return orNamed(named, pathAfter(prose, create.start())).map(p -> new FileTarget("write", p, language(block)));
        }
        if (MERGEABLE.contains(language(block))) {
            Matcher edit = EDIT.matcher(prose);
            int from = edit.find() ? edit.start() : 0;
            return orNamed(named, pathAfter(prose, from)).map(p -> new FileTarget("edit", p, "yaml"));
        }
        return Optional.ofNullable(named).map(p -> new FileTarget("write", p, language(block)));
    }

    private static Optional<String> orNamed(String named, Optional<String> fromProse) {
        return named != null ? Optional.of(named) : fromProse;
    }

    private static String language(Block block) {
        return block.language() == null ? "" : block.language().toLowerCase(Locale.ROOT);
    }

    /** The first file path the prose shows as an inline literal at or after {@code from}, else the first at all. */
    private static Optional<String> pathAfter(String prose, int from) {
        String first = null;
        Matcher m = INLINE_LITERAL.matcher(prose);
        while (m.find()) {
            String text = m.group(1) != null ? m.group(1) : m.group(2);
            if (!isPath(text)) {
                continue;
            }
            if (m.start() >= from) {
                return Optional.of(text);
            }
            first = first == null ? text : first;
        }
        return Optional.ofNullable(first);
    }

    private static boolean isPath(String text) {
        if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace) || text.contains("://")
                || text.endsWith("/") || text.startsWith("-") || text.contains("(")) {
            return false;
        }
        return text.contains("/") || FILE_NAME.matcher(text).matches();
    }
}
