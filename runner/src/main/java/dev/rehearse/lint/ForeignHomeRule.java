package dev.rehearse.lint;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Finding;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.TranscriptCommand;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into another user's home ({@code /home/matrites/...} in a guide written for {@code isabell}). Typed or
 * written, it breaks the run (error); shown in output, it only gives the author's account away (warning).
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
        List<Finding> findings = new ArrayList<>();
        for (Block block : guide.guide().blocks()) {
            List<String> lines = block.lines();
            for (int k = 0; k < lines.size(); k++) {
                int line = block.contentLine() + k;
                Matcher m = HOME.matcher(lines.get(k));
                while (m.find()) {
                    if (m.group(1).equals(guide.user())) {
                        continue;
                    }
                    boolean shown = outputLines.contains(key(block, line));
                    findings.add(finding(block.source(), line, shown ? Finding.Level.WARNING : Finding.Level.ERROR,
                            (shown ? "output shows " : "") + m.group() + " is another user's home; the guide's user is "
                                    + guide.user()));
                    break;
                }
            }
        }
        return findings;
    }

    /** Lines are told apart by file too: includes have line numbers of their own. */
    private static String key(Block block, int line) {
        return block.source() + ":" + line;
    }
}
