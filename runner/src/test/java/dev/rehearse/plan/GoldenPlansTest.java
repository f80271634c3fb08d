package dev.rehearse.plan;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.rehearse.testing.OracleGuides;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The golden set: approved plans of 20 corpus guides of varied shape, checked against the guides by reading them.
 * A snapshot holds only our plan's step lines (number, kind, what it does, where, the command's first words), never
 * the guide's text at length. A change to any plan fails here with the diff; after reading the change against the
 * guide, re-approve with {@code -Drehearse.approve=true} (docs/runbook.md, "The golden set").
 */
@Tag("conformance")
class GoldenPlansTest {
    static final List<String> GUIDES = List.of("aptly", "bookstack", "commento", "django", "filebrowser", "flask",
            "gitea", "homeassistant", "isso", "jekyll", "miniflux", "mosquitto", "mumble", "pixelfed", "prosody",
            "readeck", "roundcube", "starship", "taskd", "wordpress-bedrock");
    private static final int COMMAND_WORDS = 40;

    private static Path golden() {
        return OracleGuides.root().resolve("runner/src/test/resources/golden");
    }

    /** One line per step: what the plan does there, short; and the blocks that are no step, with why. */
    static String snapshot(Plan plan) {
        List<String> lines = new ArrayList<>();
        for (Step step : plan.steps()) {
            String what = step instanceof CommandStep c ? "$ " + shortCommand(c.command())
                    + (c.interactions().isEmpty() ? "" : "  [" + c.interactions().size() + " answered]")
                    + (c.captures().isEmpty() ? "" : "  [captures " + String.join(", ",
                    c.captures().stream().map(Capture::literal).toList()) + "]")
                    : step instanceof WriteStep w ? w.verb() + " " + w.path()
                    : ((EditStep) step).verb() + " " + ((EditStep) step).path();
            lines.add(String.format("%3d %-7s %s:%d  %s%s", step.n(), step.kind(), step.source(), step.line(), what,
                    step.policy().skip() == null ? "" : "  SKIP " + step.policy().skip()));
        }
        plan.notSteps().forEach(n -> lines.add("  - no step " + n.source() + ":" + n.line() + "  " + n.why()));
        plan.unbound().forEach(p -> lines.add("  ! unbound " + p.literal() + " " + p.source() + ":" + p.line()));
        return String.join("\n", lines) + "\n";
    }

    private static String shortCommand(String command) {
        String first = command.lines().findFirst().orElse("");
        return first.length() > COMMAND_WORDS ? first.substring(0, COMMAND_WORDS) + "..." : first;
    }

    @Test
    void everyGoldenPlanIsAsApproved() throws IOException {
        boolean approve = Boolean.getBoolean("rehearse.approve");
        List<String> changed = new ArrayList<>();
        for (String name : GUIDES) {
            String now = snapshot(UntunedCorpusTest.plan(name));
            Path file = golden().resolve(name + ".plan");
            if (approve) {
                Files.writeString(file, now);
                continue;
            }
            String approved = Files.exists(file) ? Files.readString(file) : "";
            if (!approved.equals(now)) {
                List<String> a = approved.lines().toList();
                List<String> b = now.lines().toList();
                changed.add(String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("golden/" + name + ".plan (approved)",
                        name + " (planned now)", a, DiffUtils.diff(a, b), 2)));
            }
        }
        if (!changed.isEmpty()) {
            fail(changed.size() + " golden plan(s) changed; read each change against its guide, then re-approve with "
                    + "-Drehearse.approve=true:\n" + String.join("\n", changed));
        }
        assertEquals(20, GUIDES.size());
    }
}
