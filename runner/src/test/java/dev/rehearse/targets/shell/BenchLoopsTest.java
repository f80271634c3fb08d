package dev.rehearse.targets.shell;

import dev.rehearse.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM loops scripts/bench-peers measures beside Rehearse (scripts/JvmLoop.java, scripts/SessionLoop.java) are
 * compiled by the benchmark alone, against the jar: a change of the terminal's or the session's API would break
 * them unseen until the next benchmark. Each is compiled here and run on a few steps, and one that is wrong fails.
 */
class BenchLoopsTest {
    private static final Path SCRIPTS = Path.of(System.getProperty("rehearse.root", ".."), "scripts");

    @Test
    void bothLoopsCompileAndPassWhatBashPrints(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        String classPath = System.getProperty("java.class.path");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-nowarn", "-d",
                classes.toString(), "-cp", classPath, SCRIPTS.resolve("JvmLoop.java").toString(),
                SCRIPTS.resolve("SessionLoop.java").toString());
        assertEquals(0, compiled, "the bench loops do not compile against Rehearse's classes");
        Path passing = Files.writeString(dir.resolve("passing.lines"), "echo 1\n1\nexport V=2\n\necho \"$V\"\n2\n");
        Path failing = Files.writeString(dir.resolve("failing.lines"), "echo 1\n1\necho 2\n3\n");
        for (String loop : List.of("JvmLoop", "SessionLoop")) {
            assertEquals(0, run(loop, classes, passing).exit(), loop + " failed what bash prints");
            Processes.Ran wrong = run(loop, classes, failing);
            assertEquals(1, wrong.exit(), loop + " passed a step whose output differs");
            assertTrue(wrong.printed().contains("FAIL echo 2"), wrong.printed());
        }
    }

    private static Processes.Ran run(String loop, Path classes, Path lines) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return Processes.ran("", lines.getParent(), Map.of(), java, "-cp", classes + File.pathSeparator
                + System.getProperty("java.class.path"), loop, lines.toString());
    }
}
