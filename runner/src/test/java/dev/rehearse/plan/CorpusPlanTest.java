package dev.rehearse.plan;

import dev.rehearse.guide.Guide;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.testing.OracleGuides;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every corpus guide planned as a bare runbook: what it turns into, and every carry-forward it finds. */
@Tag("conformance")
class CorpusPlanTest {

    @Test
    void everyCorpusGuidePlansWithoutASidecar(@TempDir Path dir) throws IOException {
        Runbook bare = Runbook.load(Files.writeString(dir.resolve("guide.rst"), "x\n"));
        Planner planner = new Planner(new TargetFacts("alice", "box1", "/home/alice", "alice.box1.test"), Map.of());
        List<Guide> corpus = OracleGuides.corpus();
        int commands = 0, writes = 0, edits = 0, interactions = 0;
        List<String> carried = new java.util.ArrayList<>();
        for (Guide guide : corpus) {
            Plan plan = planner.plan(bare, guide);
            for (Step step : plan.steps()) {
                if (step instanceof CommandStep c) {
                    commands++;
                    interactions += c.interactions().size();
                    for (Capture capture : c.captures()) {
                        carried.add(capture.literal());
                        Pattern.compile(capture.regex());
                        System.out.println("  carry-forward " + guide.file().getFileName() + ":" + c.line() + " "
                                + capture.literal() + " <- " + capture.regex());
                    }
                } else if (step instanceof WriteStep) {
                    writes++;
                } else {
                    edits++;
                }
            }
        }
        System.out.printf("corpus plans: %d guides, %d commands, %d writes, %d edits, %d interactions, %d carried forward%n",
                corpus.size(), commands, writes, edits, interactions, carried.size());
        assertEquals(156, corpus.size());
        assertTrue(writes > 100, "most services.d inis are writes: " + writes);
        assertTrue(carried.containsAll(List.of("40131", "40132", "40200", "A01A2680", "cf31f287-ee9e-43a8-843e-e8bbd5de4294",
                "$2b$12$yK16TMDMnvj97GFBoxF9QeP2N.U8oadindcjB0Uo9TkSI3CsgwV02")), carried.toString());
        assertTrue(carried.stream().noneMatch(t -> t.matches("[a-z]+\\d[\\w.]*")), "names with a version are no values: " + carried);
    }
}
