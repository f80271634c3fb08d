package dev.rehearse.bench;

import java.nio.file.Path;

/**
 * How many of lint's findings over the corpus are true: every finding was read against its guide and judged
 * (runner/src/test/resources/lint-judgments.tsv); a rule that fires on what a guide does on purpose (commands for
 * the reader's own machine, an optional line) is a false finding. Prints per rule and overall, and any finding not
 * judged yet (read it, then add it to the file). Argument: the shared folder.
 */
public final class LintPrecisionBenchmark {

    private LintPrecisionBenchmark() {
    }

    public static void main(String[] args) {
        LintPrecision p = LintPrecision.measure(Path.of(args.length > 0 ? args[0] : "../../shared").resolve("corpus/lab"));
        p.unjudged().forEach(f -> System.out.println("unjudged: " + f));
        p.errorsFalse().forEach(f -> System.out.println("error-level false: " + f));
        p.byRule().forEach((rule, c) -> System.out.printf("%-16s %3d true, %2d false, %2d unjudged%n", rule,
                c[LintPrecision.TRUE], c[LintPrecision.FALSE], c[LintPrecision.UNJUDGED]));
        System.out.println(p.summary());
    }
}
