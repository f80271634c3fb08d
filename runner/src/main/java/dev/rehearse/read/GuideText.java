package dev.rehearse.read;

import dev.rehearse.guide.BadInput;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a guide's (or an include's) text for a reader: UTF-8 only, no NUL bytes, a byte order mark dropped and
 * CRLF turned into LF so that line numbers and block text never carry a stray {@code \r}. Anything else is a
 * {@link BadInput} naming the file (and the line, when there is one).
 */
public final class GuideText {

    private GuideText() {
    }

    /**
     * @param file  the file to read
     * @param shown how messages name it (the path relative to the guide's root)
     */
    public static String read(Path file, String shown) {
        if (Files.isDirectory(file)) {
            throw new BadInput(shown, 0, "is a directory, not a guide");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInput(shown, 0, Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInput(shown, lineAt(bytes, i), "binary file (NUL byte), not a guide");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInput(shown, lineAt(bytes, firstInvalidUtf8(bytes)), "invalid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Offset of the first byte that does not decode, found by decoding line by line. */
    private static int firstInvalidUtf8(byte[] bytes) {
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return start;
                }
                start = i + 1;
            }
        }
        return bytes.length;
    }
}
