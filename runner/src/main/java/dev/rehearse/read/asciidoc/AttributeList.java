package dev.rehearse.read.asciidoc;

import dev.rehearse.read.common.QuotedText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block attribute line such as {@code [source,ini,file=~/etc/app.ini]}: positional values in order, named
 * values by name. The first positional value is the block's style; {@code #id}, {@code .role} and
 * {@code %option} shorthands are cut off it. {@code [,console]} is a source block whose style is left out.
 *
 * @param positional values without a name, quotes removed ({@code ""} for an empty one)
 * @param named      {@code name=value} pairs, quotes removed
 */
record AttributeList(List<String> positional, Map<String, String> named) {

    /** @param inner the text between the brackets */
    static AttributeList parse(String inner) {
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        for (String item : QuotedText.split(inner, ",")) {
            int eq = item.indexOf('=');
            if (eq > 0 && item.substring(0, eq).strip().matches("[\\w-]+")) {
                named.put(item.substring(0, eq).strip(), QuotedText.unquote(item.substring(eq + 1).strip()));
            } else {
                positional.add(QuotedText.unquote(item.strip()));
            }
        }
        return new AttributeList(positional, named);
    }

    /** This list with a later attribute line's values added: its named values win, its positional ones count when this has none. */
    AttributeList with(AttributeList later) {
        Map<String, String> merged = new LinkedHashMap<>(named);
        merged.putAll(later.named);
        return new AttributeList(positional.isEmpty() ? later.positional : positional, merged);
    }

    /** The style ({@code source}, {@code literal}, {@code NOTE} ...) without id, role or option shorthands. */
    String style() {
        if (positional.isEmpty()) {
            return "";
        }
        String first = positional.get(0);
        int cut = first.length();
        for (char c : new char[]{'#', '.', '%'}) {
            int at = first.indexOf(c);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        String style = first.substring(0, cut);
        return style.isEmpty() && positional.size() > 1 ? "source" : style;
    }

    /** The second positional value of a source block: its language, or null. */
    String language() {
        String language = named.get("language");
        if (language == null && positional.size() > 1 && !positional.get(1).isEmpty()) {
            language = positional.get(1);
        }
        return language;
    }
}
