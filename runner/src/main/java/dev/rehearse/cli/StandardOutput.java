package dev.rehearse.cli;

import dev.rehearse.terminal.TerminalText;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The process's standard output (or error) as commands print to it: a {@code PrintWriter(System.out, true)} that
 * shows every control character it is given as text ({@link TerminalText#printable}): what it prints comes from
 * guides and hosts nobody vetted, and a terminal obeys the escape sequences in it. It also takes text already
 * encoded in its charset (JSON, whose strings hold no control character): {@code blocks --json} prints a megabyte for
 * the corpus; encoded on the threads that read the guides rather than here, at the end, on one thread, its writing
 * costs half a millisecond instead of ten in a cold process.
 */
final class StandardOutput extends PrintWriter {

    private final PrintStream stream;
    /** What {@code PrintWriter(OutputStream)} encodes with: the JVM's default charset. */
    private final Charset charset = Charset.defaultCharset();

    StandardOutput(PrintStream stream) {
        super(stream, true);
        this.stream = stream;
    }

    @Override
    public void write(String text, int off, int len) {
        String shown = TerminalText.printable(off == 0 && len == text.length() ? text : text.substring(off, off + len));
        super.write(shown, 0, shown.length());
    }

    @Override
    public void write(char[] text, int off, int len) {
        write(new String(text, off, len));
    }

    @Override
    public void write(int c) {
        write(String.valueOf((char) c));
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
