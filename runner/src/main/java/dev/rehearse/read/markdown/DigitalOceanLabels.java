package dev.rehearse.read.markdown;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels DigitalOcean's tutorials put on the first lines of a code block, which their site shows above it and not
 * in it: {@code [label /etc/nginx/sites-available/app]} names the file the block is (a title), {@code
 * [secondary_label Output]} says what the block shows (a caption), {@code [environment second]} which server it is
 * on. They are no part of the block's text, nor are the highlight markers around the words a reader changes
 * ({@code <^>your_domain<^>}), which their site shows in colour.
 */
final class DigitalOceanLabels {
    private static final Pattern LABEL = Pattern.compile("^\\[(label|secondary_label|environment) ([^\\]]+)]\\s*$");
    /** DigitalOcean's marker on each side of a highlighted word */
    private static final String HIGHLIGHT = "<^>";
    private static final Map<String, String> OPTION = Map.of("label", "title", "secondary_label", "caption",
            "environment", "environment");

    private DigitalOceanLabels() {
    }

    /** The block's text without its labels and highlight markers, and the labels as options. */
    static MystDirective.Body body(String content) {
        content = content.replace(HIGHLIGHT, "");
        List<String> lines = List.of(content.split("\n", -1));
        Map<String, String> options = new LinkedHashMap<>();
        int used = 0;
        while (used < lines.size() - 1) {
            Matcher m = LABEL.matcher(lines.get(used));
            if (!m.matches()) {
                break;
            }
            options.put(OPTION.get(m.group(1)), m.group(2).strip());
            used++;
        }
        if (used == 0) {
            return new MystDirective.Body(Map.of(), 0, content);
        }
        return new MystDirective.Body(options, used, String.join("\n", lines.subList(used, lines.size())));
    }
}
