package dev.rehearse.plan;

import java.util.Set;

/** The marks authors put where they cut output: {@code [...]}, {@code […]}, {@code ...}, {@code (...)}. */
public final class Elisions {
    private static final Set<String> MARKS = Set.of("[...]", "[…]", "...", "…", "(...)", "(…)", "[..]", "....",
            "[ ... ]", "<...>", "[snip]", "[…snip…]");

    private Elisions() {
    }

    /** True when the whole line (blanks aside) is an elision mark. */
    public static boolean is(String line) {
        return MARKS.contains(line.strip());
    }
}
