package dev.rehearse.read.asciidoc;

import java.util.regex.Pattern;

/**
 * What Asciidoctor's quotes substitution makes of a verbatim block's line where {@code subs} asks for it
 * ({@code subs="+quotes"}, as Red Hat's documentation marks what the reader types, {@code $ *oc login*}, and what
 * they replace, {@code _<project_name>_}): the text without its bold and italic marks, as the page shows it.
 */
final class QuotesMarkup {
    private static final Pattern UNCONSTRAINED = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern STRONG = Pattern.compile("(?<![\\w*])\\*(\\S(?:.*?\\S)?)\\*(?![\\w*])");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w_])_(\\S(?:.*?\\S)?)_(?![\\w_])");

    private QuotesMarkup() {
    }

    static String strip(String line) {
        if (line.indexOf('*') < 0 && line.indexOf('_') < 0) {
            return line;
        }
        String text = UNCONSTRAINED.matcher(line).replaceAll("$2");
        text = STRONG.matcher(text).replaceAll("$1");
        return EMPHASIS.matcher(text).replaceAll("$1");
    }
}
