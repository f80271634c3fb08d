package dev.rehearse.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer that puts {@code prefix} before every line and hands whole lines only to a shared writer, so that several
 * runs printing at once (rehearse matrix) never interleave within a line.
 */
final class PrefixedLines extends Writer {
    private final PrintWriter shared;
    private final String prefix;
    private final StringBuilder line = new StringBuilder();

    PrefixedLines(PrintWriter shared, String prefix) {
        this.shared = shared;
        this.prefix = prefix;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void emit() {
        synchronized (shared) {
            shared.println(prefix + line);
            shared.flush();
        }
        line.setLength(0);
    }

    @Override
    public synchronized void flush() {
        // whole lines only: a partial line waits for its end
    }

    @Override
    public synchronized void close() {
        if (!line.isEmpty()) {
            emit();
        }
    }
}
