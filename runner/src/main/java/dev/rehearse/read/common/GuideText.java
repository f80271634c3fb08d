package dev.rehearse.read.common;

import java.nio.file.Path;

/**
 * What the line-based readers (Markdown, AsciiDoc) read: the file's text as {@link SourceText} checks and decodes
 * it, with a byte order mark dropped and CRLF turned into LF, so that no line or block text carries a stray
 * {@code \r} and a delimiter line still reads as one.
 */
public final class GuideText {

    private GuideText() {
    }

    /** @throws dev.rehearse.guide.BadInput as {@link SourceText#read(Path)} does */
    public static String read(Path file) {
        String text = SourceText.read(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
