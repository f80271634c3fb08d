package dev.rehearse.layering;

import dev.rehearse.run.Runner;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packages show the pipeline: nothing uses a later stage, and no two packages use each other. */
class LayeringTest {

    private static Map<String, Set<String>> compiled() throws URISyntaxException {
        return PackageGraph.of(Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }

    @Test
    void everyStageUsesOnlyTheLayersBelowIt() throws URISyntaxException {
        Map<String, Set<String>> graph = compiled();
        assertEquals(List.of(), Layers.violations(graph), graph.toString());
    }

    @Test
    void noTwoPackagesUseEachOther() throws URISyntaxException {
        // sub-packages of one stage too: a reader's format package and the package that dispatches to it
        assertEquals(List.of(), Layers.cycles(compiled()));
    }

    @Test
    void theGraphIsReadFromTheClassFiles() throws URISyntaxException {
        Map<String, Set<String>> graph = compiled();
        assertTrue(graph.get("run").containsAll(Set.of("targets", "plan", "check", "model")), graph.get("run").toString());
        assertEquals(Set.of(), graph.get("model"), "the model uses nothing of ours");
        assertTrue(graph.get("targets.shell").contains("model"), "CommandResult, through a method descriptor");
    }

    @Test
    void theCycleThePlanAndTheTargetsHadIsCaught() {
        // as it was: a session typed plan.Interaction, the planner read targets.TargetFacts
        Map<String, Set<String>> before = Map.of(
                "plan", Set.of("guide", "targets"),
                "targets", Set.of("guide", "plan"),
                "targets.shell", Set.of("targets", "plan"),
                "guide", Set.of());
        assertEquals(List.of(Set.of("plan", "targets")), Layers.cycles(before));
        assertEquals(Set.of("targets -> plan (upward)", "targets.shell -> plan (upward)"),
                Set.copyOf(Layers.violations(before)));
        assertEquals(List.of("plan -> cli (upward)", "read -> bind (same layer)", "read -> moon (a stage the "
                        + "layering does not place)"),
                Layers.violations(new java.util.TreeMap<>(Map.of("plan", Set.of("cli"), "read",
                        new java.util.TreeSet<>(Set.of("bind", "moon"))))));
    }

    @Test
    void aCycleInsideAStageIsCaughtToo() {
        // as it was: the reader that picks a format used read.rst, which used the reader's SourceText
        Map<String, Set<String>> before = Map.of(
                "read", Set.of("guide", "read.rst", "read.markdown"),
                "read.rst", Set.of("guide", "read"),
                "read.markdown", Set.of("guide"),
                "guide", Set.of());
        assertEquals(List.of(Set.of("read", "read.rst")), Layers.cycles(before));
        assertEquals(List.of(), Layers.violations(before), "the layers alone do not see it");
    }

    @Test
    void aClassFilesConstantsAreReadPastLongsAndDoubles() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(61);
        out.writeShort(5); // entries 1..4: a long takes two
        out.writeByte(5);
        out.writeLong(42);
        out.writeByte(1);
        out.writeUTF("Ldev/rehearse/plan/Plan;");
        out.writeByte(7);
        out.writeShort(3);
        assertEquals(List.of("Ldev/rehearse/plan/Plan;"),
                PackageGraph.utf8Constants(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
