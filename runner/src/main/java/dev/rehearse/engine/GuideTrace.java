package dev.rehearse.engine;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * A failure's stack trace pointing at the guide instead of at the engine's insides: one frame,
 * {@code at RUNBOOK.WHAT(FILE:LINE)}, which is where the reader of a test report should look.
 */
final class GuideTrace {

    private GuideTrace() {
    }

    static <T extends Throwable> T at(T failure, String what, TestSource source) {
        String file = "runbook";
        int line = -1;
        if (source instanceof FileSource f) {
            file = f.getFile().getName();
            line = f.getPosition().map(FilePosition::getLine).orElse(-1);
        }
        failure.setStackTrace(new StackTraceElement[]{new StackTraceElement("rehearse", what, file, line)});
        return failure;
    }
}
