package dev.rehearse.plan;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The marks authors put where they cut output: {@code [...]}, {@code […]}, {@code ...}, {@code (...)}, and in
 * words: {@code <snip>}, {@code --snip--}, {@code ...output omitted...}, {@code (output truncated)},
 * {@code [12 lines omitted]}, {@code # ...}; and as a count of what was cut: {@code [... 9 more lines ...]},
 * {@code (and 9 more)}, {@code -- 9 more lines --}; termynal's {@code ---> 100%}, a progress bar drawn in the page.
 */
public final class Elisions {
    private static final Set<String> MARKS = Set.of("[...]", "[…]", "...", "…", "(...)", "(…)", "[..]", "....",
            "[ ... ]", "<...>", "[snip]", "[…snip…]", "\u22EE",
            // termynal's progress bar (FastAPI's docs, after a pip install): what the download printed meanwhile
            "---> 100%");
    /** a cut said in words, in brackets or dots or dashes or none, maybe after a comment's mark */
    private static final Pattern WORDED = Pattern.compile("(?i)(?:#|//)?\\s*[\\[(<{]?\\s*(?:\\.{2,}|…)?\\s*-*\\s*"
            + "(?:(?:some |more |the rest of the |rest of (?:the )?|remaining |other )?(?:output|lines?|logs?|text"
            + "|results?|entries|messages)\\s+)?(?:\\d+\\s+(?:more\\s+)?lines?\\s+)?"
            + "(?:snip(?:ped)?|omitted|truncated|trimmed|elided|removed|cut|abbreviated|shortened|skipped)"
            + "(?:\\s+(?:for brevity|for clarity|here))?\\s*-*\\s*(?:\\.{2,}|…)?\\s*[\\])>}]?");
    /** the words of which {@link #WORDED} needs one */
    private static final List<String> WORDS = List.of("snip", "omitted", "truncated", "trimmed", "elided", "removed",
            "cut", "abbreviated", "shortened", "skipped");
    /** a count of the lines cut, framed as a mark: {@code [... 9 more lines ...]}, {@code ... and 9 more} */
    private static final Pattern COUNTED = Pattern.compile("(?i)(?:#|//)?\\s*[\\[(<{]?\\s*(?:\\.{2,}|…)?\\s*-*\\s*\\(?"
            + "(?:and\\s+)?\\d+\\s+more(?:\\s+(?:lines?|entries|items|results|rows|files|packages|messages))?\\)?"
            + "\\s*-*\\s*(?:\\.{2,}|…)?\\s*[\\])>}]?");
    /** a comment's mark and dots: {@code # ...}, {@code // ...} */
    private static final Pattern COMMENTED = Pattern.compile("(?:#|//)\\s*(?:\\.{2,}|…)");
    /** no worded mark is longer; most lines are output, and are let go on their length alone */
    private static final int LONGEST = 64;

    private Elisions() {
    }

    /** True when the whole line (blanks aside) is an elision mark. */
    public static boolean is(String line) {
        String mark = line.strip();
        if (MARKS.contains(mark)) {
            return true;
        }
        if (mark.length() > LONGEST || mark.isEmpty()) {
            return false;
        }
        // each expression is tried only on a line that has what it cannot match without: most lines are output,
        // and every line of a transcript is asked
        if ((mark.charAt(0) == '#' || mark.startsWith("//")) && COMMENTED.matcher(mark).matches()) {
            return true;
        }
        String lower = mark.toLowerCase(Locale.ROOT);
        return saysCut(lower) && WORDED.matcher(mark).matches() && decorated(mark)
                || lower.contains("more") && COUNTED.matcher(mark).matches() && framed(mark);
    }

    /** whether the line, in lower case, has one of the words {@link #WORDED} needs */
    private static boolean saysCut(String lower) {
        for (String word : WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** "9 more lines" alone may be what a program printed; a mark frames it (brackets, dots, dashes) or says "and" */
    private static boolean framed(String mark) {
        return mark.chars().anyMatch(c -> "[(<{.…-#/".indexOf(c) >= 0) || mark.regionMatches(true, 0, "and ", 0, 4);
    }

    /** a word alone ("removed", "skipped") may be what a program printed; a mark has brackets, dots or two words */
    private static boolean decorated(String mark) {
        return mark.chars().anyMatch(c -> "[(<{.…-#/".indexOf(c) >= 0) || mark.indexOf(' ') > 0;
    }
}
