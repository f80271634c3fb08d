package dev.rehearse.testing;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Guides that once crashed or stalled a reader (issue 13) or the planner, generated at any size so that no test
 * checks in megabytes: the regression test reads and plans them at the size that was reported, the benchmark at two
 * sizes each.
 */
public final class HostileGuides {

    private HostileGuides() {
    }

    /**
     * One hostile guide.
     *
     * @param name      what it is
     * @param extension the guide's format
     * @param reported  the repetition count the report named (a size in the text for the quadratic ones)
     * @param text      the guide for a repetition count
     */
    public record Case(String name, String extension, int reported, IntFunction<String> text) {
    }

    public static final List<Case> ALL = List.of(
            new Case("Markdown line of '-' (was StackOverflowError)", "md", 1_500,
                    n -> "Some text.\n\n" + "-".repeat(n) + "\n"),
            new Case("Markdown line of '_' (was StackOverflowError)", "md", 1_710, n -> "_".repeat(n) + "\n"),
            new Case("Markdown line of '*' (was StackOverflowError)", "md", 1_710, n -> "*".repeat(n) + "\n"),
            new Case("Markdown emphasis run inside text", "md", 100_000, n -> "a " + "*".repeat(n) + " b\n"),
            new Case("Markdown line of '>' (was StackOverflowError)", "md", 3_532, n -> ">".repeat(n) + " x\n"),
            new Case("Markdown paragraph of code spans (was quadratic: 96 KB, 6.8 s)", "md", 24_000,
                    n -> "`a` ".repeat(n) + "\n"),
            new Case("Markdown list nested n deep (was over 60 s at 2,000)", "md", 2_000, HostileGuides::nestedList),
            new Case("Markdown paragraph of n link definitions (was quadratic: 40,000, 9 s)", "md", 40_000,
                    n -> "# T\n\n" + "[r]: /u\n".repeat(n) + "\n```console\n$ echo hi\nhi\n```\n"),
            new Case("rST line of :ref:` (was quadratic: 480 KB, 24 s)", "rst", 80_000,
                    n -> "Title\n=====\n\n" + ":ref:`".repeat(n) + "\n"),
            new Case("rST bullet list nested n deep", "rst", 2_000, HostileGuides::nestedRstList),
            new Case("AsciiDoc list of n levels and delimiters", "adoc", 2_000,
                    n -> "= T\n\n" + "*".repeat(Math.min(n, 100_000)) + " x\n\n" + "====\n".repeat(n)),
            new Case("Markdown command continued over n lines (was quadratic to plan: 8,000, 7.6 s)", "md", 8_000,
                    n -> "# T\n\n```console\n$ echo \\\n" + "  a \\\n".repeat(n) + "  b\n```\n"),
            new Case("Markdown here-document of n lines (was quadratic to plan: 50,000, 18 s)", "md", 50_000,
                    n -> "# T\n\n```console\n$ cat <<EOF > f\n" + "line\n".repeat(n) + "EOF\n```\n"),
            new Case("rST grid table of n columns, 10 rows (was quadratic: 6,000, 252 KB, 17 s)", "rst", 6_000,
                    n -> "T\n=\n\n+" + "-+".repeat(n) + "\n" + ("|" + " |".repeat(n) + "\n+" + "-+".repeat(n) + "\n")
                            .repeat(10)));

    private static String nestedList(int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append("  ".repeat(i)).append("- x\n");
        }
        return text.toString();
    }

    private static String nestedRstList(int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append("  ".repeat(i)).append("- x\n\n");
        }
        return text.toString();
    }
}
