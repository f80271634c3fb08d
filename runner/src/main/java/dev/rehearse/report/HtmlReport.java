package dev.rehearse.report;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.guide.Block;
import dev.rehearse.report.HtmlPage.BlockView;
import dev.rehearse.report.HtmlPage.CheckView;
import dev.rehearse.report.HtmlPage.Count;
import dev.rehearse.report.HtmlPage.DiffLine;
import dev.rehearse.report.HtmlPage.Heading;
import dev.rehearse.report.HtmlPage.Line;
import dev.rehearse.report.HtmlPage.Segment;
import dev.rehearse.report.HtmlPage.Span;
import dev.rehearse.report.HtmlPage.StepView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained page (CSS inline, no script, nothing fetched) rendered by a jte template
 * precompiled at build time. The guide is shown from its blocks (section titles, the prose before each block, the
 * block's lines as written), which works for every format the readers know; each step's lines carry its verdict.
 */
final class HtmlReport {
    /**
     * Inline markup of the prose before a block, in the formats the readers know: a link or a role with a target
     * ({@code `text <target>`_}, {@code :manual:`text <target>`}, {@code [text](url)}) shows its text; an inline
     * literal ({@code ``x``}, {@code `x`}, {@code :role:`x`}) shows as code; a reference {@code name_} as its name.
     */
    private static final Pattern INLINE_MARKUP = Pattern.compile(
            "(?::[\\w.-]+:)?`([^`<]+?)\\s*<[^`>]*>`_{0,2}|\\[([^\\]]+)]\\([^)\\s]+\\)"
                    + "|``(.+?)``|(?::[\\w.-]+:)?`([^`]+)`_{0,2}|\\b(\\w+)_(?=[\\s.,;:!?)]|$)");
    private static final List<Verdict> WORST_FIRST = List.of(Verdict.INTERRUPTED, Verdict.ERROR, Verdict.FAIL,
            Verdict.DRIFT, Verdict.PASS, Verdict.SKIP);

    private HtmlReport() {
    }

    static String render(RunReport report) {
        return Templates.render("dev/rehearse/report/report.jte", page(report));
    }

    static HtmlPage page(RunReport report) {
        Summary summary = Summary.of(report);
        List<StepView> steps = report.results().stream().map(HtmlReport::view).toList();
        List<Count> counts = Count.of(summary);
        List<BlockView> blocks = new ArrayList<>();
        Set<Integer> placed = new LinkedHashSet<>();
        String title = report.runbook();
        if (report.guide() != null) {
            if (report.guide().title() != null) {
                title = report.guide().title();
            }
            List<String> section = List.of();
            Map<String, Map<Integer, List<Integer>>> bySourceLine = stepsBySourceLine(report.results());
            for (Block block : report.guide().blocks()) {
                List<StepView> inBlock = new ArrayList<>();
                for (int i : stepsWithin(block, bySourceLine, placed)) {
                    inBlock.add(steps.get(i));
                }
                blocks.add(block(block, headings(section, block.section(), title), inBlock));
                section = block.section();
            }
        }
        List<StepView> outside = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!placed.contains(i)) {
                outside.add(steps.get(i));
            }
        }
        return new HtmlPage(title, report.runbook(), report.target(), summary.status().name(), counts,
                HtmlPage.seconds(summary.elapsed()), report.checks().stream().map(CheckView::of).toList(),
                CheckTally.of(report.checks()).text(), steps, blocks, outside, report.vars());
    }

    /** Each step's index in the results, by its source and first line: a block finds its steps by its lines. */
    private static Map<String, Map<Integer, List<Integer>>> stepsBySourceLine(List<StepResult> results) {
        Map<String, Map<Integer, List<Integer>>> index = new HashMap<>();
        int i = 0;
        for (StepResult result : results) {
            index.computeIfAbsent(result.step().source(), s -> new HashMap<>())
                    .computeIfAbsent(result.step().line(), l -> new ArrayList<>()).add(i++);
        }
        return index;
    }

    /**
     * The steps not yet placed whose first line is within the block, in run order, now placed. Looked up line by
     * line, so the page costs the guide's lines plus the steps, not blocks times steps.
     */
    private static List<Integer> stepsWithin(Block block, Map<String, Map<Integer, List<Integer>>> bySourceLine,
                                             Set<Integer> placed) {
        Map<Integer, List<Integer>> byLine = bySourceLine.getOrDefault(block.source(), Map.of());
        List<Integer> within = new ArrayList<>();
        int end = block.contentLine() + block.lineCount();
        for (int line = block.line(); line < end; line++) {
            for (int i : byLine.getOrDefault(line, List.of())) {
                if (placed.add(i)) {
                    within.add(i);
                }
            }
        }
        within.sort(null);
        return within;
    }

    /** The titles entered between the previous block's section and this one's (the document title is the page's). */
    private static List<Heading> headings(List<String> before, List<String> now, String title) {
        int common = 0;
        while (common < before.size() && common < now.size() && before.get(common).equals(now.get(common))) {
            common++;
        }
        boolean titled = !now.isEmpty() && now.get(0).equals(title);
        List<Heading> headings = new ArrayList<>();
        for (int depth = Math.max(common, titled ? 1 : 0); depth < now.size(); depth++) {
            headings.add(new Heading(Math.min(4, depth + (titled ? 1 : 2)), now.get(depth)));
        }
        return headings;
    }

    private static BlockView block(Block block, List<Heading> headings, List<StepView> steps) {
        List<StepView> byLine = new ArrayList<>(steps);
        byLine.sort(Comparator.comparingInt(StepView::line));
        List<Segment> segments = new ArrayList<>();
        List<String> lines = block.lines();
        StepView current = null;
        List<Line> run = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            int number = block.contentLine() + i;
            StepView owner = current;
            // a line belongs to the last step (in line order) that starts at or before it: one walk, lines + steps
            while (next < byLine.size() && byLine.get(next).line() <= number) {
                owner = byLine.get(next++);
            }
            if (owner != current && !run.isEmpty()) {
                segments.add(new Segment(current, run));
                run = new ArrayList<>();
            }
            current = owner;
            run.add(new Line(number, lines.get(i)));
        }
        if (!run.isEmpty() || current != null) {
            segments.add(new Segment(current, run));
        }
        String verdict = WORST_FIRST.stream().map(HtmlPage::css)
                .filter(v -> steps.stream().anyMatch(s -> s.verdict().equals(v))).findFirst().orElse("none");
        return new BlockView(headings, prose(block.precedingText()), block.where(),
                block.language() == null ? "" : block.language(), verdict, segments);
    }

    /** The prose as plain runs and inline literals ({@link #INLINE_MARKUP}). */
    private static List<Span> prose(String text) {
        List<Span> spans = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return spans;
        }
        Matcher m = INLINE_MARKUP.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                spans.add(new Span(text.substring(at, m.start()), false));
            }
            for (int group = 1; group <= m.groupCount(); group++) {
                if (m.group(group) != null) {
                    spans.add(new Span(m.group(group), group == 3 || group == 4));
                }
            }
            at = m.end();
        }
        if (at < text.length()) {
            spans.add(new Span(text.substring(at), false));
        }
        return spans;
    }

    private static StepView view(StepResult result) {
        return new StepView(result.step().n(), result.step().line(), StepText.anchor(result.step()),
                HtmlPage.css(result.verdict()), result.verdict().name(), StepText.title(result.step()),
                StepText.where(result.step()), result.reason() == null ? "" : result.reason(), HtmlPage.seconds(result.elapsed()),
                DiffLine.of(result.diff()), realOutputNotShown(result));
    }

    /** The real output, where it is not the guide's lines shown above it letter for letter (most steps). */
    private static String realOutputNotShown(StepResult result) {
        String actual = result.actual() == null ? "" : result.actual();
        return actual.equals(result.expected()) ? "" : actual;
    }
}
