package dev.rehearse.read.rst;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.read.Guides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Explicit markup that fails to parse after reading further lines: a comment, as docutils makes it, never a fault. */
class ExplicitMarkupTest {
    @TempDir
    Path dir;

    @Test
    void aMalformedTargetOverTwoLinesShorterThanItsOpeningIsAComment() throws IOException {
        // "..      " ends at column 8; the target's second line, where the reader stands when it fails, has 2
        // characters (found by ReaderFuzzTest: the comment was read from that line, past its end)
        Path guide = Files.writeString(dir.resolve("guide.rst"), """
                Title
                =====

                ..      _a
                 b

                Run::

                   echo ok
                """);
        Guide read = Guides.read(guide);
        assertEquals(List.of("echo ok"), read.blocks().stream().map(Block::text).toList());
    }
}
