package dev.rehearse.plan;

import dev.rehearse.model.TargetFacts;
import dev.rehearse.read.Guides;
import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.OracleGuides;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** runbooks/synapse: the guide as published, includes written by us with the same commands, and its sidecar. */
class SynapseRunbookTest {
    private static final Path RUNBOOK = Checkout.seedRunbook();
    /** The seed as published, in the shared folder: only the conformance tests read it. */
    private static Path seed() {
        return OracleGuides.shared().resolve("seed");
    }

    @Test
    @Tag("conformance")
    void theGuideIsTheSeedByteForByte() throws IOException {
        assertArrayEquals(Files.readAllBytes(seed().resolve("guide_synapse.rst")), Files.readAllBytes(RUNBOOK.resolve("guide_synapse.rst")));
    }

    @Test
    @Tag("conformance")
    void ourIncludesShowTheSameSessionsInProseOfOurOwn() throws IOException {
        for (String include : List.of("includes/open-port.rst", "includes/web-backend.rst")) {
            List<String> ours = Files.readAllLines(RUNBOOK.resolve(include));
            List<String> theirs = Files.readAllLines(seed().resolve(include));
            assertEquals(session(theirs), session(ours), include);
            assertNotEquals(theirs.get(0), ours.get(0), include + " must not copy the seed's prose");
            assertFalse(ours.stream().anyMatch(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("..") && !l.equals("::")
                    && theirs.contains(l)), include + " shares a prose line with the seed's include");
        }
    }

    /** The lines of the include's console session, indentation removed. */
    private static List<String> session(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> l.startsWith("[isabell@") || l.startsWith("Port ")
                || l.startsWith("Set backend") || l.startsWith("You can always")).toList();
    }

    @Test
    void throughTheRealReaderTheRunbookPlansTo26Commands3EditsAnd1Write() {
        Runbook runbook = Runbook.load(RUNBOOK);
        Plan plan = new Planner(new TargetFacts("alice", "box1", "/home/alice", "alice.box1.test"), Map.of())
                .plan(runbook, Guides.read(RUNBOOK));
        assertEquals(List.of(26L, 3L, 1L), List.of(count(plan, CommandStep.class), count(plan, EditStep.class),
                count(plan, WriteStep.class)));
        CommandStep portAdd = (CommandStep) plan.steps().get(14);
        assertEquals("includes/open-port.rst:5 uberspace port add", portAdd.source() + ":" + portAdd.line() + " " + portAdd.command());
        assertEquals(3, portAdd.captures().size(), "40132, its misspelling 40312, and PORT");
        CommandStep backend = (CommandStep) plan.steps().get(16);
        assertEquals("includes/web-backend.rst:5", backend.source() + ":" + backend.line());
        assertEquals(1, ((CommandStep) plan.steps().get(28)).captures().size(), "the hash hash_password prints");
    }

    @Test
    void thePortGivenWithBindIsWhatEverythingSameAsItTypes() {
        Plan plan = new Planner(new TargetFacts("alice", "box1", "/home/alice", "alice.box1.test"),
                Map.of("40132", "61234")).plan(Runbook.load(RUNBOOK), Guides.read(RUNBOOK));
        for (String literal : List.of("40132", "40312", "PORT")) {
            assertEquals("61234", plan.bindings().get(literal).orElseThrow().value(), literal);
        }
        CommandStep register = (CommandStep) plan.steps().get(27);
        assertTrue(plan.bindings().apply(register.command()).contains(":61234"), plan.bindings().apply(register.command()));
    }

    private static long count(Plan plan, Class<? extends Step> kind) {
        return plan.steps().stream().filter(kind::isInstance).count();
    }

    @Test
    void theSidecarLoadsForTheGuide() {
        Runbook r = Runbook.load(RUNBOOK);
        assertEquals("synapse", r.name());
        assertEquals(RUNBOOK.resolve("guide_synapse.rst"), r.guide());
        assertEquals(RUNBOOK.resolve("runbook.yaml"), r.sidecar());
        assertEquals(14, r.bindings().size());
        assertEquals(r.sidecar(), Runbook.load(RUNBOOK.resolve("guide_synapse.rst")).sidecar(), "the guide file finds its sidecar");
    }
}
