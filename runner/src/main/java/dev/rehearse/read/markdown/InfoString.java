package dev.rehearse.read.markdown;

import dev.rehearse.read.common.QuotedText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The info string of a fenced block, in the dialects guides use: a bare language ({@code console}), a language
 * followed by attributes ({@code ini title="~/etc/app.ini"} as in MkDocs, {@code bash {file=~/etc/app.ini}}), or
 * Pandoc-style braces only ({@code {.yaml file=~/app.yaml}}), or R Markdown's chunk ({@code {bash, echo=FALSE}}).
 *
 * @param language   the block's language, or null when the info string names none
 * @param attributes {@code key=value} pairs as written (quotes removed); {@code #id} becomes {@code id}
 */
public record InfoString(String language, Map<String, String> attributes) {

    public static InfoString parse(String info) {
        String language = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        // Pandoc's {.lang key=v} and R Markdown's {bash, echo=FALSE} read like the bare form: braces and commas
        // separate like blanks.
        for (String token : QuotedText.split(info.strip(), " \t{},")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq > 0) {
                attributes.put(token.substring(0, eq), QuotedText.unquote(token.substring(eq + 1)));
            } else if (token.startsWith(".")) {
                language = language == null ? token.substring(1) : language;
            } else if (token.startsWith("#")) {
                attributes.put("id", token.substring(1));
            } else if (language == null) {
                language = token;
            } else {
                attributes.put(token, "true");
            }
        }
        return new InfoString(language, attributes);
    }
}
