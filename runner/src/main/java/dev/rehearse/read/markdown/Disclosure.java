package dev.rehearse.read.markdown;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML's disclosure around a block, as READMEs fold long output: {@code <details><summary>Output</summary>}, the
 * block, {@code </details>}. Its summary is the label a reader sees over the block.
 */
final class Disclosure {
    private static final Pattern SUMMARY = Pattern.compile("(?is)<summary[^>]*>(.*?)</summary>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private Disclosure() {
    }

    /**
     * The label an HTML block leaves for the next block: its summary's text, tags taken out; none once the
     * disclosure closes ({@code </details>}); else what was there before.
     */
    static String summaryIn(String html, String before) {
        Matcher m = SUMMARY.matcher(html);
        String label = before;
        int labelEnd = -1;
        while (m.find()) {
            label = TAG.matcher(m.group(1)).replaceAll("").strip();
            labelEnd = m.end();
        }
        // closed after its last summary (a block of its own, or the same one): the label stands over nothing more
        return html.toLowerCase(Locale.ROOT).lastIndexOf("</details>") > labelEnd ? null : label;
    }
}
