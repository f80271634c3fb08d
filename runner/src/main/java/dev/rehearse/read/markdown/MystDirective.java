package dev.rehearse.read.markdown;

import dev.rehearse.read.common.QuotedText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MyST directive in a fence, as Sphinx projects write Markdown: {@code ```{code-block} console} is a block in the
 * language its argument names, {@code ```{note}} an admonition whose body is Markdown with blocks of its own. The
 * options at the top of a directive's body ({@code :caption: ~/etc/app.ini}, or {@code key: value} lines between two
 * {@code ---} lines) are no part of its text. {@code ```{literalinclude} app.ini} is a block of that file's lines. A
 * fence in braces that names no such directive (R Markdown's and
 * Quarto's {@code ```{bash}}) is an info string as any other.
 *
 * @param name     the directive's name, lower case
 * @param argument what follows the name (a code directive's language, a tab's label), or null
 * @param markdown whether the body is Markdown rather than code
 */
record MystDirective(String name, String argument, boolean markdown) {

    private static final Pattern INFO = Pattern.compile("\\{([A-Za-z][\\w:-]*)}(?:\\s+(.*))?");
    private static final Set<String> CODE = Set.of("code-block", "code", "sourcecode", "code-cell", "prompt");
    /** Sphinx's block of a file's lines, its argument the file */
    private static final String LITERAL_INCLUDE = "literalinclude";
    /** Sphinx's, sphinx-design's and sphinx-book-theme's directives whose body is Markdown. */
    private static final Set<String> MARKDOWN = Set.of("note", "warning", "tip", "important", "hint", "caution",
            "danger", "error", "attention", "seealso", "admonition", "todo", "versionadded", "versionchanged",
            "deprecated", "dropdown", "tab-set", "tab-item", "card", "grid", "grid-item", "grid-item-card", "sidebar",
            "topic", "margin", "epigraph", "div", "container", "only", "rubric", "exercise", "solution", "details",
            "tabs", "tab", "group-tab");
    /** sphinx-design's and sphinx-tabs' sets of tabs, and a tab of one */
    private static final Set<String> TAB_SETS = Set.of("tab-set", "tabs");
    private static final Set<String> TABS = Set.of("tab-item", "tab", "group-tab");
    private static final Pattern OPTION = Pattern.compile(":([\\w-]+):(?:\\s+(.*))?");
    private static final Pattern YAML_OPTION = Pattern.compile("([\\w-]+):(?:\\s+(.*))?");

    /** The directive an info string names, if it names one of MyST's code or Markdown-bodied directives. */
    static Optional<MystDirective> of(String info) {
        Matcher m = INFO.matcher(info.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String argument = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
        if (CODE.contains(name) || name.equals(LITERAL_INCLUDE)) {
            return Optional.of(new MystDirective(name, argument, false));
        }
        return MARKDOWN.contains(name) ? Optional.of(new MystDirective(name, argument, true)) : Optional.empty();
    }

    /** How a block's context names a Markdown-bodied directive: its name, and its argument (a title) after a colon. */
    String context() {
        return argument == null ? name : name + ": " + argument;
    }

    /** A code directive's language: the first word of its argument. */
    String language() {
        return markdown || argument == null || isLiteralInclude() ? null : argument.split("\\s+")[0];
    }

    boolean isLiteralInclude() {
        return name.equals(LITERAL_INCLUDE);
    }

    /** The block's kind: sphinx-prompt's blocks are of their own kind, as in reStructuredText. */
    String kind() {
        return name.equals("prompt") ? "prompt" : "fenced";
    }

    /** What the argument says beyond the language: sphinx-prompt's prompts and modifiers. */
    Map<String, String> attributes() {
        String[] words = argument == null || !name.equals("prompt") ? new String[0] : argument.split("\\s+");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (words.length > 1) {
            attributes.put("prompts", words[1]);
        }
        if (words.length > 2) {
            attributes.put("modifiers", words[2]);
        }
        return attributes;
    }

    boolean isTabSet() {
        return TAB_SETS.contains(name);
    }

    boolean isTab() {
        return TABS.contains(name);
    }

    /**
     * A directive's body split into its options and the rest.
     *
     * @param options the options, quotes removed ({@code linenos} without a value is {@code "true"})
     * @param lines   how many lines the options take, with the blank line after them
     * @param text    the body after them
     */
    record Body(Map<String, String> options, int lines, String text) {
    }

    static Body body(String content) {
        List<String> lines = List.of(content.split("\n", -1));
        Map<String, String> options = new LinkedHashMap<>();
        int used = 0;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            int end = 1;
            while (end < lines.size() && !lines.get(end).strip().equals("---")) {
                end++;
            }
            if (end == lines.size() || !allMatch(lines.subList(1, end), YAML_OPTION, options)) {
                return new Body(Map.of(), 0, content);
            }
            used = end + 1;
        } else {
            while (used < lines.size() && OPTION.matcher(lines.get(used).strip()).matches()) {
                allMatch(lines.subList(used, used + 1), OPTION, options);
                used++;
            }
        }
        if (used > 0 && used < lines.size() && lines.get(used).isBlank()) {
            used++;
        }
        return new Body(Map.copyOf(options), used, String.join("\n", lines.subList(used, lines.size())));
    }

    private static boolean allMatch(List<String> lines, Pattern option, Map<String, String> options) {
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = option.matcher(line.strip());
            if (!m.matches()) {
                return false;
            }
            options.put(m.group(1), m.group(2) == null ? "true" : QuotedText.unquote(m.group(2).strip()));
        }
        return true;
    }
}
