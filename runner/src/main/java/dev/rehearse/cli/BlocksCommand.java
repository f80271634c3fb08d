package dev.rehearse.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.read.Guides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rehearse blocks GUIDE... [--json]}: every literal block of each guide in document order. With
 * {@code --json}, one object per line with the field names of the docutils oracle; otherwise a listing to read.
 */
@Command(name = "blocks", mixinStandardHelpOptions = true,
        description = "List the literal blocks of guides (includes inlined), in document order.")
public final class BlocksCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "GUIDE", description = "Guide files or runbook folders.")
    List<Path> guides;

    @Option(names = "--json", description = "One JSON object per block and line, shaped like the docutils oracle.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(guides, json, spec.commandLine().getOut());
    }

    /**
     * True for a plain {@code blocks [--json] GUIDE...} command line, which {@link Main} runs without building
     * picocli's command model: picocli's classes are Java 5 bytecode that class-data sharing cannot archive, and
     * loading them is a fifth of the time {@code blocks} takes over the whole corpus. Anything else (help, an
     * unknown option, no guide) goes through picocli for its usual handling.
     */
    static boolean isPlain(String[] args) {
        if (args.length < 2 || !args[0].equals("blocks")) {
            return false;
        }
        int files = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-")) {
                if (!args[i].equals("--json")) {
                    return false;
                }
            } else {
                files++;
            }
        }
        return files > 0;
    }

    /** Run a command line {@link #isPlain} accepted. */
    static int runPlain(String[] args, PrintWriter out) {
        List<Path> files = new ArrayList<>();
        boolean asJson = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--json")) {
                asJson = true;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        return run(files, asJson, out);
    }

    /** Read every guide first (bad input prints nothing), then print their blocks. */
    private static int run(List<Path> paths, boolean asJson, PrintWriter out) {
        List<Guide> guides = Guides.readAll(paths);
        if (asJson) {
            writeJson(guides, out);
        } else {
            guides.forEach(g -> listing(g, out));
        }
        out.flush();
        return 0;
    }

    private static void writeJson(List<Guide> guides, PrintWriter out) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setRootValueSeparator(new SerializedString("\n"));
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            for (Guide guide : guides) {
                String name = guide.file().getFileName().toString().replaceFirst("\\.[^.]*$", "");
                int seq = 0;
                for (Block b : guide.blocks()) {
                    write(json, name, seq++, b);
                }
            }
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator json, String guide, int seq, Block b) throws IOException {
        json.writeStartObject();
        json.writeStringField("guide", guide);
        json.writeNumberField("seq", seq);
        json.writeStringField("kind", b.kind());
        json.writeStringField("language", b.language());
        json.writeStringField("lang_origin", b.langOrigin());
        json.writeStringField("source", b.source());
        lineNumber(json, "line", b.line());
        lineNumber(json, "content_line", b.contentLine());
        json.writeObjectFieldStart("options");
        for (Map.Entry<String, String> e : b.options().entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        numbers(json, "emphasize_lines", b.emphasizeLines());
        json.writeStringField("emphasize_error", b.emphasizeError());
        numbers(json, "emphasize_out_of_range", b.emphasizeOutOfRange());
        json.writeBooleanField("dropped_by_sphinx", b.droppedBySphinx());
        strings(json, "section", b.section());
        strings(json, "context", b.context());
        json.writeStringField("preceding_text", b.precedingText());
        json.writeNumberField("nlines", lineCount(b.text()));
        json.writeNumberField("indent", b.indent());
        json.writeStringField("text", b.text());
        json.writeEndObject();
    }

    /** A line number; 0 (unknown) is null, as in the oracle. */
    private static void lineNumber(JsonGenerator json, String name, int line) throws IOException {
        if (line > 0) {
            json.writeNumberField(name, line);
        } else {
            json.writeNullField(name);
        }
    }

    /** Lines of a block's text, as the oracle counts them (none for an empty block). */
    private static int lineCount(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }

    private static void numbers(JsonGenerator json, String name, List<Integer> values) throws IOException {
        if (values == null) {
            json.writeNullField(name);
            return;
        }
        json.writeArrayFieldStart(name);
        for (int v : values) {
            json.writeNumber(v);
        }
        json.writeEndArray();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    private static void listing(Guide guide, PrintWriter out) {
        for (Block b : guide.blocks()) {
            StringBuilder head = new StringBuilder(b.where()).append("  ").append(b.kind());
            if (b.language() != null) {
                head.append(' ').append(b.language());
            }
            if (!b.section().isEmpty()) {
                head.append("  [").append(String.join(" > ", b.section())).append(']');
            }
            if (b.droppedBySphinx()) {
                head.append("  (dropped by Sphinx: ").append(b.emphasizeError()).append(')');
            }
            out.println(head);
            for (String line : b.lines()) {
                out.println("    | " + line);
            }
        }
    }
}
