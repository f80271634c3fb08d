package dev.rehearse.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * How many columns the terminal has. A shell keeps {@code COLUMNS} to itself unless it is exported, so the
 * terminal is asked ({@code stty size}, reading the controlling terminal) when the variable is not there.
 */
final class TerminalWidth {
    static final int DEFAULT = 80;

    private TerminalWidth() {
    }

    static int of() {
        Integer columns = positive(System.getenv("COLUMNS"));
        return columns != null ? columns : fromStty();
    }

    private static int fromStty() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!stty.waitFor(1, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                return DEFAULT;
            }
            String[] rowsColumns = size.split("\\s+");
            Integer columns = rowsColumns.length == 2 ? positive(rowsColumns[1]) : null;
            return columns != null ? columns : DEFAULT;
        } catch (IOException e) {
            return DEFAULT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT;
        }
    }

    private static Integer positive(String text) {
        try {
            int n = text == null ? 0 : Integer.parseInt(text.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
