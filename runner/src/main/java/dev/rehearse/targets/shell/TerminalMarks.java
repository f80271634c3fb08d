package dev.rehearse.targets.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A mark in the environment a session's shell starts with, which every program it starts inherits: it tells the
 * session's programs from the others on a host or in a container (the other terminals', the services'), where
 * they are no descendants of anything this process started ({@code docker exec}'s shell, an ssh session's).
 * A program that clears its environment ({@code sudo}, {@code env -i}) is not told so.
 */
public final class TerminalMarks {
    /** the variable that marks a session's processes */
    private static final String NAME = "REHEARSE_TERMINAL";

    private TerminalMarks() {
    }

    /** A new mark, as the assignment a shell is started with ({@code REHEARSE_TERMINAL=...}). */
    public static String next() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return NAME + "=" + HexFormat.of().formatHex(random);
    }

    /** Whether the process of this machine carries the mark; false where {@code /proc} does not say. */
    public static boolean carries(long pid, String mark) {
        try {
            String environment = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")),
                    StandardCharsets.UTF_8);
            return ("\0" + environment).contains("\0" + mark + "\0");
        } catch (IOException | RuntimeException goneOrNotOurs) {
            return false;
        }
    }
}
