package dev.rehearse.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A guide with nothing to run (an empty file, a page of prose and code that is no shell session) is bad input for
 * every command that runs or plans: one line, exit 2, before any target opens; never a run of nothing that passes.
 */
class NothingToRunTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "plan, empty.rst", "run, empty.rst", "update, empty.rst", "matrix, empty.rst",
            "plan, prose.md", "run, prose.md", "update, prose.md", "matrix, prose.md",
    })
    void isOneLineAndExit2(String command, String guide) throws IOException {
        Files.writeString(dir.resolve("empty.rst"), "");
        Files.writeString(dir.resolve("prose.md"), "# Prose\n\nNothing to type here.\n\n```python\nprint(1)\n```\n");
        List<String> args = new ArrayList<>(List.of(command, dir.resolve(guide).toString()));
        if (command.equals("matrix")) {
            args.addAll(List.of("--vary", "isabell=a,b", "--report-dir", dir.resolve("matrix").toString()));
        } else if (command.equals("run")) {
            args.addAll(List.of("--report-dir", dir.resolve("reports").toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(2, exit, out + "" + err);
        assertEquals(dir.resolve(guide) + ": no step to run: the guide shows no command to type and no file to write\n",
                err.toString());
        assertEquals("", out.toString());
        assertFalse(Files.exists(dir.resolve("reports")) || Files.exists(dir.resolve("matrix")), "no report of nothing");
    }
}
