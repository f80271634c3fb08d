package dev.rehearse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rehearse blocks} through the real command line. */
class BlocksCommandTest {

    private static final Path SHARED = Path.of(Objects.requireNonNull(System.getProperty("rehearse.shared")));
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(status, out.toString(), err.toString());
    }

    private static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void jsonLinesCarryEveryFieldOfTheOracleWithItsValues() throws IOException {
        Outcome o = run("blocks", SHARED.resolve("seed/guide_synapse.rst").toString(), "--json");
        assertEquals(0, o.status(), o.err());
        List<JsonNode> ours = lines(o.out());
        List<String> oracle = Files.readAllLines(SHARED.resolve("seed/guide_synapse.oracle.jsonl"));
        assertEquals(oracle.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            JsonNode want = JSON.readTree(oracle.get(i));
            Iterator<String> fields = want.fieldNames();
            while (fields.hasNext()) {
                String field = fields.next();
                assertEquals(want.get(field), ours.get(i).get(field), "block " + i + ", field " + field);
            }
            assertTrue(ours.get(i).get("indent").isInt(), "and the indentation stripped from the block");
        }
    }

    @Test
    void severalGuidesInOrderEachCountingFromZero() throws IOException {
        Outcome o = run("blocks", "--json", SHARED.resolve("corpus/lab/guide_2fauth.rst").toString(),
                SHARED.resolve("seed").toString());
        assertEquals(0, o.status(), o.err());
        List<JsonNode> blocks = lines(o.out());
        List<String> guides = blocks.stream().map(b -> b.get("guide").asText()).distinct().toList();
        assertEquals(List.of("guide_2fauth", "guide_synapse"), guides);
        JsonNode firstOfSeed = blocks.stream().filter(b -> b.get("guide").asText().equals("guide_synapse"))
                .findFirst().orElseThrow();
        assertEquals(0, firstOfSeed.get("seq").asInt());
    }

    @Test
    void onTheProcessStandardOutputTheSameBytesAsThroughAnyWriter(@TempDir Path dir) throws IOException {
        // magicmirror's blocks hold non-ASCII text: encoded on the reading threads, it must come out as the writer's
        String[] args = {"blocks", "--json", SHARED.resolve("corpus/lab/guide_magicmirror.rst").toString(),
                SHARED.resolve("corpus/lab/guide_2fauth.rst").toString(), SHARED.resolve("seed").toString()};
        Outcome viaWriter = run(args);
        assertEquals(0, viaWriter.status(), viaWriter.err());
        assertTrue(viaWriter.out().chars().anyMatch(c -> c > 127), "the guides chosen hold non-ASCII text");
        assertEquals(viaWriter.out(), runOnStandardOutput(args));

        Path noBlocks = Files.writeString(dir.resolve("guide_prose.rst"), "Prose\n=====\n\nOnly words here.\n");
        assertEquals(run("blocks", "--json", noBlocks.toString()).out(),
                runOnStandardOutput("blocks", "--json", noBlocks.toString()));
        assertEquals(System.lineSeparator(), runOnStandardOutput("blocks", "--json", noBlocks.toString()),
                "one empty line when there is no block");
        assertEquals("", runOnStandardOutput("blocks", "--json", noBlocks.toString(), "no/such/guide_x.rst"),
                "bad input prints nothing");
    }

    /** What a command line prints through {@link StandardOutput}, the process's standard output in {@code main}. */
    private static String runOnStandardOutput(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.execute(args, new StandardOutput(new PrintStream(bytes, false, Charset.defaultCharset())),
                new PrintWriter(new StringWriter(), true));
        return bytes.toString(Charset.defaultCharset());
    }

    @Test
    void withoutJsonAListingToRead() {
        Outcome o = run("blocks", SHARED.resolve("seed").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("guide_synapse.rst:40  code-block console  [Synapse > Prerequisites]\n"
                + "    | [isabell@stardust ~]$ createuser synapse -P\n"), o.out());
        assertTrue(o.out().contains("guide_synapse.rst:58  code-block console  [Synapse > Installation]  (dropped by "
                + "Sphinx: invalid line number spec: '1,2,8,18.27,37')"), o.out());
        assertTrue(o.out().contains("includes/open-port.rst:"), o.out());
    }

    @Test
    void oneBadGuideAmongSeveralPrintsNothingButItsLine() {
        Outcome o = run("blocks", "--json", SHARED.resolve("seed").toString(), "no/such/guide_x.rst");
        assertEquals(2, o.status());
        assertEquals("", o.out());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("no/such/guide_x.rst: "), o.err());
    }

    @Test
    void helpAndUsageErrorsGoThroughPicocli() {
        Outcome help = run("blocks", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--json"), help.out());
        Outcome unknown = run("blocks", "--xml", "guide.rst");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--xml"), unknown.err());
        Outcome none = run("blocks");
        assertEquals(2, none.status());
    }
}
