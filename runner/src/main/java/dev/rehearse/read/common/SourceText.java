package dev.rehearse.read.common;

import dev.rehearse.guide.BadInput;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a guide's text, refusing what is not text: a missing or unreadable file, a directory, a binary file (NUL
 * bytes) or invalid UTF-8. Every refusal is a {@link BadInput} that names the file and, where there is one, the line.
 */
public final class SourceText {

    /** a guide of 20,000 steps is about 1 MB */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private SourceText() {
    }

    /**
     * The file's text, decoded as UTF-8. Only a regular file is opened: opening a FIFO waits for a writer, and a
     * device such as {@code /dev/zero} never ends, so a guide (or a link) named so would hang the command.
     */
    public static String read(Path file) {
        BasicFileAttributes kind;
        try {
            kind = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            throw unreadable(file, e);
        }
        if (kind.isDirectory()) {
            throw new BadInput(display(file), 0, "is a directory, not a guide file");
        }
        if (!kind.isRegularFile()) {
            throw new BadInput(display(file), 0, "is no regular file (a FIFO, a socket or a device), not a guide file");
        }
        if (kind.size() > MAX_BYTES) {
            // read whole, a file of gigabytes ran the JVM out of memory
            throw new BadInput(display(file), 0, "is " + kind.size() / (1024 * 1024) + " MB, more than the "
                    + MAX_BYTES / (1024 * 1024) + " MB a guide, an include or a sidecar may be");
        }
        try {
            // the common case: valid UTF-8, decoded by the JDK's fast path
            String text = Files.readString(file);
            if (text.indexOf('\0') < 0) {
                return text;
            }
        } catch (CharacterCodingException e) {
            // find the offending line below
        } catch (IOException | SecurityException e) {
            throw unreadable(file, e);
        }
        String shown = display(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw unreadable(file, e);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInput(shown, lineAt(bytes, i), "binary file (NUL byte), not a text guide");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new BadInput(shown, lineAt(bytes, in.position()), "invalid UTF-8 (byte 0x"
                    + String.format("%02x", bytes[in.position()] & 0xff) + ")");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** Why a file could not be read, as the one line bad input gets: a missing file, or the error. */
    private static BadInput unreadable(Path file, Exception e) {
        String shown = display(file);
        if (!Files.exists(file)) {
            return new BadInput(shown, 0, "no such file");
        }
        return new BadInput(shown, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }

    /** 1-based line of byte {@code offset}. */
    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** How messages name a file: relative to the working directory when it lies below it. */
    public static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute).toString()
                : absolute.toString();
    }
}
