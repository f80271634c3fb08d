package dev.rehearse.read;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.read.asciidoc.AsciidocReader;
import dev.rehearse.read.markdown.MarkdownReader;
import dev.rehearse.testing.SharedFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both readers on texts they were not written for: the 156 reStructuredText guides of the corpus, read as
 * Markdown and as AsciiDoc. Whatever they make of them, they must not fail, and every block they report must
 * stand where it says: the line at {@code contentLine}, minus {@code indent}, is the block's first line.
 */
@Tag("conformance")
class LineExactnessTest {

    @Test
    void everyBlockOfEveryCorpusGuideStandsWhereItSays() throws IOException {
        Path lab = SharedFiles.file("corpus/lab/LICENSE").getParent();
        List<Path> guides;
        try (Stream<Path> files = Files.list(lab)) {
            guides = files.filter(f -> f.toString().endsWith(".rst")).sorted().toList();
        }
        assertTrue(guides.size() >= 150, "the corpus is there: " + guides.size() + " guides");
        int blocks = 0;
        List<String> wrong = new ArrayList<>();
        for (GuideReader reader : List.of(new MarkdownReader(), new AsciidocReader())) {
            for (Path guide : guides) {
                Guide read = reader.read(guide, lab);
                List<String> lines = Files.readAllLines(guide);
                for (Block block : read.blocks()) {
                    blocks++;
                    if (!block.source().equals(guide.getFileName().toString()) || block.text().isEmpty()) {
                        continue;
                    }
                    String shown = block.contentLine() <= lines.size() ? lines.get(block.contentLine() - 1) : "<past the end>";
                    String expected = block.lines().get(0);
                    boolean same = shown.length() >= block.indent()
                            && shown.substring(block.indent()).startsWith(expected.strip().isEmpty() ? "" : expected);
                    if (!same) {
                        wrong.add(reader.getClass().getSimpleName() + " " + block.where() + " content line "
                                + block.contentLine() + ": '" + shown + "' vs '" + expected + "'");
                    }
                }
            }
        }
        System.out.println("LineExactnessTest: " + blocks + " blocks from " + guides.size()
                + " corpus guides read as Markdown and AsciiDoc; misplaced: " + wrong.size());
        assertEquals(List.of(), wrong.stream().limit(20).toList());
    }
}
