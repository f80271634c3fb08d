package dev.rehearse.check;

import java.util.regex.Pattern;

/**
 * The lines in which an interactive bash says that a background job has ended or stopped ({@code [1]+  Done  make},
 * {@code [2]-  Terminated  python3 -m http.server}). bash prints one before it reads a command line, once it has
 * noticed the end: after whichever command that happens to be, so a guide and a run show it after different
 * commands, or not at all. A notice only one side shows is no difference, as a blank line is none.
 */
final class JobNotices {
    private static final Pattern NOTICE = Pattern.compile("\\s*\\[\\d+][+-]?\\s+(?:Done|Exit\\s+\\S+|Stopped|Terminated"
            + "|Killed|Hangup|Interrupt|Quit|Aborted|Broken pipe|Segmentation fault|Alarm clock|Bus error"
            + "|Illegal instruction|Floating point exception|User defined signal \\S+|CPU time limit exceeded"
            + "|File size limit exceeded|Trace/breakpoint trap)(?:\\s.*)?");

    private JobNotices() {
    }

    /** @param line a line of output, or its key (volatile tokens masked: the notice's words stay) */
    static boolean is(String line) {
        return line.indexOf('[') >= 0 && NOTICE.matcher(line).matches();
    }
}
