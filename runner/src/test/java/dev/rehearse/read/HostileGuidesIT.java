package dev.rehearse.read;

import dev.rehearse.testing.HostileGuides;
import dev.rehearse.testing.HostileGuides.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guides that crashed or stalled a reader (issue 13) or the planner, at the size reported, through the real
 * command line: blocks (or the plan) on stdout and exit 0, or one line of bad input and exit 2; never a stack trace.
 * (How fast: the HostileReadBenchmark.)
 */
class HostileGuidesIT {

    static final java.util.List<Case> CASES = HostileGuides.ALL;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void readsOrRefusesInOneLine(Case c) throws IOException {
        Path guide = Files.writeString(dir.resolve("guide." + c.extension()), c.text().apply(c.reported()));
        assertOneLineAtMost(BadInputIT.run("blocks", guide.toString()), guide);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void plansOrRefusesInOneLine(Case c) throws IOException {
        Path guide = Files.writeString(dir.resolve("guide." + c.extension()), c.text().apply(c.reported()));
        BadInputIT.Outcome o = BadInputIT.run("plan", guide.toString());
        assertOneLineAtMost(o, guide);
        if (c.name().contains("command continued") || c.name().contains("here-document")) {
            assertTrue(o.out().lines().anyMatch(line -> line.startsWith("1 step: 1 command")),
                    "the whole text is one command: " + o.out().lines().filter(line -> line.contains("step")).toList());
        }
    }

    /** what it prints, or exit 2 with one line naming the guide; never a stack trace */
    private static void assertOneLineAtMost(BadInputIT.Outcome o, Path guide) {
        assertFalse(o.err().contains("Exception") || o.err().contains("Error") || o.err().contains("\tat "),
                "no stack trace: " + o.err().lines().limit(3).toList());
        if (o.status() == 2) {
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().startsWith(guide.getFileName().toString()) || o.err().contains("guide."), o.err());
        } else {
            assertEquals(0, o.status(), o.err());
        }
    }
}
