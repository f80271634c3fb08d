package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.TranscriptCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * The same command twice in a row in one block with the same output: a copy-and-paste slip
 * ({@code pip install --upgrade pip} twice). A command repeated for a different result ({@code uberspace port add}
 * for a second port) shows a different output and is left alone.
 */
final class RepeatedCommandRule implements LintRule {

    @Override
    public String name() {
        return "repeated-command";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        List<Finding> findings = new ArrayList<>();
        for (LintedGuide.Session s : guide.sessions()) {
            TranscriptCommand previous = null;
            for (TranscriptCommand c : s.transcript().commands()) {
                if (previous != null && previous.command().equals(c.command()) && sameOutput(previous, c)) {
                    findings.add(finding(s.block().source(), c.line(), Finding.Level.WARNING,
                            "\"" + PromptSigilRule.firstLine(c.command()) + "\" runs again right after line " + previous.line()));
                }
                previous = c;
            }
        }
        return findings;
    }

    private static boolean sameOutput(TranscriptCommand a, TranscriptCommand b) {
        return a.expected().stream().map(ExpectedLine::text).toList().equals(b.expected().stream().map(ExpectedLine::text).toList());
    }
}
