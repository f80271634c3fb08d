package dev.rehearse.read.common;

import dev.rehearse.guide.Finding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers every heading of a guide (includes too) and reports a title used twice: two headings with the same
 * text get the same anchor, so links to the second one silently land on the first, and a repeated heading is
 * usually a copy-paste slip (the seed guide shows "Adding users" twice).
 */
public final class HeadingLedger {
    private final Map<String, String> firstSeen = new HashMap<>();
    private final List<Finding> findings;

    /** @param findings where duplicate-title findings go */
    public HeadingLedger(List<Finding> findings) {
        this.findings = findings;
    }

    public void heading(String title, String source, int line) {
        String key = title.strip().replaceAll("\\s+", " ").toLowerCase();
        String first = firstSeen.putIfAbsent(key, source + ":" + line);
        if (first != null) {
            findings.add(new Finding(source, line, Finding.Level.WARNING, "duplicate-title",
                    "duplicate heading \"" + title.strip() + "\" (first at " + first + ")"));
        }
    }
}
