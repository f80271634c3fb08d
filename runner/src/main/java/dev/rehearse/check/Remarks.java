package dev.rehearse.check;

import dev.rehearse.plan.ExpectedLine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a guide shows after a command may be its author's remark on it rather than its output: GitHub's docs write
 * {@code $ ls -al ~/.ssh} over {@code # Lists the files in your .ssh directory, if they exist}, a shell comment as
 * the reader would type it. Such lines are no claim on the output when they are all the guide shows and the command
 * printed no line that starts with {@code #}: a file's comments ({@code cat} of a config) show as such, and a guide
 * that shows comments the command no longer prints among other lines still drifts.
 */
final class Remarks {
    /** a {@code #}, a blank, then words: never a shebang ({@code #!/bin/sh}), {@code #include} or a bare {@code #} */
    private static final Pattern REMARK = Pattern.compile("#\\s+\\p{L}.*");

    private Remarks() {
    }

    /** Whether {@code expected} is nothing but remarks, none of which {@code actual} (the real lines) could be. */
    static boolean only(List<ExpectedLine> expected, List<String> actual) {
        boolean remark = false;
        for (ExpectedLine line : expected) {
            String text = line.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (line.kind() != ExpectedLine.Kind.OUTPUT || !REMARK.matcher(text).matches()) {
                return false;
            }
            remark = true;
        }
        return remark && actual.stream().noneMatch(l -> l.strip().startsWith("#"));
    }
}
