package dev.rehearse.read.asciidoc;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document attribute entry line: {@code :source-language: console} sets, {@code :name!:} or {@code :!name:}
 * unsets. Also substitutes {@code {name}} references the way Asciidoctor does for include targets and for
 * blocks with {@code subs=attributes+}: a reference to an unknown attribute stays as written.
 */
final class AttributeEntry {
    private static final Pattern ENTRY = Pattern.compile("^:(!?)(\\w[\\w-]*)(!?):(?:[ \\t]+(.*?))?[ \\t]*$");
    private static final Pattern REFERENCE = Pattern.compile("\\{(\\w[\\w-]*)}");

    private AttributeEntry() {
    }

    /** Applies {@code line} to {@code attributes} when it is an entry; says whether it was one. */
    static boolean apply(String line, Map<String, String> attributes) {
        Matcher m = ENTRY.matcher(line);
        if (!m.matches()) {
            return false;
        }
        if (!m.group(1).isEmpty() || !m.group(3).isEmpty()) {
            attributes.remove(m.group(2));
        } else {
            // a value may use the attributes defined before it (:artifact: widget-{version}), as Asciidoctor reads it
            attributes.put(m.group(2), m.group(4) == null ? "" : substitute(m.group(4), attributes));
        }
        return true;
    }

    /**
     * The attributes Asciidoctor sets itself when it renders a page to HTML, which {@code ifdef::backend-html5[]}
     * and {@code ifdef::asciidoctor[]} ask for (its version is not known here, and stays unset)
     */
    static final Map<String, String> BUILT_IN = Map.of("asciidoctor", "", "backend", "html5", "backend-html5", "",
            "basebackend", "html", "basebackend-html", "", "doctype", "article", "doctype-article", "",
            "filetype", "html", "filetype-html", "");

    static String substitute(String text, Map<String, String> attributes) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = attributes.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        return m.appendTail(out).toString();
    }
}
