package dev.rehearse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.SharedFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rehearse blocks} through the command-line jar. */
class BlocksCommandIT {

    private static final Path SEED = Checkout.seedRunbook();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        RehearseJar.Outcome o = RehearseJar.run(args);
        return new Outcome(o.exit(), o.out(), o.err());
    }

    private static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    @Tag("conformance")
    void jsonLinesCarryEveryFieldOfTheOracleWithItsValues() throws IOException {
        Outcome o = run("blocks", SharedFiles.file("seed/guide_synapse.rst").toString(), "--json");
        assertEquals(0, o.status(), o.err());
        List<JsonNode> ours = lines(o.out());
        List<String> oracle = Files.readAllLines(SharedFiles.file("seed/guide_synapse.oracle.jsonl"));
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
        Outcome o = run("blocks", "--json", Checkout.guides().resolve("greeter.rst").toString(), SEED.toString());
        assertEquals(0, o.status(), o.err());
        List<JsonNode> blocks = lines(o.out());
        List<String> guides = blocks.stream().map(b -> b.get("guide").asText()).distinct().toList();
        assertEquals(List.of("greeter", "guide_synapse"), guides);
        JsonNode firstOfSeed = blocks.stream().filter(b -> b.get("guide").asText().equals("guide_synapse"))
                .findFirst().orElseThrow();
        assertEquals(0, firstOfSeed.get("seq").asInt());
    }

    @Test
    void nonAsciiTextComesOutAsUtf8AndNoBlocksAsOneEmptyLine(@TempDir Path dir) throws IOException {
        Path guide = Files.writeString(dir.resolve("guide_umlaut.rst"), "Grüße\n=====\n\n.. code-block:: console\n\n"
                + "  [isabell@stardust ~]$ echo 'Größe: 10 €'\n  Größe: 10 €\n");
        Outcome o = run("blocks", "--json", guide.toString());
        assertEquals(0, o.status(), o.err());
        assertEquals("[isabell@stardust ~]$ echo 'Größe: 10 €'\nGröße: 10 €", lines(o.out()).get(0).get("text").asText());
        Path noBlocks = Files.writeString(dir.resolve("guide_prose.rst"), "Prose\n=====\n\nOnly words here.\n");
        assertEquals("\n", run("blocks", "--json", noBlocks.toString()).out(), "one empty line when there is no block");
        assertEquals("", run("blocks", "--json", noBlocks.toString(), "no/such/guide_x.rst").out(), "bad input prints nothing");
    }

    @Test
    void withoutJsonAListingToRead() {
        Outcome o = run("blocks", SEED.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("guide_synapse.rst:40  code-block console  [Synapse > Prerequisites]\n"
                + "    | [isabell@stardust ~]$ createuser synapse -P\n"), o.out());
        assertTrue(o.out().contains("guide_synapse.rst:58  code-block console  [Synapse > Installation]  (dropped by "
                + "Sphinx: invalid line number spec: '1,2,8,18.27,37')"), o.out());
        assertTrue(o.out().contains("includes/open-port.rst:"), o.out());
    }

    @Test
    void oneBadGuideAmongSeveralPrintsNothingButItsLine() {
        Outcome o = run("blocks", "--json", SEED.toString(), "no/such/guide_x.rst");
        assertEquals(2, o.status());
        assertEquals("", o.out());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("no/such/guide_x.rst: "), o.err());
    }

    @Test
    void helpAndUsageErrorsGoThroughTheCommandLine() {
        Outcome help = run("blocks", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--json"), help.out());
        Outcome unknown = run("blocks", "--xml", "guide.rst");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--xml"), unknown.err());
        Outcome none = run("blocks");
        assertEquals(2, none.status());
    }

    @Test
    void aFolderOfGuidesListsTheBlocksOfEveryGuideBelowItInNameOrder(@TempDir Path dir) throws IOException {
        Path guides = Files.createDirectories(dir.resolve("guides/ops"));
        Files.writeString(guides.resolve("deploy.md"), "# Deploy\n\n```console\n$ make deploy\n```\n");
        Files.writeString(guides.getParent().resolve("zz-backup.rst"), "Backup\n======\n\n::\n\n  $ make backup\n");
        Files.writeString(Files.createDirectories(guides.resolve("includes")).resolve("part.rst"), "::\n\n  $ x\n");

        Outcome o = run("blocks", guides.getParent().toString(), "--json");

        assertEquals(0, o.status(), o.err());
        List<String> shown = lines(o.out()).stream().map(b -> b.get("source").asText() + " " + b.get("text").asText())
                .toList();
        assertEquals(List.of("deploy.md $ make deploy", "zz-backup.rst $ make backup"), shown);
    }
}
