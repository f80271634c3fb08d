package dev.rehearse.read.rst;

import dev.rehearse.guide.Block;
import dev.rehearse.read.Guides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** sphinx-tabs' and sphinx-design's tabs: a block in one knows the set (by its first tab's line) and its label. */
class SphinxTabsTest {
    @TempDir
    Path dir;

    @Test
    void aBlockInATabHasItsSetAndLabelInItsContext() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.rst"), """
                Title
                =====

                .. tabs::

                   .. tab:: macOS

                      .. code-block:: console

                         $ brew install x

                   .. group-tab:: Linux

                      ::

                         $ apt-get install x

                .. tab-set::

                   .. tab-item:: Fedora 40

                      .. code-block:: console

                         $ dnf install x
                """);
        List<Block> blocks = Guides.read(guide).blocks();
        assertEquals(List.of(List.of("container(oracle-tabs)", "tab 6: macOS"),
                        List.of("container(oracle-tabs)", "tab 6: Linux"),
                        List.of("container(oracle-tab-set)", "tab 20: Fedora 40")),
                blocks.stream().map(Block::context).toList());
        assertEquals(List.of(10, 16, 24), blocks.stream().map(Block::contentLine).toList());
    }
}
