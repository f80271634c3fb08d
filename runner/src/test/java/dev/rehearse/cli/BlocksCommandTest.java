package dev.rehearse.cli;

import dev.rehearse.testing.Checkout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code blocks --json} has two output loops: bytes encoded on the reading threads for the process's own standard
 * output, strings for any other writer. They must print the same.
 */
class BlocksCommandTest {

    @Test
    void onTheProcessStandardOutputTheSameBytesAsThroughAnyWriter(@TempDir Path dir) throws IOException {
        Path umlauts = Files.writeString(dir.resolve("guide_umlaut.rst"), "Grüße\n=====\n\n.. code-block:: console\n\n"
                + "  [isabell@stardust ~]$ echo 'Größe: 10 €'\n  Größe: 10 €\n");
        String[] args = {"blocks", "--json", umlauts.toString(), Checkout.guides().resolve("greeter.md").toString(),
                Checkout.seedRunbook().toString()};
        String viaWriter = viaWriter(args);
        assertTrue(viaWriter.chars().anyMatch(c -> c > 127), "the guides chosen hold non-ASCII text");
        assertEquals(viaWriter, onStandardOutput(args));

        Path noBlocks = Files.writeString(dir.resolve("guide_prose.rst"), "Prose\n=====\n\nOnly words here.\n");
        assertEquals(viaWriter("blocks", "--json", noBlocks.toString()), onStandardOutput("blocks", "--json", noBlocks.toString()));
        assertEquals(System.lineSeparator(), onStandardOutput("blocks", "--json", noBlocks.toString()),
                "one empty line when there is no block");
        assertEquals("", onStandardOutput("blocks", "--json", noBlocks.toString(), "no/such/guide_x.rst"),
                "bad input prints nothing");
    }

    private static String viaWriter(String... args) {
        StringWriter out = new StringWriter();
        Main.execute(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        return out.toString();
    }

    /** What a command line prints through {@link StandardOutput}, the process's standard output in {@code main}. */
    private static String onStandardOutput(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.execute(args, new StandardOutput(new PrintStream(bytes, false, Charset.defaultCharset())),
                new PrintWriter(new StringWriter(), true));
        return bytes.toString(Charset.defaultCharset());
    }
}
