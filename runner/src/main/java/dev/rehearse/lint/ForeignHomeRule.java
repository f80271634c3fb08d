package dev.rehearse.lint;

import dev.rehearse.bind.FactBindings;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Finding;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.TranscriptCommand;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into another user's home ({@code /home/matrites/...} in a guide written for {@code isabell}). Typed or
 * written, it breaks the run (error); shown in output, it only gives the author's account away (warning). In a guide
 * whose prompts show no user, a home typed is a warning: it may be an account the guide's packages make
 * ({@code /home/git}).
 */
final class ForeignHomeRule implements LintRule {
    /** not inside a URL's path ({@code https://fossil-scm.org/home/uv/...}): a host name ends right before it */
    private static final Pattern HOME = Pattern.compile("(?<![\\w.-])/home/([A-Za-z0-9_.-]+)");

    @Override
    public String name() {
        return "foreign-home";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        Set<String> outputLines = new HashSet<>();
        for (LintedGuide.Session s : guide.sessions()) {
            for (TranscriptCommand c : s.transcript().entries()) {
                c.expected().stream().filter(e -> e.kind() == ExpectedLine.Kind.OUTPUT || e.kind() == ExpectedLine.Kind.ELISION)
                        .forEach(e -> outputLines.add(key(s.block(), e.sourceLine())));
            }
        }
        // another site's example home that the run binds to the target's (/home/pi, /home/you) is the guide's own
        Set<String> bound = FactBindings.examplesOf(typedAndShown(guide)).stream().map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        for (Block block : guide.guide().blocks()) {
            List<String> lines = block.lines();
            for (int k = 0; k < lines.size(); k++) {
                int line = block.contentLine() + k;
                Matcher m = HOME.matcher(lines.get(k));
                while (m.find()) {
                    if (m.group(1).equals(guide.user()) || bound.contains(m.group())) {
                        continue;
                    }
                    boolean shown = outputLines.contains(key(block, line));
                    // typed, it breaks the run where the guide's user is known; in a guide that shows none
                    // (/home/git of a package's account) it may well be the machine's own
                    boolean breaks = !shown && guide.userShown();
                    findings.add(finding(block.source(), line, breaks ? Finding.Level.ERROR : Finding.Level.WARNING,
                            (shown ? "output shows " : "") + m.group() + " is another user's home; "
                                    + (guide.userShown() ? "the guide's user is " + guide.user()
                                    : "no prompt shows the guide's user, and the example user is " + guide.user())));
                    break;
                }
            }
        }
        return findings;
    }

    /** What the guide's sessions type and show, where its example values stand. */
    private static List<String> typedAndShown(LintedGuide guide) {
        List<String> texts = new ArrayList<>();
        for (LintedGuide.Session s : guide.sessions()) {
            for (TranscriptCommand c : s.transcript().entries()) {
                texts.add(c.command());
                c.expected().forEach(e -> texts.add(e.text()));
                texts.add(c.prompt().account());
            }
        }
        return texts;
    }

    /** Lines are told apart by file too: includes have line numbers of their own. */
    private static String key(Block block, int line) {
        return block.source() + ":" + line;
    }
}
