package dev.rehearse.targets.container;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stardust recipe that travels in Rehearse's classes unpacks to exactly the repository's fixtures/stardust and
 * fixtures/synapse-double: every file build.sh hashes, byte for byte, scripts executable and nothing else, so the
 * image it names is the checkout's.
 */
class StardustRecipeTest {
    private static final Path FIXTURES = Path.of(System.getProperty("rehearse.root")).resolve("fixtures");

    @Test
    void theUnpackedRecipeIsTheRepositorysFileForFileAndModeForMode(@TempDir Path dir) throws IOException {
        Path unpacked = StardustImage.unpack(dir);

        Map<String, String> expected = files(FIXTURES);
        Map<String, String> got = files(unpacked);
        assertTrue(expected.containsKey("stardust/build.sh x"), expected.keySet().toString());
        assertTrue(expected.containsKey("synapse-double/.gitignore -"), "a dot file is part of the recipe too");
        assertEquals(expected, got);
    }

    /** Each file of the recipe's two folders as "path x|-" (executable or not) to its content. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String folder : new String[]{"stardust", "synapse-double"}) {
            try (Stream<Path> all = Files.walk(root.resolve(folder))) {
                for (Path file : all.filter(Files::isRegularFile).toList()) {
                    String name = root.relativize(file).toString();
                    if (name.contains("__pycache__") || name.endsWith(".pyc")) {
                        continue; // build.sh leaves these out of the hash
                    }
                    files.put(name + (Files.isExecutable(file) ? " x" : " -"), Files.readString(file));
                }
            }
        }
        return files;
    }
}
