package dev.rehearse.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges an ini or toml fragment into a file line by line: a key the file already has in the same section
 * ({@code [server]}, or before any section) gets the fragment's line in its place, a new key goes to the end of its
 * section, a new section to the end of the file. Every other line (comments, order, blank lines) stays as it was.
 * <p>
 * A new key the fragment shows before any section is added where the reader who is told to add it puts it: at the
 * end of the file. In ini, whose readers (Python's configparser, for one) refuse a key before the first section,
 * that is the file's last section; only toml, where keys before the first table are the document's own, keeps
 * them there.
 */
public final class IniMerge {
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*([^\\]]+?)\\s*]\\s*(?:[#;].*)?$");
    private static final Pattern KEY = Pattern.compile("^\\s*([^\\s=:#;\\[][^=:]*?)\\s*[=:]");

    private IniMerge() {
    }

    /** @param toml the fragment and the file are toml, not ini */
    public static String merge(String original, String fragment, boolean toml) {
        List<String> lines = new ArrayList<>(List.of(original.split("\n", -1)));
        boolean endsWithNewline = original.endsWith("\n");
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        String section = "";
        Map<String, List<String>> bySection = new LinkedHashMap<>();
        for (String line : fragment.split("\n")) {
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                section = s.group(1);
                bySection.computeIfAbsent(section, k -> new ArrayList<>());
            } else if (KEY.matcher(line).find()) {
                bySection.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
            }
        }
        for (Map.Entry<String, List<String>> e : bySection.entrySet()) {
            mergeSection(lines, e.getKey(), e.getValue(), toml);
        }
        String merged = String.join("\n", lines);
        return endsWithNewline || !merged.isEmpty() ? merged + "\n" : merged;
    }

    private static void mergeSection(List<String> lines, String section, List<String> entries, boolean toml) {
        int start = section.isEmpty() ? 0 : -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            Matcher s = SECTION.matcher(lines.get(i));
            if (s.matches() && s.group(1).equals(section)) {
                start = i + 1;
            }
        }
        if (start < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[" + section + "]");
            lines.addAll(entries);
            return;
        }
        int end = start;
        while (end < lines.size() && !SECTION.matcher(lines.get(end)).matches()) {
            end++;
        }
        // a key before any section goes to the end of the file, unless toml keeps it at the top
        int newKeys = section.isEmpty() && !toml ? lines.size() : end;
        int insertAt = newKeys;
        while (insertAt > start && lines.get(insertAt - 1).isBlank()) {
            insertAt--;
        }
        for (String entry : entries) {
            String key = keyOf(entry);
            boolean replaced = false;
            for (int i = start; i < end; i++) {
                if (key.equals(keyOf(lines.get(i)))) {
                    lines.set(i, entry);
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                end += insertAt <= end ? 1 : 0; // the section grows where the key goes into it
                lines.add(insertAt, entry);
                insertAt++;
            }
        }
    }

    private static String keyOf(String line) {
        Matcher m = KEY.matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
