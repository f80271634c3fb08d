package dev.rehearse.report;

import dev.rehearse.check.CheckResult;
import dev.rehearse.check.UnifiedDiff;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.VarValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code report.html} shows, ready for its template ({@code src/main/jte/dev/rehearse/report/report.jte}):
 * the summary (with the values the runbook's vars took and where from), what became of the sidecar's checks, a
 * table of steps, and the guide's blocks in order with the prose before each, every step's lines marked by its
 * verdict and its diff inline. Plain text only: the template escapes all of it.
 */
public record HtmlPage(String title, String runbook, String target, String status, List<Count> counts,
                       String elapsed, List<CheckView> checks, String checkCounts, List<StepView> steps,
                       List<BlockView> blocks, List<StepView> outside, List<VarValue> vars) {

    /** One verdict's count for the summary; {@code verdict} is the CSS class. */
    public record Count(String verdict, String label, int count) {

        /** PASS, DRIFT, FAIL, SKIP and ERROR counts, in that order, then INTERRUPTED when the run was stopped. */
        public static List<Count> of(Summary summary) {
            List<Count> counts = new ArrayList<>(List.of(of(Verdict.PASS, summary.pass()), of(Verdict.DRIFT,
                    summary.drift()), of(Verdict.FAIL, summary.fail()), of(Verdict.SKIP, summary.skip()),
                    of(Verdict.ERROR, summary.error())));
            if (summary.interrupted() > 0) {
                counts.add(of(Verdict.INTERRUPTED, summary.interrupted()));
            }
            return List.copyOf(counts);
        }

        private static Count of(Verdict verdict, int n) {
            return new Count(css(verdict), verdict.name(), n);
        }
    }

    /** A verdict's CSS class in the reports' stylesheet. */
    public static String css(Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    /** A duration as the pages show it: {@code 4.25s}, {@code 3m07s}. */
    public static String seconds(Duration d) {
        long millis = (d == null ? Duration.ZERO : d).toMillis();
        if (millis < 60_000) {
            return FixedPoint.of(FixedPoint.rounded(millis, 10), 2) + "s";
        }
        long s = millis / 1000;
        return s / 60 + "m" + (s % 60 < 10 ? "0" : "") + s % 60 + "s";
    }

    /**
     * One record of a check, a line of the list under the summary.
     *
     * @param verdict lower-case verdict, the CSS class
     * @param where   {@code runbook.yaml:47, after step 12}
     * @param reason  why it failed or did not run, empty for a PASS
     */
    public record CheckView(String verdict, String label, String name, String where, String reason) {

        public static CheckView of(CheckResult check) {
            return new CheckView(css(check.verdict()), check.verdict().name(), check.name(), CheckText.where(check),
                    check.reason() == null ? "" : check.reason());
        }
    }

    /**
     * One step: its row in the table and its marks in the guide.
     *
     * @param line     the step's first line in its source
     * @param verdict  lower-case verdict, the CSS class
     * @param diff     the unified diff, one entry per line, empty when none
     * @param actual   what it really printed (guide's terms), empty when nothing
     */
    public record StepView(int n, int line, String anchor, String verdict, String label, String title, String where,
                           String reason, String elapsed, List<DiffLine> diff, String actual) {
    }

    /** One line of a diff; {@code kind} is add, del, hunk, meta or same (the CSS class). */
    public record DiffLine(String kind, String text) {

        /** A unified diff's lines, each with its kind; empty for no diff. */
        public static List<DiffLine> of(String diff) {
            List<DiffLine> lines = new ArrayList<>();
            List<String> hunks = UnifiedDiff.hunkLines(diff);
            if (diff != null) {
                diff.lines().limit(diff.lines().count() - hunks.size())
                        .forEach(l -> lines.add(new DiffLine("meta", l)));
            }
            hunks.forEach(l -> lines.add(new DiffLine(kind(l), l)));
            return lines;
        }

        private static String kind(String line) {
            if (line.startsWith("@@")) {
                return "hunk";
            }
            return line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "same";
        }
    }

    /** A section title entered before a block, {@code level} 2 to 4. */
    public record Heading(int level, String text) {
    }

    /** A run of the prose before a block; {@code code} for an inline literal. */
    public record Span(String text, boolean code) {
    }

    /** One line of a block, numbered as in its source file. */
    public record Line(int number, String text) {
    }

    /** Consecutive lines of a block that belong to one step (or to none: {@code step} null). */
    public record Segment(StepView step, List<Line> lines) {
    }

    /** A literal block of the guide; {@code verdict} is the worst of its steps' ("none" without steps). */
    public record BlockView(List<Heading> headings, List<Span> prose, String where, String language, String verdict,
                            List<Segment> segments) {
    }
}
