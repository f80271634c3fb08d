package dev.rehearse.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The process's standard output as commands print to it: a {@code PrintWriter(System.out, true)} in every respect,
 * which also takes text already encoded in its charset. {@code blocks --json} prints a megabyte for the corpus; encoded
 * on the threads that read the guides rather than here, at the end, on one thread, its writing costs half a
 * millisecond instead of ten in a cold process.
 */
final class StandardOutput extends PrintWriter {

    private final PrintStream stream;
    /** What {@code PrintWriter(OutputStream)} encodes with: the JVM's default charset. */
    private final Charset charset = Charset.defaultCharset();

    StandardOutput(PrintStream stream) {
        super(stream, true);
        this.stream = stream;
    }

    /** Text as {@link #writeEncoded} takes it; callable on any thread. */
    byte[] encode(String text) {
        return text.getBytes(charset);
    }

    /** Write text {@link #encode}d, after anything written before it. */
    void writeEncoded(byte[] text) {
        flush();
        stream.write(text, 0, text.length);
    }
}
