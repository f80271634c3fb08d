package dev.rehearse.lint;

import dev.rehearse.guide.Finding;

import java.util.List;

/** One kind of defect lint looks for in a guide, without running anything. */
public interface LintRule {

    /** The short stable name findings carry ({@link Finding#rule()}), used to count them per rule. */
    String name();

    List<Finding> check(LintedGuide guide);

    /** A finding of this rule. */
    default Finding finding(String source, int line, Finding.Level level, String message) {
        return new Finding(source, line, level, name(), message);
    }
}
