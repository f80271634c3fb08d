package dev.rehearse.targets.shell;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The terminal's native code comes from the user's cache, unpacked once: a run leaves nothing in the temporary
 * folder (pty4j alone would leave a folder there every run), and a cached library that differs from the jar's is
 * replaced before it is loaded.
 */
class NativeLibrariesIT {
    private static final String GUIDE = Checkout.root().resolve("docs/first-guide.md").toString();

    @Test
    void runsLeaveNothingInTheTemporaryFolderAndShareOneCachedCopy(@TempDir Path dir) throws IOException {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Map<String, String> env = env(dir, tmp);

        for (int run = 0; run < 2; run++) {
            RehearseJar.Outcome ran = RehearseJar.in(dir, env, "run", GUIDE, "--target", "local", "--report-dir",
                    dir.resolve("reports").toString());
            assertEquals(0, ran.exit(), ran.both());
        }

        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "left in the temporary folder");
        }
        List<Path> copies = cached(dir, "libpty.so");
        assertEquals(1, copies.size(), copies.toString());
        assertEquals(1, cached(dir, "libjnidispatch.so").size());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copies.get(0).getParent())));
    }

    @Test
    void aCachedLibraryThatDiffersFromTheJarsIsReplaced(@TempDir Path dir) throws IOException {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Map<String, String> env = env(dir, tmp);
        assertEquals(0, RehearseJar.in(dir, env, "run", GUIDE, "--target", "local", "--report-dir",
                dir.resolve("reports").toString()).exit());
        Path libpty = cached(dir, "libpty.so").get(0);
        byte[] original = Files.readAllBytes(libpty);
        Files.writeString(libpty, "not a library\n");

        RehearseJar.Outcome ran = RehearseJar.in(dir, env, "run", GUIDE, "--target", "local", "--report-dir",
                dir.resolve("reports").toString());

        assertEquals(0, ran.exit(), ran.both());
        assertTrue(Arrays.equals(original, Files.readAllBytes(libpty)), "the jar's library is back");
    }

    /** A home that cannot hold the cache (a service account's): one in the temporary folder, the user's alone. */
    @Test
    void withoutACacheAtHomeTheCacheIsAFolderOfTheUsersInTheTemporaryFolder(@TempDir Path dir) throws IOException {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Files.writeString(dir.resolve("cache"), "a file where the cache would go\n");
        Map<String, String> env = env(dir, tmp);

        for (int run = 0; run < 2; run++) {
            RehearseJar.Outcome ran = RehearseJar.in(dir, env, "run", GUIDE, "--target", "local", "--report-dir",
                    dir.resolve("reports").toString());
            assertEquals(0, ran.exit(), ran.both());
        }

        Path mine = tmp.resolve("rehearse-native-" + Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(mine), left.toList(), "left in the temporary folder");
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mine)));
        try (Stream<Path> all = Files.walk(mine)) {
            assertEquals(1, all.filter(p -> p.getFileName().toString().equals("libpty.so")).count());
        }
    }

    /** Someone else's link where the temporary cache would go: nothing is written through it, the run goes on. */
    @Test
    void aLinkWhereTheTemporaryCacheWouldGoIsNotFollowed(@TempDir Path dir) throws IOException {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("cache"), "a file where the cache would go\n");
        Files.createSymbolicLink(tmp.resolve("rehearse-native-" + Files.getAttribute(Path.of("/proc/self"),
                "unix:uid")), elsewhere);

        RehearseJar.Outcome ran = RehearseJar.in(dir, env(dir, tmp), "run", GUIDE, "--target", "local",
                "--report-dir", dir.resolve("reports").toString());

        assertEquals(0, ran.exit(), ran.both());
        try (Stream<Path> inside = Files.list(elsewhere)) {
            assertEquals(List.of(), inside.toList(), "written through the link");
        }
    }

    /**
     * JNA is told where the system's libraries are (the C library's folder), so a run starts no {@code ldconfig -p}
     * to ask: the programs a run starts, traced, are the launcher of pty4j's terminal and the shell's, no other.
     */
    @Test
    void aRunAsksNoLdconfigWhereTheLibrariesAre(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("execve.trace");
        List<String> traced = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=execve", "-o",
                trace.toString(), RehearseJar.java(), "-jar", RehearseJar.jar().toString(), "run", GUIDE,
                "--target", "local", "--report-dir", dir.resolve("reports").toString()));

        RehearseJar.Outcome ran = RehearseJar.exec(dir, traced);

        assertEquals(0, ran.exit(), ran.both());
        String started = Files.readString(trace);
        assertTrue(started.contains("bash"), "the trace shows the run's shell:\n" + started);
        assertFalse(started.contains("ldconfig"), "ldconfig was started:\n" + started);
    }

    /** The cache in {@code dir}, the temporary folder {@code tmp}. */
    private static Map<String, String> env(Path dir, Path tmp) {
        return Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(),
                "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
    }

    private static List<Path> cached(Path dir, String name) throws IOException {
        try (Stream<Path> all = Files.walk(dir.resolve("cache/rehearse/native"))) {
            return all.filter(p -> p.getFileName().toString().equals(name)).toList();
        }
    }
}
