package dev.rehearse.read.markdown;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code block written in HTML ({@code <pre>}, or {@code <pre><code class="language-console">}), as older READMEs
 * and pages converted from HTML write it, often to make a part of a command bold: its text as a browser shows it,
 * tags dropped and character references decoded, and its language from the class a highlighter reads
 * ({@code language-x}, {@code lang-x}, {@code highlight-source-x}) or a {@code lang} attribute.
 *
 * @param language  the language the tags name, or null
 * @param text      the block's text as shown
 * @param lineShift the lines between the {@code <pre>} tag's line and the first line of the text (0 or 1)
 */
record HtmlPre(String language, String text, int lineShift) {

    private static final Pattern PRE = Pattern.compile(
            "(?s)\\s*<pre(?<pre>\\s[^>]*)?>(?:\\s*<code(?<code>\\s[^>]*)?>)?(?<text>.*?)(?:</code>\\s*)?</pre>\\s*");
    private static final Pattern CLASS = Pattern.compile(
            "\\bclass\\s*=\\s*[\"'][^\"']*?\\b(?:language|lang|highlight-source|highlight)-(?<language>[\\w+#.-]+)"
            + "|\\blang\\s*=\\s*[\"']?(?<attribute>[\\w+#.-]+)");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern REFERENCE = Pattern.compile(
            "&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos|nbsp));");

    /** The block an HTML block is, where it is one {@code <pre>} element alone. */
    static Optional<HtmlPre> of(String html) {
        Matcher m = PRE.matcher(html);
        if (!m.matches()) {
            return Optional.empty();
        }
        String language = languageIn(m.group("code")).or(() -> languageIn(m.group("pre"))).orElse(null);
        String text = m.group("text");
        int shift = 0;
        if (text.startsWith("\n")) {
            // HTML drops the line break right after <pre>
            text = text.substring(1);
            shift = 1;
        } else if (text.startsWith("\r\n")) {
            text = text.substring(2);
            shift = 1;
        }
        text = decoded(TAG.matcher(text).replaceAll("")).replaceAll("\\s+$", "");
        return Optional.of(new HtmlPre(language, text, shift));
    }

    private static Optional<String> languageIn(String attributes) {
        if (attributes == null) {
            return Optional.empty();
        }
        Matcher m = CLASS.matcher(attributes);
        return m.find() ? Optional.of(m.group("language") != null ? m.group("language") : m.group("attribute"))
                : Optional.empty();
    }

    private static String decoded(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null || m.group(2) != null) {
                int code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                replacement = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : m.group();
            } else {
                replacement = switch (m.group(3)) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> " ";
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
